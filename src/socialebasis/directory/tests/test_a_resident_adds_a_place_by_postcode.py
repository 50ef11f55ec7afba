"""A resident names a meeting place by its address (issue 12 point 4): the municipality, the wijk and a point on
the map come from the postcode, never from a list or from coordinates typed in; professionals keep those fields.
An organisation has no address, so a resident gives the postcode where it works, only when adding it."""

import pytest

from socialebasis.areas.models import Municipality
from socialebasis.directory.models import MeetingPlace, Organisation
from socialebasis.directory.vocabulary import Status

pytestmark = pytest.mark.django_db
ADD = "/sociale-kaart/nieuw/plek/"
ADD_ORGANISATION = "/sociale-kaart/nieuw/organisatie/"


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


def test_a_resident_adds_an_organisation_by_postcode_and_never_picks_from_the_municipalities(
    client, user_factory, heusden
):
    owner = user_factory(home_municipality=heusden)
    client.force_login(owner)
    page = client.get(ADD_ORGANISATION).content.decode().split("<main")[1].split("</main>")[0]
    assert 'name="municipality"' not in page and 'name="postcode"' in page
    response = client.post(ADD_ORGANISATION, {"name": "Breiclub", "kind": "informal_group", "postcode": "9999"})
    assert "Deze postcode kennen we niet" in response.content.decode() and not Organisation.objects.exists()
    client.post(ADD_ORGANISATION, {"name": "Breiclub", "kind": "informal_group", "postcode": "5251 AB"})
    organisation = Organisation.objects.get()
    assert organisation.municipality == heusden and organisation.owner == owner
    edit = client.get(f"/sociale-kaart/organisatie/{organisation.pk}/bewerken/").content.decode()
    assert 'name="postcode"' not in edit and 'name="municipality"' not in edit


def test_staff_choose_an_organisations_municipality_from_those_they_work_for(client, user_factory, heusden, verified):
    verified(client, user_factory(professional=True, municipalities=[heusden]))
    page = client.get(ADD_ORGANISATION).content.decode()
    choices = page.split('name="municipality"')[1].split("</select>")[0]
    assert "Heusden" in choices and "Oss" not in choices and 'name="postcode"' not in page
