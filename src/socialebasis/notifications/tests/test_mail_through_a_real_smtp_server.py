"""E-mail from notify() goes through a real SMTP server on 127.0.0.1: once, in the recipient's language."""

from datetime import timedelta

import pytest
from django.utils import timezone

from socialebasis.notifications import services
from socialebasis.notifications.mail import message_id
from socialebasis.notifications.models import Delivery, Message, Preference, RecipientSettings
from socialebasis.notifications.registry import Frequency
from socialebasis.notifications.tasks import send_delivery

from .conftest import free_port, point_mail_at, text_of

pytestmark = pytest.mark.django_db


def security_notice(user, commit, event="Uw wachtwoord is gewijzigd."):
    with commit():
        return services.notify(user, "account.security", context={"event": event})


def test_an_immediate_message_arrives_once_even_when_the_task_runs_twice(smtp_server, commit, user_factory):
    user = user_factory(email="riet@example.nl")
    message = security_notice(user, commit)
    assert len(smtp_server.received) == 1

    # The worker died after sending, or the broker delivered the task twice: it runs again, nothing is sent.
    assert send_delivery.apply(args=[message.delivery_id]).get() is False
    assert send_delivery.apply(args=[message.delivery_id]).get() is False
    [mail] = smtp_server.received
    assert mail["To"] == "riet@example.nl"
    assert "Uw wachtwoord is gewijzigd." in text_of(mail)
    delivery = Delivery.objects.get(pk=message.delivery_id)
    assert delivery.status == Delivery.Status.SENT and delivery.attempts == 1


