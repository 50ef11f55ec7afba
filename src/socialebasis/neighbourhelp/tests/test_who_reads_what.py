"""Issue 13 points 3, 7 and 9: the role x endpoint matrix for every read path of burenhulp (pages, API, messages,
suggestions), in Heusden's peer mode and Oss's moderated mode."""

import pytest
from django.urls import reverse

from socialebasis.areas.models import District
from socialebasis.neighbourhelp import services
from socialebasis.neighbourhelp.models import VolunteerVacancy

from .factories import HEUSDEN, OSS, help_request, volunteer

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "resident", "owner", "helper", "volunteer", "professional", "professional_elsewhere", "admin"]
SECRET = "Geheime boodschappenlijst"


@pytest.fixture
def world(help_presets, user_factory):
    from socialebasis.directory.tests.factories import OrganisationFactory

    people = {
        "resident": user_factory(),
        "owner": user_factory(first_name="Riet"),
        "helper": None,
        "volunteer": None,
        "professional": user_factory(professional=True, municipalities=[help_presets[HEUSDEN], help_presets[OSS]]),
        "professional_elsewhere": user_factory(professional=True, municipalities=[]),
        "admin": user_factory(administrator=True),
    }
    people["helper"] = volunteer(user_factory(first_name="Harm"), parts=("1-0",))
    people["volunteer"] = volunteer(user_factory(first_name="Vera"), parts=("1-0",))
    peer = help_request(people["owner"], text=SECRET)
    match = services.offer_help(people["helper"], peer, "Ik kan dinsdag helpen.")
    moderated = help_request(people["owner"], code=OSS, postcode="5341", key="boodschappen", text=SECRET)
    organisation = OrganisationFactory(municipality=help_presets[HEUSDEN])
    vacancy = services.create_vacancy(
        people["admin"], organisation=organisation, title="Chauffeur gezocht", task="Rijden", hours="2 uur per week"
    )
    closed = services.create_vacancy(
        people["admin"], organisation=organisation, title="Gesloten vacature", task="Niets", hours="1 uur"
    )
    VolunteerVacancy.objects.filter(pk=closed.pk).update(status="closed")
    return {
        "people": people,
        "peer": peer,
        "match": match,
        "moderated": moderated,
        "vacancy": vacancy,
        "closed": closed,
    }


def _paths(world):
    peer, moderated, match, vacancy = world["peer"], world["moderated"], world["match"], world["vacancy"]
    return {
        "peer request page": reverse("neighbourhelp:request", args=[peer.pk]),
        "moderated request page": reverse("neighbourhelp:request", args=[moderated.pk]),
        "conversation page": reverse("neighbourhelp:conversation", args=[match.pk]),
        "peer request API": f"/api/v1/help-requests/{peer.pk}",
        "moderated request API": f"/api/v1/help-requests/{moderated.pk}",
        "suggestions API": f"/api/v1/help-requests/{peer.pk}/suggestions",
        "vacancy page": reverse("neighbourhelp:vacancy", args=[vacancy.pk]),
        "closed vacancy API": f"/api/v1/volunteer-vacancies/{world['closed'].pk}",
        "queue page": reverse("neighbourhelp:queue"),
    }


OK, HIDDEN, LOGIN = 200, 404, 302
# Expected answer per role for each read path (LOGIN: sent to the sign-in page; 403: signed in but not allowed).
EXPECTED = {
    "anonymous": [OK, HIDDEN, LOGIN, OK, HIDDEN, HIDDEN, OK, HIDDEN, LOGIN],
    "resident": [OK, HIDDEN, HIDDEN, OK, HIDDEN, HIDDEN, OK, HIDDEN, 403],
    "owner": [OK, OK, OK, OK, OK, HIDDEN, OK, HIDDEN, 403],
    "helper": [OK, HIDDEN, OK, OK, HIDDEN, HIDDEN, OK, HIDDEN, 403],
    "volunteer": [OK, HIDDEN, HIDDEN, OK, HIDDEN, HIDDEN, OK, HIDDEN, 403],
    "professional": [OK, OK, OK, OK, OK, OK, OK, OK, OK],
    "professional_elsewhere": [OK, HIDDEN, HIDDEN, OK, HIDDEN, HIDDEN, OK, HIDDEN, OK],
    "admin": [OK, OK, OK, OK, OK, OK, OK, OK, OK],
}


@pytest.mark.parametrize("role", ROLES)
def test_every_read_path_answers_as_the_role_may(client, world, role, verified):
    person = world["people"].get(role)
    if person is not None:
        if person.role in ("professional", "administrator"):
            verified(client, person)
        else:
            client.force_login(person)
    found = {what: client.get(path).status_code for what, path in _paths(world).items()}
    assert found == dict(zip(_paths(world), EXPECTED[role], strict=True))


@pytest.mark.parametrize("role", ["anonymous", "resident", "volunteer", "professional_elsewhere"])
def test_lists_show_the_text_and_moderated_requests_only_to_who_may(client, world, role, verified):
    person = world["people"].get(role)
    if person is not None:
        (verified if person.role == "professional" else lambda c, p: c.force_login(p))(client, person)
    requests = client.get("/api/v1/help-requests").json()
    ids = {row["id"] for row in requests["results"]} if "results" in requests else {row["id"] for row in requests}
    assert world["moderated"].pk not in ids
    assert world["peer"].pk in ids
    index = client.get(reverse("neighbourhelp:index")).content.decode()
    api = client.get(f"/api/v1/help-requests/{world['peer'].pk}").json()
    assert SECRET not in index
    if role == "anonymous":
        assert api["text"] is None
    else:
        assert api["text"] == SECRET
    vacancies = client.get("/api/v1/volunteer-vacancies").content.decode()
    assert "Chauffeur gezocht" in vacancies and "Gesloten vacature" not in vacancies
    assert District.objects.exists()
