"""Published means checked (issue 10 point 4): an owner's edit of a public entry waits as a revision; everyone
keeps seeing the published version until a professional approves it."""

import pytest
from django.urls import reverse

from socialebasis.areas.models import Municipality
from socialebasis.audit.models import AuditEvent
from socialebasis.directory.models import Activity, Organisation, Revision, RevisionStatus
from socialebasis.directory.vocabulary import Status
from socialebasis.notifications.models import Message

from .factories import ActivityFactory, MeetingPlaceFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


def _activity_form(activity, **changes):
    """The resident's form as it shows the factory's activity: every Monday from 10:00 to 12:00."""
    return {
        "title": activity.title,
        "description": activity.description,
        "cost": activity.cost,
        "how_often": "weekly",
        "days": ["0"],
        "on_date": "2026-01-05",
        "start_time": "10:00",
        "end_time": "12:00",
        "postcode": activity.postcode_area,
        **changes,
    }


@pytest.fixture
def heusden(seed_areas):
    return Municipality.objects.get(statcode="GM0797")


@pytest.fixture
def owner(user_factory):
    return user_factory()


@pytest.fixture
def professional(user_factory, heusden):
    return user_factory(professional=True, municipalities=[heusden])


def test_an_owners_edit_of_a_published_activity_waits_and_the_public_sees_the_checked_version(client, heusden, owner):
    activity = ActivityFactory(title="Koffieochtend", description="Samen koffie drinken.", owner=owner)
    client.force_login(owner)
    response = client.post(
        reverse("directory:edit", args=["activiteit", activity.pk]),
        _activity_form(activity, title="Gratis geld ophalen", description="Bel dit nummer."),
        follow=True,
    )
    assert "Uw wijziging wacht op controle" in response.content.decode()
    activity.refresh_from_db()
    assert (activity.title, activity.description) == ("Koffieochtend", "Samen koffie drinken.")
    revision = Revision.objects.get()
    assert revision.status == RevisionStatus.PENDING and revision.author == owner
    assert set(revision.changed) == {"title", "description"}
    assert AuditEvent.objects.filter(object_id=str(activity.pk), details__waits_for_check=True).exists()
    client.logout()
    public = client.get(reverse("directory:activity", args=[activity.pk])).content.decode()
    assert "Koffieochtend" in public and "Gratis geld" not in public and "wacht op controle" not in public
    assert "Gratis geld" not in client.get("/api/v1/activities").content.decode()


def test_the_professional_sees_old_and_new_with_dutch_labels_and_approving_applies_and_counts_as_a_check(
    client, heusden, owner, professional, verified
):
    activity = ActivityFactory(title="Koffieochtend", owner=owner, cost="free")
    client.force_login(owner)
    client.post(
        reverse("directory:edit", args=["activiteit", activity.pk]),
        _activity_form(activity, title="Koffieochtend met taart", cost="contribution"),
    )
    client.logout()
    verified(client, professional)
    queue = client.get(reverse("directory:moderation")).content.decode()
    assert "Titel" in queue and "Koffieochtend met taart" in queue
    assert "kosten" in queue.lower() and "gratis" in queue and "vrijwillige bijdrage" in queue
    revision = Revision.objects.get()
    response = client.post(reverse("directory:revision-decision", args=[revision.pk]), {"action": "approve"})
    assert response.status_code == 302
    activity.refresh_from_db()
    assert (activity.title, activity.cost) == ("Koffieochtend met taart", "contribution")
    assert activity.checked_by == professional and activity.checked_at is not None
    revision.refresh_from_db()
    assert revision.status == RevisionStatus.APPROVED and revision.decided_by == professional
    assert AuditEvent.objects.filter(object_id=str(activity.pk), actor=professional, details__approved=True).exists()
    [message] = Message.objects.filter(recipient=owner, kind="directory.change_decided")
    assert message.subject == 'Uw wijziging van "Koffieochtend met taart" staat op de sociale kaart'
    assert message.link == activity.get_absolute_url()


def test_a_rejected_change_leaves_the_entry_and_the_owner_reads_the_note(
    client, heusden, owner, professional, verified
):
    place = MeetingPlaceFactory(name="Buurthuis De Linde", owner=owner)
    client.force_login(owner)
    client.post(
        reverse("directory:edit", args=["plek", place.pk]),
        {"postcode": "5251 AB", "name": "Mijn eigen huis", "kind": place.kind, "setting": "indoor"},
    )
    client.logout()
    verified(client, professional)
    revision = Revision.objects.get()
    url = reverse("directory:revision-decision", args=[revision.pk])
    client.post(url, {"action": "reject"})  # a rejection needs a note
    assert Revision.objects.get().status == RevisionStatus.PENDING
    client.post(url, {"action": "reject", "note": "Dit is geen openbare plek."})
    place.refresh_from_db()
    assert place.name == "Buurthuis De Linde"
    assert Revision.objects.get().status == RevisionStatus.REJECTED
    client.logout()
    client.force_login(owner)
    page = client.get(reverse("directory:place", args=[place.pk])).content.decode()
    assert "niet goedgekeurd" in page and "Dit is geen openbare plek." in page
    # Also in the inbox (and by e-mail as the owner chose), since they may not look at the page again.
    [message] = Message.objects.filter(recipient=owner, kind="directory.change_decided")
    assert message.subject == 'Uw wijziging van "Buurthuis De Linde" is niet doorgevoerd'
    assert "Dit is geen openbare plek." in message.body and "de pagina blijft zoals hij was" in message.body


