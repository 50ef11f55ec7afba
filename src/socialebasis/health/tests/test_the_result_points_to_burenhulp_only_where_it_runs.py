"""The result page points a resident to asking a neighbour for help only where their municipality runs burenhulp
(a HelpSettings row); elsewhere, and for a visitor without an account, it points to the sociale kaart in their own
wijk instead of to a place that is not there for them."""

import pytest
from django.urls import reverse

from socialebasis.areas.models import District, Municipality
from socialebasis.neighbourhelp.models import HelpSettings

from .conftest import form_data

pytestmark = pytest.mark.django_db

ASK = reverse("neighbourhelp:ask")


@pytest.fixture
def resident_in(user_factory):
    def make(statcode: str, name: str):
        municipality = Municipality.objects.create(statcode=statcode, name=name)
        district = District.objects.create(
            statcode=f"WK{statcode[2:]}01", name=f"{name}-Centrum", year=2024, municipality=municipality
        )
        resident = user_factory()
        resident.home_municipality, resident.home_district = municipality, district
        resident.save(update_fields=["home_municipality", "home_district"])
        return resident

    return make


def _result_of(client, resident) -> str:
    client.force_login(resident)
    response = client.post(reverse("health:self-check"), form_data(3))
    return client.get(response.url).content.decode()


def test_where_the_municipality_runs_burenhulp_the_result_points_to_asking_a_neighbour(client, resident_in):
    resident = resident_in("GM0797", "Heusden")
    HelpSettings.objects.create(municipality=resident.home_municipality, name="Heusden voor Elkaar")

    html = _result_of(client, resident)

    assert f'href="{ASK}"' in html and "Vraag een buur om hulp" in html
    assert 'href="/sociale-kaart/?municipality=GM0797&amp;district=WK079701"' in html


def test_where_it_does_not_the_result_points_to_the_sociale_kaart_in_the_wijk(client, resident_in):
    resident = resident_in("GM0668", "West Maas en Waal")

    html = _result_of(client, resident)

    assert "/burenhulp/" not in html and "Vraag een buur om hulp" not in html
    assert 'href="/sociale-kaart/?municipality=GM0668&amp;district=WK066801"' in html


def test_a_visitor_without_an_account_is_not_sent_to_a_burenhulp_we_cannot_know_they_have(client, resident_in):
    resident = resident_in("GM0797", "Heusden")  # burenhulp runs somewhere, but we do not know where this visitor lives
    HelpSettings.objects.create(municipality=resident.home_municipality, name="Heusden voor Elkaar")

    html = client.post(reverse("health:self-check"), form_data(3)).content.decode()

    assert "/burenhulp/" not in html
    assert 'href="/sociale-kaart/"' in html
