"""Messages are kept for NOTIFICATIONS_RETENTION_MONTHS; a user's messages can be exported and erased."""

import io
import json
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command

from socialebasis.audit.models import Action, AuditEvent
from socialebasis.notifications import selectors, services
from socialebasis.notifications.models import Delivery, Message, Preference, RecipientSettings
from socialebasis.notifications.registry import Frequency
from socialebasis.notifications.tasks import delete_expired

pytestmark = pytest.mark.django_db

NOW = datetime(2027, 3, 15, 12, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))


def message_made_at(user, when):
    message = services.notify(user, "account.security", context={"event": f"Gebeurd op {when:%d-%m-%Y}"})
    Message.objects.filter(pk=message.pk).update(created_at=when)
    Delivery.objects.filter(pk=message.delivery_id).update(created_at=when)
    return message


def test_messages_older_than_the_retention_period_are_deleted(settings, user_factory):
    settings.NOTIFICATIONS_RETENTION_MONTHS = 12
    user = user_factory()
    too_old = message_made_at(user, NOW - timedelta(days=366))
    just_kept = message_made_at(user, NOW - timedelta(days=360))
    new = message_made_at(user, NOW - timedelta(days=1))

    assert services.delete_expired(now=NOW) == 1
    assert set(Message.objects.values_list("pk", flat=True)) == {just_kept.pk, new.pk}
    assert not Delivery.objects.filter(pk=too_old.delivery_id).exists()
    assert Delivery.objects.filter(pk=just_kept.delivery_id).exists()
    event = AuditEvent.objects.get(action=Action.DELETE, object_type="notifications.message")
    assert event.details["removed"] == 1
    assert services.delete_expired(now=NOW) == 0  # again: nothing more


def test_the_retention_period_comes_from_the_settings(settings, user_factory):
    settings.NOTIFICATIONS_RETENTION_MONTHS = 1
    user = user_factory()
    message_made_at(user, NOW - timedelta(days=40))
    kept = message_made_at(user, NOW - timedelta(days=20))
    assert services.delete_expired(now=NOW) == 1
    assert list(Message.objects.values_list("pk", flat=True)) == [kept.pk]


def test_the_retention_runs_as_a_task_and_a_command(user_factory):
    user = user_factory()
    message_made_at(user, NOW - timedelta(days=3 * 365))
    assert delete_expired.delay().get() == 1
    message_made_at(user, NOW - timedelta(days=3 * 365))
    out = io.StringIO()
    call_command("delete_expired_messages", stdout=out)
    assert out.getvalue().startswith("1 ")
    assert not Message.objects.exists()


def test_a_users_messages_export_as_plain_data(user_factory):
    user = user_factory()
    other = user_factory()
    services.set_preferences(user, {"directory.reminder": Frequency.DAILY}, language="en")
    services.notify(user, "directory.reminder", context={"name": "Koor"})
    services.notify(other, "directory.reminder", context={"name": "Niet van mij"})
    data = selectors.export_messages(user)
    assert json.loads(json.dumps(data)) == data  # plain data, nothing that needs our code to read
    assert data["language"] == "en"
    assert data["preferences"]["directory.reminder"] == "daily"
    [message] = data["messages"]
    assert "Koor" in message["subject"] and message["read_at"] is None
    assert "Niet van mij" not in json.dumps(data)


def test_erasing_removes_everything_of_that_user_only(user_factory):
    user = user_factory()
    other = user_factory()
    services.set_preferences(user, {"directory.reminder": Frequency.DAILY}, language="en")
    services.notify(user, "account.security")
    services.notify(user, "directory.reminder", context={"name": "Koor"})
    services.notify(other, "account.security")

    assert services.erase_messages(user) == 2
    assert not Message.objects.filter(recipient=user).exists()
    assert not Delivery.objects.filter(recipient=user).exists()
    assert not Preference.objects.filter(user=user).exists()
    assert not RecipientSettings.objects.filter(user=user).exists()
    assert Message.objects.filter(recipient=other).count() == 1
    assert selectors.export_messages(user)["messages"] == []