def test_an_organisation_edit_waits_too_and_a_moderators_own_edit_applies_at_once(
    client, heusden, owner, professional, verified
):
    organisation = OrganisationFactory(name="Breiclub", owner=owner)
    form = {"municipality": heusden.pk, "kind": "association"}
    client.force_login(owner)
    client.post(reverse("directory:edit", args=["organisatie", organisation.pk]), {**form, "name": "Breiclub BV"})
    assert Organisation.objects.get(pk=organisation.pk).name == "Breiclub"
    client.logout()
    verified(client, professional)
    client.post(reverse("directory:edit", args=["organisatie", organisation.pk]), {**form, "name": "Breiclub Vlijmen"})
    assert Organisation.objects.get(pk=organisation.pk).name == "Breiclub Vlijmen"


def test_approving_applies_only_the_changed_fields_over_a_later_edit_by_a_professional(
    client, heusden, owner, professional, verified
):
    organisation = OrganisationFactory(name="Breiclub", description="Oud", owner=owner)
    form = {"municipality": heusden.pk, "kind": "association"}
    client.force_login(owner)
    client.post(
        reverse("directory:edit", args=["organisatie", organisation.pk]),
        {**form, "name": "Breiclub Drunen", "description": "Oud"},
    )
    client.logout()
    verified(client, professional)
    client.post(
        reverse("directory:edit", args=["organisatie", organisation.pk]),
        {**form, "name": "Breiclub", "description": "Elke dinsdag."},
    )
    client.post(reverse("directory:revision-decision", args=[Revision.objects.get().pk]), {"action": "approve"})
    organisation.refresh_from_db()
    assert (organisation.name, organisation.description) == ("Breiclub Drunen", "Elke dinsdag.")


def test_a_move_to_another_municipality_needs_a_professional_of_that_municipality(
    client, heusden, owner, professional, user_factory, verified
):
    oss = Municipality.objects.get(statcode="GM0828")
    activity = ActivityFactory(title="Koffieochtend", owner=owner)
    client.force_login(owner)
    client.post(reverse("directory:edit", args=["activiteit", activity.pk]), _activity_form(activity, postcode="5341"))
    revision = Revision.objects.get()
    assert revision.municipality == oss
    client.logout()
    verified(client, professional)  # works for Heusden only
    assert "Koffieochtend" not in client.get(reverse("directory:moderation")).content.decode().split("Wijzigingen")[1]
    assert (
        client.post(reverse("directory:revision-decision", args=[revision.pk]), {"action": "approve"}).status_code
        == 403
    )
    # Heusden's professional cannot move it directly either: the edit waits for Oss.
    client.post(reverse("directory:edit", args=["activiteit", activity.pk]), _activity_form(activity, postcode="5341"))
    assert Activity.objects.get(pk=activity.pk).municipality == heusden
    client.logout()
    verified(client, user_factory(professional=True, municipalities=[oss]))
    pending = Revision.objects.get(status=RevisionStatus.PENDING)
    assert (
        client.post(reverse("directory:revision-decision", args=[pending.pk]), {"action": "approve"}).status_code == 302
    )
    assert Activity.objects.get(pk=activity.pk).municipality == oss


def test_entries_that_are_not_public_yet_are_edited_directly(client, heusden, owner):
    for status in (Status.DRAFT, Status.SUBMITTED, Status.REJECTED):
        activity = ActivityFactory(title=f"Concept {status}", owner=owner, status=status)
        client.force_login(owner)
        client.post(
            reverse("directory:edit", args=["activiteit", activity.pk]), _activity_form(activity, title="Nieuw")
        )
        assert Activity.objects.get(pk=activity.pk).title == "Nieuw"
    assert not Revision.objects.exists()


def test_a_new_edit_replaces_the_waiting_one_and_the_form_continues_from_it(client, heusden, owner):
    activity = ActivityFactory(title="Koffieochtend", owner=owner)
    client.force_login(owner)
    url = reverse("directory:edit", args=["activiteit", activity.pk])
    client.post(url, _activity_form(activity, title="Eerste poging"))
    assert 'value="Eerste poging"' in client.get(url).content.decode()
    client.post(url, _activity_form(activity, title="Tweede poging"))
    assert list(Revision.objects.values_list("status", flat=True).order_by("pk")) == ["replaced", "pending"]
    client.post(url, _activity_form(activity))  # back to what is published
    assert not Revision.objects.filter(status=RevisionStatus.PENDING).exists()


def test_others_cannot_decide_on_a_change(client, heusden, owner, user_factory):
    activity = ActivityFactory(owner=owner)
    client.force_login(owner)
    client.post(reverse("directory:edit", args=["activiteit", activity.pk]), _activity_form(activity, title="Anders"))
    revision = Revision.objects.get()
    url = reverse("directory:revision-decision", args=[revision.pk])
    assert client.post(url, {"action": "approve"}).status_code == 403  # not even the owner
    client.force_login(user_factory())
    assert client.post(url, {"action": "approve"}).status_code == 403
    assert Activity.objects.get(pk=activity.pk).title != "Anders"
