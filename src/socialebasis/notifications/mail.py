"""Writing messages: a kind's templates in the recipient's language, and the e-mail around a message or digest."""

import hashlib
from urllib.parse import urlsplit

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage
from django.core.mail.utils import DNS_NAME
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from . import registry
from .models import Delivery
from .registry import Kind

_UNSUBSCRIBE_SALT = "socialebasis.notifications.unsubscribe"
# The "kind" in the unsubscribe link of a daily digest: it stops the digest, not one kind.
DIGEST = "digest"


def render_text(kind: Kind, language: str, context: dict) -> tuple[str, str]:
    """Subject (one line) and plain text of a message of `kind`, written in `language`."""
    with translation.override(language):
        subject = render_to_string(f"{kind.template_folder}/subject.txt", context)
        body = render_to_string(f"{kind.template_folder}/body.txt", context)
    return " ".join(subject.split())[:250], body.strip()


def absolute_url(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path if path.startswith("/") else path


def unsubscribe_token(user, kind_key: str) -> str:
    """A link token for one user and one kind (or DIGEST). It never expires: old e-mails must keep working."""
    return signing.dumps([user.pk, kind_key], salt=_UNSUBSCRIBE_SALT)


def read_unsubscribe_token(token: str) -> tuple[int, str]:
    """The user id and kind in a token; raises signing.BadSignature when it was not made here."""
    value = signing.loads(token, salt=_UNSUBSCRIBE_SALT)
    if not (isinstance(value, list) and len(value) == 2 and isinstance(value[0], int) and isinstance(value[1], str)):
        raise signing.BadSignature("Not an unsubscribe token.")
    return value[0], value[1]


def message_id(key: str) -> str:
    """The same Message-ID for every attempt to send one delivery, so a mail sent twice is recognisably one."""
    digest = hashlib.sha256(key.encode()).hexdigest()[:40]
    domain = urlsplit(settings.SITE_URL).hostname or str(DNS_NAME)
    return f"<{digest}.notification@{domain}>"


def build_email(delivery: Delivery, language: str) -> EmailMessage | None:
    """The e-mail for `delivery`, or None when there is nothing to send (no address, an empty digest)."""
    recipient = delivery.recipient
    if not recipient.email:
        return None
    messages = list(delivery.messages.order_by("created_at", "pk"))
    if not messages:
        return None
    if delivery.is_digest:
        template, unsubscribe_kind, optional = "notifications/mail/digest", DIGEST, True
        kind = None
    else:
        template = "notifications/mail/message"
        try:
            kind = registry.get(messages[0].kind)
        except LookupError:  # an app that stopped sending this kind: no unsubscribe link to offer
            kind = None
        optional = kind is not None and kind.optional
        unsubscribe_kind = kind.key if kind else ""
    unsubscribe = (
        absolute_url(reverse("notifications:unsubscribe", args=[unsubscribe_token(recipient, unsubscribe_kind)]))
        if optional
        else ""
    )
    context = {
        "recipient": recipient,
        "messages": [
            {"subject": m.subject, "body": m.body, "link": absolute_url(m.link) if m.link else ""} for m in messages
        ],
        "kind": kind,
        "day": delivery.day,
        "inbox_url": absolute_url(reverse("notifications:inbox")),
        "preferences_url": absolute_url(reverse("notifications:preferences")),
        "unsubscribe_url": unsubscribe,
    }
    with translation.override(language):
        subject = render_to_string(f"{template}_subject.txt", context)
        body = render_to_string(f"{template}.txt", context)
    headers = {"Message-ID": message_id(delivery.key), "Auto-Submitted": "auto-generated"}
    if unsubscribe:
        # RFC 2369 and RFC 8058: a mail program's own "unsubscribe" button posts to this address, no sign-in needed.
        headers["List-Unsubscribe"] = f"<{unsubscribe}>"
        headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    return EmailMessage(
        " ".join(subject.split())[:250],
        body.strip() + "\n",
        settings.DEFAULT_FROM_EMAIL,
        [recipient.email],
        headers=headers,
    )