def test_a_failed_attempt_leaves_the_mail_waiting_and_the_retry_sends_it_once(settings, commit, user_factory):
    from aiosmtpd.controller import Controller

    from .conftest import Mailbox

    port = free_port()
    point_mail_at(settings, port)  # nothing listens there yet: the first attempt fails
    user = user_factory(email="jan@example.nl")
    message = security_notice(user, commit)
    delivery = Delivery.objects.get(pk=message.delivery_id)
    assert delivery.status == Delivery.Status.PENDING and delivery.attempts == 1
    assert "ConnectionRefusedError" in delivery.last_error

    mailbox = Mailbox()
    controller = Controller(mailbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        assert send_delivery.apply(args=[delivery.pk]).get() is True
        assert send_delivery.apply(args=[delivery.pk]).get() is False
    finally:
        controller.stop()
    assert len(mailbox.received) == 1
    delivery.refresh_from_db()
    assert delivery.status == Delivery.Status.SENT and delivery.attempts == 2


def test_a_mail_that_is_still_waiting_is_queued_again_later(settings, smtp_server, commit, user_factory):
    user = user_factory(email="ans@example.nl")
    point_mail_at(settings, free_port())  # down while the message is made
    message = security_notice(user, commit)
    assert Delivery.objects.get(pk=message.delivery_id).status == Delivery.Status.PENDING

    point_mail_at(settings, smtp_server.port)
    with commit():
        assert services.resend_waiting() == 0  # not yet: the task may still be on its way
    with commit():
        assert services.resend_waiting(now=timezone.now() + timedelta(minutes=11)) == 1
    assert len(smtp_server.to("ans@example.nl")) == 1


def test_a_permanent_refusal_marks_the_mail_failed_without_trying_again(smtp_server, commit, user_factory):
    user = user_factory(email="bestaat-niet@example.nl")
    smtp_server.refuse.add("bestaat-niet@example.nl")
    message = security_notice(user, commit)
    delivery = Delivery.objects.get(pk=message.delivery_id)
    assert delivery.status == Delivery.Status.FAILED and "550" in delivery.last_error
    assert smtp_server.received == []


def test_the_mail_carries_a_message_id_made_from_its_key(smtp_server, commit, user_factory):
    user = user_factory()
    first = security_notice(user, commit)
    second = security_notice(user, commit)
    ids = [mail["Message-ID"] for mail in smtp_server.received]
    assert ids == [
        message_id(f"message:{first.pk}"),
        message_id(f"message:{second.pk}"),
    ]
    assert ids[0] != ids[1] and ids[0].endswith("@sociale-basis.example.nl>")


def test_the_same_key_makes_one_message_and_one_mail(smtp_server, commit, user_factory):
    user = user_factory()
    with commit():
        first = services.notify(user, "account.security", key="wachtwoord-2026-03-01")
        again = services.notify(user, "account.security", key="wachtwoord-2026-03-01")
    assert first.pk == again.pk
    assert Message.objects.filter(recipient=user).count() == 1
    assert len(smtp_server.received) == 1


def test_nothing_is_sent_when_the_transaction_rolls_back(smtp_server, user_factory):
    from django.db import transaction

    user = user_factory()
    with pytest.raises(RuntimeError), transaction.atomic():
        services.notify(user, "account.security")
        raise RuntimeError("the caller's work failed")
    assert not Message.objects.filter(recipient=user).exists()
    assert smtp_server.received == []


def test_off_means_inbox_only_and_no_mail(smtp_server, commit, user_factory):
    user = user_factory()
    Preference.objects.create(user=user, kind="directory.reminder", frequency=Frequency.OFF)
    with commit():
        message = services.notify(user, "directory.reminder", context={"name": "Koor"})
    assert message.delivery is None and message.frequency == Frequency.OFF
    assert Message.objects.filter(recipient=user, read_at__isnull=True).count() == 1
    with commit():
        assert services.send_digests(now=timezone.now() + timedelta(days=1)) == 0
    assert smtp_server.received == []


def test_security_notices_cannot_be_turned_off(smtp_server, commit, user_factory):
    user = user_factory()
    Preference.objects.create(user=user, kind="account.security", frequency=Frequency.OFF)
    services.set_preferences(user, {"account.security": Frequency.OFF})
    security_notice(user, commit)
    assert len(smtp_server.received) == 1


def test_the_daily_digest_sends_one_mail_with_everything_waiting_once_per_day(smtp_server, commit, user_factory):
    user = user_factory(email="digest@example.nl")
    other = user_factory(email="ander@example.nl")
    Preference.objects.create(user=user, kind="directory.reminder", frequency=Frequency.DAILY)
    with commit():
        for name in ("Koor", "Breiclub", "Repair Café"):
            services.notify(user, "directory.reminder", context={"name": name})
        services.notify(other, "directory.reminder", context={"name": "Wandelgroep"})  # right away: the default
    assert [mail["To"] for mail in smtp_server.received] == ["ander@example.nl"]

    morning = timezone.now() + timedelta(hours=1)
    with commit():
        assert services.send_digests(now=morning) == 1
    [digest] = smtp_server.to("digest@example.nl")
    body = text_of(digest)
    assert "3 nieuwe berichten" in body
    assert all(name in body for name in ("Koor", "Breiclub", "Repair Café"))
    assert digest["Subject"].startswith("Uw berichten van ")

    # The beat fires twice, or the task is retried: still one digest that day.
    with commit():
        assert services.send_digests(now=morning) == 0
    # A message later that day waits for the next day's digest.
    with commit():
        services.notify(user, "directory.reminder", context={"name": "Buurtsoep"})
        assert services.send_digests(now=morning + timedelta(minutes=5)) == 0
    assert len(smtp_server.to("digest@example.nl")) == 1
    with commit():
        assert services.send_digests(now=morning + timedelta(days=1)) == 1
    assert "Buurtsoep" in text_of(smtp_server.to("digest@example.nl")[1])


def test_the_message_is_written_in_the_language_of_the_recipient(smtp_server, commit, user_factory):
    dutch = user_factory(email="nl@example.nl")
    english = user_factory(email="en@example.nl")
    RecipientSettings.objects.create(user=english, language="en")
    with commit():
        for user in (dutch, english):
            services.notify(user, "directory.reminder", context={"name": "Koor"})
    [nl] = smtp_server.to("nl@example.nl")
    [en] = smtp_server.to("en@example.nl")
    assert nl["Subject"] == "Kloppen uw gegevens op de sociale kaart nog? (Koor)"
    assert en["Subject"] == "Is your information on the sociale kaart still right? (Koor)"
    assert "Klopt nog steeds" in text_of(nl) and "Al uw berichten" in text_of(nl)
    assert "Still correct" in text_of(en) and "All your messages" in text_of(en)
    assert Message.objects.get(recipient=english).subject.startswith("Is your information")


def test_a_user_without_an_address_gets_the_message_in_the_inbox_only(smtp_server, commit, user_factory):
    user = user_factory(email="")
    message = security_notice(user, commit)
    assert message.delivery is None
    assert smtp_server.received == []


def test_a_fault_of_ours_marks_the_mail_failed_instead_of_trying_forever(smtp_server, commit, user_factory):
    # Made, not yet sent (the test's transaction never commits); then the e-mail cannot be written (a broken
    # template, say): trying again would fail the same way.
    message = services.notify(user_factory(), "account.security")
    delivery = Delivery.objects.get(pk=message.delivery_id)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("socialebasis.notifications.services.build_email", lambda *args: 1 / 0)
        with pytest.raises(ZeroDivisionError):
            send_delivery.apply(args=[delivery.pk], throw=True).get()
    delivery.refresh_from_db()
    assert delivery.status == Delivery.Status.FAILED and "ZeroDivisionError" in delivery.last_error
    with commit():
        assert services.resend_waiting(now=timezone.now() + timedelta(hours=1)) == 0
