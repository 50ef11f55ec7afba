"""Postcode search through the PDOK Locatieserver, on a response in its exact format (no network here)."""

import io
import json
from urllib.error import URLError

import pytest
from django.urls import reverse

from socialebasis.directory import geocoding

from .factories import ActivityFactory

pytestmark = pytest.mark.django_db

# The shape of https://api.pdok.nl/bzk/locatieserver/search/v3_1/free?q=postcode:5251AB&fq=type:postcode
RECORDED = {
    "response": {
        "numFound": 1,
        "start": 0,
        "maxScore": 13.4,
        "numFoundExact": True,
        "docs": [
            {
                "type": "postcode",
                "weergavenaam": "5251AB Vlijmen",
                "id": "pcd-0000000000000000000000000000000000000000",
                "postcode": "5251AB",
                "woonplaatsnaam": "Vlijmen",
                "gemeentenaam": "Heusden",
                "gemeentecode": "0797",
                "centroide_ll": "POINT(5.2150 51.6955)",
                "centroide_rd": "POINT(141000 410000)",
                "score": 13.4,
            }
        ],
    }
}


class _Answer(io.BytesIO):
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


@pytest.fixture
def pdok(monkeypatch):
    calls = []

    def answer(request, timeout):
        calls.append(request.full_url)
        return _Answer(json.dumps(RECORDED).encode())

    monkeypatch.setattr(geocoding, "urlopen", answer)
    return calls


@pytest.fixture
def pdok_down(monkeypatch):
    def fail(request, timeout):
        raise URLError("no route to host")

    monkeypatch.setattr(geocoding, "urlopen", fail)


def test_postcode_is_turned_into_coordinates(pdok, settings):
    assert geocoding.lookup_postcode("5251 ab") == (51.6955, 5.2150)
    assert pdok[0].startswith(settings.PDOK_LOCATIESERVER_URL)
    assert "postcode%3A5251AB" in pdok[0]


def test_an_unknown_postcode_gives_none(monkeypatch):
    empty = {"response": {"numFound": 0, "start": 0, "docs": []}}
    monkeypatch.setattr(geocoding, "urlopen", lambda request, timeout: _Answer(json.dumps(empty).encode()))
    assert geocoding.lookup_postcode("9999ZZ") is None


def test_near_a_postcode_shows_distance(client, seed_areas, pdok):
    ActivityFactory(title="Buurtsoep", latitude=51.6960, longitude=5.2150)
    body = client.get("/api/v1/activities", {"postcode": "5251AB"}).json()
    assert body["results"][0]["title"] == "Buurtsoep"
    assert body["results"][0]["distance_km"] == 0.1


def test_unreachable_geocoding_is_told_in_dutch_on_the_page_and_is_503_in_the_api(client, seed_areas, pdok_down):
    # 1011 is not among the 4-digit postcodes the platform ships (the four seed municipalities): no fallback.
    ActivityFactory(title="Buurtsoep")
    page = client.get(reverse("directory:list"), {"postcode": "1011AB"})
    assert page.status_code == 200
    assert "Buurtsoep" in page.content.decode()
    dutch = client.get(reverse("directory:list"), {"postcode": "1011AB"}, HTTP_ACCEPT_LANGUAGE="nl")
    assert "de postcodedienst is niet bereikbaar" in dutch.content.decode()
    response = client.get("/api/v1/activities", {"postcode": "1011AB"})
    assert response.status_code == 503
    assert response["Content-Type"] == "application/problem+json"
    assert "postcodedienst" in response.json()["detail"]


def test_an_unreachable_pdok_falls_back_to_the_4_digit_area_and_keeps_the_distance(client, seed_areas, pdok_down):
    ActivityFactory(title="Buurtsoep", latitude=51.6960, longitude=5.2150)
    body = client.get("/api/v1/activities", {"postcode": "5251AB"}).json()
    assert body["results"][0]["distance_km"] is not None
    page = client.get(reverse("directory:list"), {"postcode": "5251 ab"}).content.decode()
    assert "postcodedienst is niet bereikbaar" not in page and "km verderop" in page


@pytest.mark.parametrize("written", ["5251", "5251AB", "5251 ab"])
def test_near_me_by_any_spelling_of_a_postcode(client, seed_areas, pdok, written):
    ActivityFactory(title="Buurtsoep", latitude=51.6960, longitude=5.2150)
    page = client.get(reverse("directory:list"), {"postcode": written})
    assert page.status_code == 200 and "km verderop" in page.content.decode()
    if written == "5251":
        assert pdok == []  # four digits are placed with the platform's own data


def test_an_invalid_postcode_gives_only_the_error_at_the_field(client, seed_areas):
    ActivityFactory(title="Buurtsoep", latitude=51.6960, longitude=5.2150)
    page = client.get(reverse("directory:list"), {"postcode": "52"}).content.decode()
    assert "alleen de vier cijfers: 5251" in page
    assert "gevonden" not in page and "Buurtsoep" not in page


def test_after_a_search_the_results_come_before_the_folded_form(client, seed_areas):
    ActivityFactory(title="Buurtsoep", latitude=51.6960, longitude=5.2150)
    page = client.get(reverse("directory:list"), {"q": "soep"}).content.decode()
    assert page.index("Buurtsoep") < page.index('<details class="sb-refine">') < page.index('name="q"')
    first_visit = client.get(reverse("directory:list")).content.decode()
    assert "sb-refine" not in first_visit and first_visit.index('name="q"') < first_visit.index("Buurtsoep")
