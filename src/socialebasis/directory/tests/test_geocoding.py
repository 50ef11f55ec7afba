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
    ActivityFactory(title="Buurtsoep")
    page = client.get(reverse("directory:list"), {"postcode": "5251AB"})
    assert page.status_code == 200
    assert "Buurtsoep" in page.content.decode()
    dutch = client.get(reverse("directory:list"), {"postcode": "5251AB"}, HTTP_ACCEPT_LANGUAGE="nl")
    assert "de postcodedienst is niet bereikbaar" in dutch.content.decode()
    response = client.get("/api/v1/activities", {"postcode": "5251AB"})
    assert response.status_code == 503
    assert response["Content-Type"] == "application/problem+json"
    assert "postcodedienst" in response.json()["detail"]
