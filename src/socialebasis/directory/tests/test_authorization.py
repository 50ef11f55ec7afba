"""Unpublished entries never leak, and nobody edits someone else's entry (issue 4 point 8)."""

import pytest
from django.urls import reverse

from socialebasis.areas.models import Municipality
from socialebasis.directory.models import Activity
from socialebasis.directory.vocabulary import Status

from .factories import ActivityFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def entries(seed_areas, user_factory):
    owner = user_factory()
    public = ActivityFactory(title="Zichtbare zangavond", owner=owner)
    hidden = ActivityFactory(title="Verborgen zangavond", unpublished=True, owner=owner)
    return owner, public, hidden


def _read_paths(client, hidden):
    """Every read path, as (what, body): list, search, map data, iCal of a search, API list and detail."""
    return {
        "list": client.get(reverse("directory:list")).content.decode(),
        "search": client.get(reverse("directory:list"), {"q": "zangavond"}).content.decode(),
        "map": client.get(reverse("directory:list"), {"q": "zang"}).content.decode().split("directory-map-data")[-1],
        "ical": client.get(reverse("directory:search-calendar"), {"q": "zangavond"}).content.decode(),
        "api": client.get("/api/v1/activities", {"q": "zangavond"}).content.decode(),
        "api-all": client.get("/api/v1/activities").content.decode(),
    }


def test_unpublished_activity_is_absent_from_every_read_path_for_others(client, entries, user_factory):
    _owner, _public, hidden = entries
    client.force_login(user_factory())
    for what, body in _read_paths(client, hidden).items():
        assert "Zichtbare zangavond" in body, what
        assert "Verborgen zangavond" not in body, what
    assert client.get(reverse("directory:activity", args=[hidden.pk])).status_code == 404
    assert client.get(reverse("directory:activity-calendar", args=[hidden.pk])).status_code == 404
    assert client.get(f"/api/v1/activities/{hidden.pk}").status_code == 404


def test_anonymous_visitors_see_only_published_entries(client, entries):
    _owner, _public, hidden = entries
    for what, body in _read_paths(client, hidden).items():
        assert "Verborgen zangavond" not in body, what


def test_owner_sees_own_unpublished_entry(client, entries):
    owner, _public, hidden = entries
    client.force_login(owner)
    assert client.get(reverse("directory:activity", args=[hidden.pk])).status_code == 200
    assert "Verborgen zangavond" in client.get("/api/v1/activities", {"q": "zangavond"}).content.decode()


def test_professional_of_the_municipality_sees_it_but_not_one_of_another(client, entries, user_factory, verified):
    _owner, _public, hidden = entries
    heusden = user_factory(professional=True, municipalities=[Municipality.objects.get(statcode="GM0797")])
    oss = user_factory(professional=True, municipalities=[Municipality.objects.get(statcode="GM0828")])
    verified(client, heusden)
    assert client.get(reverse("directory:activity", args=[hidden.pk])).status_code == 200
    client.logout()
    verified(client, oss)
    assert client.get(reverse("directory:activity", args=[hidden.pk])).status_code == 404


def test_nobody_edits_someone_elses_entry(client, entries, user_factory):
    _owner, public, _hidden = entries
    client.force_login(user_factory())
    url = reverse("directory:edit", args=["activiteit", public.pk])
    assert client.get(url).status_code == 403
    response = client.post(url, {"title": "Gekaapt", "municipality": public.municipality_id, "cost": "free"})
    assert response.status_code == 403
    assert Activity.objects.get(pk=public.pk).title == "Zichtbare zangavond"
    status = reverse("directory:status", args=["activiteit", public.pk])
    assert client.post(status, {"action": "archive"}).status_code == 403
    assert client.post(status, {"action": "check"}).status_code == 403


