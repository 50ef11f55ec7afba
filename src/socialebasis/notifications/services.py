"""Writes of the notifications app: telling a user something, reading, preferences, unsubscribing, retention.

`notify()` is the one door through which the platform tells a user something. It puts a message in the user's
inbox and, as the user wants it for that kind, e-mails it right away (a Celery task after commit), keeps it for
the daily digest, or only leaves it in the inbox.
"""

import smtplib
from datetime import datetime, timedelta
from typing import Any

import structlog
from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.utils import timezone

from socialebasis.audit.models import Action
from socialebasis.audit.services import record_event

from . import registry, selectors
from .mail import DIGEST, absolute_url, build_email, render_text
from .models import Delivery, Message, Preference, RecipientSettings
from .registry import Frequency, Kind
from .selectors import Unsubscription

log = structlog.get_logger(__name__)

# Tries per e-mail before it is marked failed (with the task's backoff: a few hours in all).
MAX_ATTEMPTS = 10


def notify(
    recipient, kind: str, *, context: dict[str, Any] | None = None, about=None, key: str = "", link: str = ""
) -> Message:
    """Tell `recipient` something of `kind` (registered in an app's notifications.py).

    `context` fills the kind's templates (pass lazy translations for texts, so they follow the recipient's
    language); `about` is the object the message is about (its page is linked); `key`, when given, makes the call
    idempotent: a second call with the same key for the same recipient returns the first message and sends nothing.
    `link`, when given, is the page to link instead of `about`'s own (for a recipient who may not open that page).
    Call it inside the caller's transaction: the e-mail goes only after that commits.
    """
    spec = registry.get(kind)
    if key and (existing := Message.objects.filter(recipient=recipient, key=key).first()):
        return existing
    frequency = selectors.frequency_for(recipient, spec)
    link = link or _link_to(about)
    subject, body = render_text(
        spec,
        selectors.language_of(recipient),
        {**(context or {}), "recipient": recipient, "about": about, "link": absolute_url(link) if link else ""},
    )
    try:
        with transaction.atomic():
            message = Message.objects.create(
                recipient=recipient,
                kind=spec.key,
                subject=subject,
                body=body,
                link=link,
                about_type=ContentType.objects.get_for_model(about) if about is not None else None,
                about_id=str(about.pk) if about is not None else "",
                key=key,
                frequency=frequency,
            )
            if frequency == Frequency.IMMEDIATELY and recipient.email and recipient.is_active:
                message.delivery = Delivery.objects.create(key=f"message:{message.pk}", recipient=recipient)
                message.save(update_fields=["delivery"])
                _send_after_commit(message.delivery.pk)
    except IntegrityError:
        if not key:
            raise
        return Message.objects.get(recipient=recipient, key=key)  # the same key, made at the same moment
    return message


def _link_to(about) -> str:
    if about is None or not hasattr(about, "get_absolute_url"):
        return ""
    return about.get_absolute_url()


def _send_after_commit(delivery_id: int) -> None:
    from .tasks import send_delivery

    # robust: a broker that is down must not break the request that already committed; the delivery stays
    # pending and resend_waiting() queues it again.
    transaction.on_commit(lambda: send_delivery.delay(delivery_id), robust=True)


def deliver(delivery_id: int) -> bool:
    """Send one e-mail unless it was sent already; True when this call sent it.

    The row is locked while the mail goes out, so a retry or a duplicate task waits and then finds it sent. An
    SMTP error leaves the row pending and is raised to the task, which tries again later.
    """
    with transaction.atomic():
        delivery = (
            Delivery.objects.select_for_update(of=("self",)).select_related("recipient").filter(pk=delivery_id).first()
        )
        if delivery is None or delivery.status != Delivery.Status.PENDING:
            return False
        email = build_email(delivery, selectors.language_of(delivery.recipient))
        delivery.attempts += 1
        if email is None:
            delivery.status = Delivery.Status.SKIPPED
        else:
            email.send(using="default")
            delivery.status, delivery.sent_at = Delivery.Status.SENT, timezone.now()
        delivery.save(update_fields=["attempts", "status", "sent_at"])
    log.info("notification mail", delivery=delivery.key, status=str(delivery.status))
    return delivery.status == Delivery.Status.SENT


def record_failed_attempt(delivery_id: int, error: Exception, *, permanent: bool = False) -> bool:
    """Note a failed attempt; True when it is worth trying again (not a permanent refusal, tries left)."""
    permanent = permanent or _is_permanent(error)
    with transaction.atomic():
        delivery = Delivery.objects.select_for_update().filter(pk=delivery_id).first()
        if delivery is None or delivery.status != Delivery.Status.PENDING:
            return False
        delivery.attempts += 1
        delivery.last_error = f"{type(error).__name__}: {error}"[:500]
        if permanent or delivery.attempts >= MAX_ATTEMPTS:
            delivery.status = Delivery.Status.FAILED
        delivery.save(update_fields=["attempts", "last_error", "status"])
    log.warning("notification mail failed", delivery=delivery.key, attempts=delivery.attempts, error=str(error))
    return delivery.status == Delivery.Status.PENDING


