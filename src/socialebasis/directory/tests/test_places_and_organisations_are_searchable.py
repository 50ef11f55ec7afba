"""Places and organisations have a search of their own beside the activities (issue 12, point 2): "Plekken" in
the menu leads there, the tabs carry the words and the postcode over, and a place near the postcode comes first."""

import re

import pytest
from django.urls import reverse

from socialebasis.directory.vocabulary import Status

from .factories import MeetingPlaceFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


def _listed(html: str) -> list[str]:
    block = re.search(r'<ul class="utrecht-unordered-list sb-results".*?</ul>', html, re.S)
    return re.findall(r'<a class="utrecht-link" href="[^"]+">([^<]+)</a>', block.group(0)) if block else []


@pytest.fixture
def places(seed_areas):
    return {
        "near": MeetingPlaceFactory(
            name="Buurthuis De Voorde", city="Vlijmen", latitude=51.6955, longitude=5.2150, accessibility=["wheelchair"]
        ),
        "far": MeetingPlaceFactory(name="Dorpshuis Elshout", city="Elshout", latitude=51.7022, longitude=5.1414),
        "park": MeetingPlaceFactory(name="Speeltuin Oost", kind="open_space", latitude=51.6990, longitude=5.2210),
        "waiting": MeetingPlaceFactory(name="Schuur van de buurman", status=Status.SUBMITTED),
    }


def test_the_main_menu_leads_to_a_search_of_meeting_places(client, places):
    home = client.get("/").content.decode()
    menu = re.search(r'<nav class="sb-nav".*?</nav>', home, re.S).group(0)
    assert f'href="{reverse("directory:places")}">Plekken</a>' in menu
    page = client.get(reverse("directory:places")).content.decode()
    assert "Ontmoetingsplekken" in page and "3 ontmoetingsplekken gevonden" in page
    assert "Schuur van de buurman" not in page


def test_places_are_found_by_word_kind_and_access(client, places):
    assert _listed(client.get(reverse("directory:places"), {"q": "voorde"}).content.decode()) == ["Buurthuis De Voorde"]
    assert _listed(client.get(reverse("directory:places"), {"kind": "open_space"}).content.decode()) == [
        "Speeltuin Oost"
    ]
    assert _listed(client.get(reverse("directory:places"), {"accessible": "on"}).content.decode()) == [
        "Buurthuis De Voorde"
    ]


def test_places_near_a_postcode_come_nearest_first_with_their_distance(client, places):
    html = client.get(reverse("directory:places"), {"postcode": "5251", "radius": "10"}).content.decode()
    listed = _listed(html)
    assert listed.index("Buurthuis De Voorde") < listed.index("Dorpshuis Elshout")
    assert "km verderop" in html
    # After a search the results come first and the form folds away.
    assert html.index('id="resultaten"') < html.index('<details class="sb-refine">')


def test_organisations_are_found_by_word_and_kind_and_tabs_keep_the_words(client, seed_areas):
    OrganisationFactory(name="Voedselbank Heusden", kind="foundation", description="Pakketten voor wie krap zit.")
    OrganisationFactory(name="Zangvereniging Kwinkslag", kind="association")
    html = client.get(reverse("directory:organisations"), {"q": "pakketten"}).content.decode()
    assert _listed(html) == ["Voedselbank Heusden"]
    assert "1 organisatie gevonden" in html
    assert _listed(client.get(reverse("directory:organisations"), {"kind": "association"}).content.decode()) == [
        "Zangvereniging Kwinkslag"
    ]
    tabs = re.search(r'<nav class="sb-search-tabs".*?</nav>', html, re.S).group(0)
    assert f'href="{reverse("directory:list")}?q=pakketten"' in tabs
    assert f'aria-current="page" href="{reverse("directory:organisations")}?q=pakketten"' in tabs


def test_an_invalid_postcode_gives_only_the_field_error(client, places):
    html = client.get(reverse("directory:places"), {"postcode": "52"}).content.decode()
    assert "Een postcode ziet eruit als 5251 AB" in html
    assert 'id="resultaten"' not in html and "gevonden" not in html
