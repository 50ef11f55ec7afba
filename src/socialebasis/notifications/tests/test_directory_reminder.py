"""The sociale kaart's freshness reminder goes through notify(): inbox message and e-mail, once per period."""

from datetime import timedelta

import pytest
from django.utils import timezone

from socialebasis.directory import services as directory
from socialebasis.directory.models import Activity
from socialebasis.directory.tests.factories import ActivityFactory
from socialebasis.notifications.models import Message

from .conftest import text_of

pytestmark = pytest.mark.django_db


def test_the_owner_of_an_unchecked_entry_gets_the_reminder_in_the_inbox_and_by_mail(
    settings, seed_areas, smtp_server, commit, user_factory
):
    settings.DIRECTORY_REMINDER_MONTHS = 6
    settings.DIRECTORY_HIDE_MONTHS = 12
    owner = user_factory(email="eigenaar@example.nl")
    activity = ActivityFactory(owner=owner, title="Koor De Lindeboom")
    Activity.objects.filter(pk=activity.pk).update(created_at=timezone.now() - timedelta(days=200))

    with commit():
        report = directory.review_freshness()
    assert [entry.pk for entry in report["reminded"]] == [activity.pk]
    [message] = Message.objects.filter(recipient=owner, kind="directory.reminder")
    assert message.subject == "Kloppen uw gegevens op de sociale kaart nog? (Koor De Lindeboom)"
    assert message.link == activity.get_absolute_url()

    [mail] = smtp_server.received
    assert mail["To"] == "eigenaar@example.nl"
    assert mail["Subject"] == message.subject
    assert f"https://sociale-basis.example.nl{activity.get_absolute_url()}" in text_of(mail)

    # The next night's round reminds nobody again; the entry was not checked, the period is the same.
    with commit():
        directory.review_freshness(now=timezone.now() + timedelta(days=1))
    assert Message.objects.filter(recipient=owner).count() == 1
    assert len(smtp_server.received) == 1


def test_an_entry_without_an_owner_reminds_nobody(settings, seed_areas, smtp_server, commit):
    settings.DIRECTORY_REMINDER_MONTHS = 6
    activity = ActivityFactory(owner=None)
    Activity.objects.filter(pk=activity.pk).update(created_at=timezone.now() - timedelta(days=200))
    with commit():
        directory.review_freshness()
    assert not Message.objects.exists()
    assert smtp_server.received == []
