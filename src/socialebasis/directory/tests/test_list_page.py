"""The list page offers municipalities, wijken and spheres by name; the API keeps the codes."""

import io
import re

import pytest
from django.core.management import call_command

from socialebasis.areas.models import District

from .factories import ActivityFactory

pytestmark = pytest.mark.django_db


def _options(html: str, name: str) -> list[tuple[str, str]]:
    select = re.search(rf'<select name="{name}".*?</select>', html, re.S).group(0)
    return re.findall(r'<option value="([^"]*)"[^>]*>([^<]*)</option>', select)


def test_wijken_and_spheres_are_offered_once_a_municipality_is_chosen(client, seed_areas):
    call_command("load_framework_presets", stdout=io.StringIO())
    html = client.get("/sociale-kaart/").content.decode()
    assert ("GM0797", "Heusden") in _options(html, "municipality")
    assert _options(html, "district") == [("", "alle")]
    assert "Kies eerst een gemeente en klik op Zoeken" in html

    html = client.get("/sociale-kaart/", {"municipality": "GM0797"}).content.decode()
    wijken = _options(html, "district")[1:]
    assert wijken == list(
        District.objects.filter(municipality__statcode="GM0797").order_by("statcode").values_list("statcode", "name")
    )
    assert ("personal", "Persoonlijke sociale basis") in _options(html, "sphere")


def test_choosing_a_wijk_from_the_list_narrows_the_results(client, seed_areas):
    first, second = District.objects.filter(municipality__statcode="GM0797").order_by("statcode")[:2]
    ActivityFactory(title="Soep in de eerste wijk", district=first)
    ActivityFactory(title="Soep in de tweede wijk", district=second)
    html = client.get("/sociale-kaart/", {"municipality": "GM0797", "district": first.statcode}).content.decode()
    assert "Soep in de eerste wijk" in html and "Soep in de tweede wijk" not in html
    assert f'<option value="{first.statcode}" selected>' in html
