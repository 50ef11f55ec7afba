"""A resident names a meeting place by its address (issue 12 point 4): the municipality, the wijk and a point on
the map come from the postcode, never from a list or from coordinates typed in; professionals keep those fields."""

import pytest

from socialebasis.areas.models import Municipality
from socialebasis.directory.models import MeetingPlace
from socialebasis.directory.vocabulary import Status

pytestmark = pytest.mark.django_db
ADD = "/sociale-kaart/nieuw/plek/"


@pytest.fixture
def heusden(seed_areas):
    return Municipality.objects.get(statcode="GM0797")


def _place(**changes):
    return {"name": "Buurtkamer De Hoek", "kind": "public_building", "setting": "indoor", "postcode": "5251 ab",
            "street": "Kerkstraat 1", **changes}  # fmt: skip


def test_a_resident_gives_a_postcode_and_the_place_lands_in_its_municipality_and_wijk(client, user_factory, heusden):
    client.force_login(user_factory(home_municipality=heusden))
    page = client.get(ADD).content.decode().split("<main")[1].split("</main>")[0]
    assert 'name="latitude"' not in page and 'name="municipality"' not in page and 'name="district"' not in page
    response = client.post(ADD, _place(), follow=True)
    assert response.status_code == 200
    place = MeetingPlace.objects.get()
    assert place.municipality == heusden and place.status == Status.SUBMITTED
    assert place.district is not None and place.district.municipality == heusden
    assert place.latitude is not None and place.longitude is not None


@pytest.mark.parametrize(
    ("postcode", "message"),
    [("", "Dit veld is vereist"), ("52", "ziet eruit als 5251 AB"), ("9999", "Deze postcode kennen we niet")],
)
def test_a_missing_malformed_or_unknown_postcode_is_an_error_at_the_field(client, user_factory, heusden, postcode,
                                                                          message):  # fmt: skip
    client.force_login(user_factory(home_municipality=heusden))
    response = client.post(ADD, _place(postcode=postcode))
    assert response.status_code == 200 and message in response.content.decode()
    assert not MeetingPlace.objects.exists()


def test_a_professional_keeps_the_municipality_and_the_coordinates(client, user_factory, heusden, verified):
    professional = user_factory(professional=True, municipalities=[heusden])
    verified(client, professional)
    page = client.get(ADD).content.decode()
    assert 'name="latitude"' in page and 'name="municipality"' in page
