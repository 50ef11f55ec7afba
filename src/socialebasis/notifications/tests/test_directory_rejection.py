"""A professional who does not approve an entry a resident offered writes a note; the owner gets it through
notify(): in the inbox and by e-mail (over real SMTP, after the commit), with a link to the entry, in plain Dutch."""

import pytest

from socialebasis.directory.models import Activity
from socialebasis.directory.tests.factories import ActivityFactory
from socialebasis.notifications.models import Message

from .conftest import text_of

pytestmark = pytest.mark.django_db

NOTE = "Het adres klopt niet. Wilt u de straat en het huisnummer aanvullen?"


@pytest.fixture
def submitted(seed_areas, user_factory):
    owner = user_factory(email="bewoner@example.nl")
    return ActivityFactory(owner=owner, title="Wandelen met de buurt", unpublished=True)


@pytest.fixture
def professional(client, submitted, user_factory, verified):
    user = user_factory(professional=True, municipalities=[submitted.municipality])
    verified(client, user)
    return user


def _reject(client, activity, note: str):
    return client.post(f"/sociale-kaart/activiteit/{activity.pk}/status/", {"action": "reject", "note": note})


def test_the_owner_of_a_rejected_entry_reads_why_in_the_inbox_and_by_mail(
    client, submitted, professional, smtp_server, commit
):
    with commit():
        assert _reject(client, submitted, NOTE).status_code == 302

    submitted.refresh_from_db()
    assert submitted.status == "rejected"
    [message] = Message.objects.filter(recipient=submitted.owner, kind="directory.rejected")
    assert message.subject == '"Wandelen met de buurt" staat nog niet op de sociale kaart'
    assert NOTE in message.body
    assert "U kunt het aanpassen en opnieuw aanbieden." in message.body
    assert message.link == submitted.get_absolute_url()

    [mail] = smtp_server.received
    assert mail["To"] == "bewoner@example.nl"
    assert mail["Subject"] == message.subject
    assert f"https://sociale-basis.example.nl{submitted.get_absolute_url()}" in text_of(mail)


def test_a_rejection_without_a_note_is_refused_and_tells_nobody(client, submitted, professional, smtp_server, commit):
    with commit():
        _reject(client, submitted, "")

    assert Activity.objects.get(pk=submitted.pk).status == "submitted"
    assert not Message.objects.exists() and smtp_server.received == []


def test_publishing_sends_no_rejection(client, submitted, professional, smtp_server, commit):
    with commit():
        client.post(f"/sociale-kaart/activiteit/{submitted.pk}/status/", {"action": "publish"})

    assert not Message.objects.filter(kind="directory.rejected").exists()
