"""Reads of the notifications app: the inbox, the unread count, preferences, and a user's messages as data."""

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from socialebasis.core.permissions import visible

from . import registry
from .mail import DIGEST, read_unsubscribe_token
from .models import Message, Preference, RecipientSettings
from .registry import Frequency, Kind


def inbox_of(user) -> QuerySet[Message]:
    """The messages `user` may read: their own, newest first."""
    return visible(user, "notifications.view_message", Message.objects.all())


def message_for(user, pk: int) -> Message:
    """One of the user's own messages; 404 for anyone else's, so that its existence is not given away."""
    return get_object_or_404(inbox_of(user), pk=pk)


def unread_count(user) -> int:
    """One count on the partial index notif_unread."""
    return Message.objects.filter(recipient=user, read_at__isnull=True).count()


def language_of(user) -> str:
    """The language to write to `user` in: their choice, else the site's default (Dutch)."""
    chosen = RecipientSettings.objects.filter(user=user).values_list("language", flat=True).first()
    return chosen if chosen in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def frequency_for(user, kind: Kind) -> Frequency:
    """How `user` hears about `kind`: always right away when it cannot be turned off, else their choice or default."""
    if not kind.optional:
        return Frequency.IMMEDIATELY
    chosen = Preference.objects.filter(user=user, kind=kind.key).values_list("frequency", flat=True).first()
    return Frequency(chosen) if chosen in Frequency.values else kind.default


def preferences_of(user) -> dict[str, Frequency]:
    """Every registered kind with how `user` hears about it."""
    chosen = dict(Preference.objects.filter(user=user).values_list("kind", "frequency"))
    result = {}
    for kind in registry.kinds():
        value = chosen.get(kind.key)
        if not kind.optional:
            result[kind.key] = Frequency.IMMEDIATELY
        else:
            result[kind.key] = Frequency(value) if value in Frequency.values else kind.default
    return result


def export_messages(user) -> dict[str, Any]:
    """Everything this app keeps about `user`, as plain data (for "download my data")."""
    return {
        "language": language_of(user),
        "preferences": {key: str(value) for key, value in preferences_of(user).items()},
        "messages": [
            {
                "kind": message.kind,
                "subject": message.subject,
                "text": message.body,
                "link": message.link,
                "created_at": message.created_at.isoformat(),
                "read_at": message.read_at.isoformat() if message.read_at else None,
                "e-mail": str(message.frequency),
                "sent_at": message.delivery.sent_at.isoformat()
                if message.delivery and message.delivery.sent_at
                else None,
            }
            for message in Message.objects.filter(recipient=user).select_related("delivery").order_by("created_at")
        ],
    }


@dataclass(frozen=True)
class Unsubscription:
    """What an unsubscribe link stops: the e-mails of one kind, or (kind None) the daily digest."""

    user: Any
    kind: Kind | None


def read_unsubscription(token: str) -> Unsubscription | None:
    """The request in an unsubscribe link, or None when the link was not made here or no longer applies."""
    try:
        user_id, key = read_unsubscribe_token(token)
    except signing.BadSignature:
        return None
    user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    if user is None:
        return None
    if key == DIGEST:
        return Unsubscription(user, None)
    try:
        kind = registry.get(key)
    except LookupError:
        return None
    return Unsubscription(user, kind) if kind.optional else None
