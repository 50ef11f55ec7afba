"""An entry's status moves only by the steps of its workflow (directory/workflows.py), by the people each allows."""

import pytest

from socialebasis.audit.models import AuditEvent
from socialebasis.directory import services
from socialebasis.directory.models import Activity
from socialebasis.directory.tests.factories import ActivityFactory
from socialebasis.directory.vocabulary import Status
from socialebasis.workflows.services import TransitionNotAllowed, allowed_steps

pytestmark = pytest.mark.django_db


@pytest.fixture
def resident(user_factory):
    return user_factory()


@pytest.fixture
def professional(seed_areas, user_factory):
    from socialebasis.areas.models import Municipality

    return user_factory(professional=True, municipalities=[Municipality.objects.get(statcode="GM0797")])


def test_a_rejection_needs_a_note_and_the_owner_offers_the_changed_entry_again(
    client, seed_areas, resident, professional, verified
):
    entry = ActivityFactory(unpublished=True, owner=resident)
    verified(client, professional)
    url = f"/sociale-kaart/activiteit/{entry.pk}/status/"
    client.post(url, {"action": "reject", "note": ""})
    assert Activity.objects.get(pk=entry.pk).status == Status.SUBMITTED  # no note, no rejection
    client.post(url, {"action": "reject", "note": "Vermeld de tijd, dan kunnen we het publiceren."})
    assert Activity.objects.get(pk=entry.pk).status == Status.REJECTED

    rejected = Activity.objects.get(pk=entry.pk)
    rejected.description = "Elke dinsdag van 10 tot 12 uur."
    services.save_entry(rejected, actor=resident, via="page", submit=True)
    assert Activity.objects.get(pk=entry.pk).status == Status.SUBMITTED
    lines = AuditEvent.objects.filter(object_id=str(entry.pk), details__workflow="directory.activity")
    assert [(line.details["source"], line.details["target"]) for line in lines.order_by("pk")] == [
        ("submitted", "rejected"),
        ("rejected", "submitted"),
    ]


def test_the_owner_cannot_publish_and_the_freshness_steps_are_the_platforms_own(resident, professional, seed_areas):
    entry = ActivityFactory(unpublished=True, owner=resident)
    assert [step.target for step in allowed_steps(entry, resident)] == []
    with pytest.raises(TransitionNotAllowed):
        services.set_status(entry, Status.PUBLISHED, actor=resident)
    assert {step.target for step in allowed_steps(entry, professional)} == {Status.PUBLISHED, Status.REJECTED}

    published = ActivityFactory(owner=resident)
    with pytest.raises(TransitionNotAllowed):
        services.set_status(published, Status.NEEDS_CHECK, actor=professional)  # only the schedule does this
    services.set_status(published, Status.NEEDS_CHECK, actor=None)
    assert Activity.objects.get(pk=published.pk).status == Status.NEEDS_CHECK


def test_publishing_counts_as_a_check_by_a_person(resident, professional, seed_areas):
    entry = ActivityFactory(unpublished=True, owner=resident)
    services.set_status(entry, Status.PUBLISHED, actor=professional)
    entry.refresh_from_db()
    assert entry.status == Status.PUBLISHED and entry.checked_by == professional and entry.checked_at is not None


def test_staff_looking_at_an_unpublished_entry_is_audited_the_owner_and_public_pages_are_not(
    client, resident, professional, verified
):
    from socialebasis.audit.models import Action

    waiting = ActivityFactory(unpublished=True, owner=resident, contact_name="Anna de Vries")
    public = ActivityFactory(owner=resident)
    client.force_login(resident)
    client.get(f"/sociale-kaart/activiteiten/{waiting.pk}/")
    verified(client, professional)
    assert client.get(f"/sociale-kaart/activiteiten/{public.pk}/").status_code == 200
    assert client.get(f"/sociale-kaart/activiteiten/{waiting.pk}/").status_code == 200
    reads = AuditEvent.objects.filter(action=Action.VIEW, object_type="directory.activity")
    assert [(line.actor, line.object_id) for line in reads] == [(professional, str(waiting.pk))]