def _is_permanent(error: Exception) -> bool:
    """A 5xx answer (unknown mailbox, refused): sending again will not help."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return all(code >= 500 for code, _message in error.recipients.values())
    return isinstance(error, smtplib.SMTPResponseException) and 500 <= error.smtp_code < 600


def resend_waiting(now: datetime | None = None) -> int:
    """Queue again the e-mails still waiting a while after they were made (lost task, broker or SMTP was down)."""
    now = now or timezone.now()
    waiting = list(
        Delivery.objects.filter(status=Delivery.Status.PENDING, created_at__lte=now - timedelta(minutes=10))
        .order_by("created_at")
        .values_list("pk", flat=True)
    )
    for delivery_id in waiting:
        _send_after_commit(delivery_id)
    return len(waiting)


def send_digests(now: datetime | None = None) -> int:
    """Put each user's waiting messages in one e-mail for today; how many digests were queued.

    Idempotent per user and day: the digest of a day is one delivery (key `digest:<user>:<day>`); once it went
    out, messages that arrive later that day wait for the next day's digest.
    """
    now = now or timezone.now()
    day = timezone.localdate(now)
    waiting = Message.objects.filter(frequency=Frequency.DAILY, delivery__isnull=True, created_at__lte=now)
    queued = 0
    for user_id in waiting.order_by().values_list("recipient_id", flat=True).distinct():
        with transaction.atomic():
            delivery, _created = Delivery.objects.get_or_create(
                key=f"digest:{user_id}:{day.isoformat()}", defaults={"recipient_id": user_id, "day": day}
            )
            delivery = Delivery.objects.select_for_update().get(pk=delivery.pk)
            if delivery.status != Delivery.Status.PENDING:
                continue
            if waiting.filter(recipient_id=user_id).update(delivery=delivery):
                _send_after_commit(delivery.pk)
                queued += 1
    return queued


def mark_read(user, message: Message) -> None:
    Message.objects.filter(pk=message.pk, recipient=user, read_at__isnull=True).update(read_at=timezone.now())


def mark_unread(user, message: Message) -> None:
    Message.objects.filter(pk=message.pk, recipient=user).update(read_at=None)


def mark_all_read(user) -> int:
    return Message.objects.filter(recipient=user, read_at__isnull=True).update(read_at=timezone.now())


@transaction.atomic
def set_preferences(user, frequencies: dict[str, str], *, language: str | None = None) -> None:
    """Store how `user` wants to hear about each kind (kinds that cannot be turned off are left alone)."""
    changed = {}
    for key, value in frequencies.items():
        kind = registry.get(key)
        if not kind.optional:
            continue
        changed[key] = _set_frequency(user, kind, Frequency(value))
    if language is not None:
        if language not in dict(settings.LANGUAGES):
            raise ValueError(f"Unknown language {language!r}.")
        RecipientSettings.objects.update_or_create(user=user, defaults={"language": language})
    record_event(
        user,
        Action.UPDATE,
        object_type="notifications.preference",
        object_id=str(user.pk),
        frequencies={key: str(value) for key, value in changed.items()},
        language=language or "",
    )


def _set_frequency(user, kind: Kind, frequency: Frequency) -> Frequency:
    Preference.objects.update_or_create(user=user, kind=kind.key, defaults={"frequency": frequency})
    if frequency == Frequency.OFF:
        # What was waiting for the digest is not mailed any more either.
        Message.objects.filter(recipient=user, kind=kind.key, frequency=Frequency.DAILY, delivery__isnull=True).update(
            frequency=Frequency.OFF
        )
    return frequency


@transaction.atomic
def unsubscribe(request: Unsubscription) -> list[Kind]:
    """Stop the e-mails an unsubscribe link names (no sign-in needed: the link is signed). The kinds turned off."""
    user = request.user
    if request.kind is not None:
        kinds = [request.kind]
    else:
        now = selectors.preferences_of(user)
        kinds = [kind for kind in registry.kinds() if kind.optional and now[kind.key] == Frequency.DAILY]
    for kind in kinds:
        _set_frequency(user, kind, Frequency.OFF)
    record_event(
        None,
        Action.UPDATE,
        object_type="notifications.preference",
        object_id=str(user.pk),
        unsubscribed=[kind.key for kind in kinds] if request.kind else [DIGEST],
        via="unsubscribe-link",
    )
    return kinds


def delete_expired(now: datetime | None = None) -> int:
    """Delete messages (and their e-mail records) older than NOTIFICATIONS_RETENTION_MONTHS; how many messages."""
    now = now or timezone.now()
    cutoff = now - relativedelta(months=settings.NOTIFICATIONS_RETENTION_MONTHS)
    with transaction.atomic():
        _total, per_model = Message.objects.filter(created_at__lt=cutoff).delete()
        removed = per_model.get(Message._meta.label, 0)
        Delivery.objects.filter(created_at__lt=cutoff, messages__isnull=True).delete()
        if removed:
            record_event(
                None,
                Action.DELETE,
                object_type="notifications.message",
                removed=removed,
                older_than=cutoff.isoformat(),
                reason="retention",
            )
    return removed


@transaction.atomic
def erase_messages(user, *, actor=None) -> int:
    """Remove everything this app keeps about `user` (messages, e-mail records, preferences, language)."""
    _total, per_model = Message.objects.filter(recipient=user).delete()
    Delivery.objects.filter(recipient=user).delete()
    Preference.objects.filter(user=user).delete()
    RecipientSettings.objects.filter(user=user).delete()
    removed = per_model.get(Message._meta.label, 0)
    record_event(actor, Action.DELETE, object_type="notifications.message", object_id=str(user.pk), removed=removed)
    return removed