def test_owner_edits_own_unpublished_entry_at_once_and_the_edit_is_audited_but_not_a_check(client, entries):
    # A published entry's edit waits for a check instead (test_published_entries_change_only_after_a_check.py).
    from socialebasis.audit.models import AuditEvent

    owner, _public, hidden = entries
    client.force_login(owner)
    url = reverse("directory:edit", args=["activiteit", hidden.pk])
    form = {
        "title": "Verborgen zangavond (nieuw)",
        "cost": "free",
        "how_often": "weekly",
        "days": ["0"],
        "on_date": "2026-01-05",
        "start_time": "10:00",
        "end_time": "11:30",
        "exception_dates": "2026-01-12, 2026-01-19",
    }
    response = client.post(url, form)
    assert response.status_code == 302, response.content.decode()[:3000]
    hidden.refresh_from_db()
    assert hidden.title == "Verborgen zangavond (nieuw)"
    assert hidden.exceptions == ["2026-01-12", "2026-01-19"]
    assert hidden.checked_at is None
    assert AuditEvent.objects.filter(
        object_type="directory.activity", object_id=str(hidden.pk), action="update"
    ).exists()


def test_a_resident_submission_waits_for_moderation(client, seed_areas, user_factory):
    resident = user_factory()
    client.force_login(resident)
    response = client.post(
        reverse("directory:create", args=["organisatie"]),
        {"postcode": "5251", "name": "Breiclub", "kind": "informal_group"},
    )
    assert response.status_code == 302
    client.logout()
    assert "Breiclub" not in client.get("/api/v1/organisations").content.decode()


def test_moderator_publishes_and_that_counts_as_a_check(client, seed_areas, user_factory, verified):
    pending = OrganisationFactory(name="Breiclub", status=Status.SUBMITTED)
    professional = user_factory(professional=True, municipalities=[pending.municipality])
    verified(client, professional)
    response = client.post(reverse("directory:status", args=["organisatie", pending.pk]), {"action": "publish"})
    assert response.status_code == 302
    pending.refresh_from_db()
    assert pending.status == Status.PUBLISHED
    assert pending.checked_by == professional
    client.logout()
    assert "Breiclub" in client.get("/api/v1/organisations").content.decode()


def test_api_list_rows_have_exactly_the_documented_fields(client, entries):
    from socialebasis.directory.api.serializers import ActivitySerializer

    ActivityFactory(title="Wijkzangavond", latitude=51.6955, longitude=5.2150)
    row = client.get("/api/v1/activities", {"q": "wijkzangavond"}).json()["results"][0]
    assert set(row) == set(ActivitySerializer.Meta.fields)
    assert row["municipality"] == "GM0797" and row["district"]["statcode"].startswith("WK0797")
    detail = client.get(f"/api/v1/activities/{row['id']}").json()
    assert {key: detail[key] for key in row if key != "distance_km"} == {
        k: v for k, v in row.items() if k != "distance_km"
    }


def test_professionals_moderate_in_their_own_wijken(client, seed_areas, user_factory, verified):
    from socialebasis.areas.models import District
    from socialebasis.core.permissions import can

    heusden = Municipality.objects.get(statcode="GM0797")
    first, second = District.objects.filter(municipality=heusden).order_by("statcode")[:2]
    here = ActivityFactory(title="Buurtsoep hier", district=first, status=Status.SUBMITTED)
    there = ActivityFactory(title="Buurtsoep daar", district=second, status=Status.SUBMITTED)
    everywhere = OrganisationFactory(name="Stichting voor heel Heusden", status=Status.SUBMITTED)
    assigned = user_factory(professional=True, municipalities=[heusden], districts=[first])
    consulent = user_factory(professional=True, municipalities=[heusden])

    assert can(assigned, "directory.moderate_activity", here)
    assert not can(assigned, "directory.moderate_activity", there)
    assert can(assigned, "directory.moderate_organisation", everywhere)
    assert can(consulent, "directory.moderate_activity", there)
    # Seeing stays per municipality: the colleague of the other wijk can still read the entry.
    assert can(assigned, "directory.view_activity", there)

    verified(client, assigned)
    queue = client.get(reverse("directory:moderation")).content.decode()
    assert "Buurtsoep hier" in queue and "Stichting voor heel Heusden" in queue
    assert "Buurtsoep daar" not in queue
    refused = client.post(reverse("directory:status", args=["activiteit", there.pk]), {"action": "publish"})
    assert refused.status_code == 403
    there.refresh_from_db()
    assert there.status == Status.SUBMITTED
    assert (
        client.post(reverse("directory:status", args=["activiteit", here.pk]), {"action": "publish"}).status_code == 302
    )
