"""Messages to users: what is in their inbox, what is to be e-mailed, and how they want to hear about each kind."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .registry import Frequency


class Delivery(models.Model):
    """One e-mail to send: a single message, or one day's digest. Sent at most once (`key`, `status`).

    The sending task locks this row, sends, and marks it sent in one transaction; a retry or a second run of the
    same task finds it sent and does nothing. The e-mail's Message-ID is made from `key`, so even a mail that
    left just before a crash carries the same Message-ID when it is sent again.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting to be sent")
        SENT = "sent", _("sent")
        SKIPPED = "skipped", _("not sent (no e-mail address or nothing to send)")
        FAILED = "failed", _("failed")

    key = models.CharField(_("idempotency key"), max_length=200, unique=True)
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("recipient")
    )
    # A digest: the day it covers (the recipient's messages are linked through Message.digest).
    day = models.DateField(_("digest of"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.CharField(_("last error"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now, editable=False, db_index=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    class Meta:
        verbose_name = _("e-mail")
        verbose_name_plural = _("e-mails")

    def __str__(self) -> str:
        return self.key

    @property
    def is_digest(self) -> bool:
        return self.day is not None


class Message(models.Model):
    """One message in a user's inbox, written in the recipient's language when it was made."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="inbox_messages",
        verbose_name=_("recipient"),
    )
    kind = models.CharField(_("kind"), max_length=100)
    subject = models.CharField(_("subject"), max_length=250)
    body = models.TextField(_("text"))
    link = models.CharField(_("link"), max_length=500, blank=True, help_text=_("A page on this site."))
    # What the message is about, when it is about an object (an entry, a request …).
    about_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("about")
    )
    about_id = models.CharField(_("about (id)"), max_length=64, blank=True)
    # The sender's idempotency key: a second notify() with the same key for the same recipient adds nothing.
    key = models.CharField(_("key"), max_length=200, blank=True)
    frequency = models.CharField(_("e-mail"), max_length=12, choices=Frequency.choices)
    created_at = models.DateTimeField(_("created at"), default=timezone.now, editable=False)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)
    # The e-mail that carries this message: its own (immediately) or the digest it went out in (daily).
    delivery = models.ForeignKey(
        Delivery,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="messages",
        verbose_name=_("e-mail"),
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        constraints = [
            models.UniqueConstraint(fields=["recipient", "key"], condition=~Q(key=""), name="notif_message_key_unique"),
        ]
        indexes = [
            models.Index(fields=["recipient", "-created_at"], name="notif_inbox"),
            # The unread count in every page header: a small partial index, counted without touching the table.
            models.Index(fields=["recipient"], condition=Q(read_at__isnull=True), name="notif_unread"),
            # Messages waiting for the daily digest.
            models.Index(
                fields=["recipient"], condition=Q(frequency="daily", delivery__isnull=True), name="notif_waiting"
            ),
            models.Index(fields=["created_at"], name="notif_created"),  # the retention period
        ]

    def __str__(self) -> str:
        return self.subject

    @property
    def is_read(self) -> bool:
        return self.read_at is not None


class Preference(models.Model):
    """How one user wants to hear about one kind of message; without a row, the kind's default holds."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("user")
    )
    kind = models.CharField(_("kind"), max_length=100)
    frequency = models.CharField(_("e-mail"), max_length=12, choices=Frequency.choices)
    changed_at = models.DateTimeField(_("changed at"), auto_now=True)

    class Meta:
        verbose_name = _("preference")
        verbose_name_plural = _("preferences")
        constraints = [models.UniqueConstraint(fields=["user", "kind"], name="notif_preference_unique")]

    def __str__(self) -> str:
        return f"{self.kind}: {self.frequency}"


class RecipientSettings(models.Model):
    """The language a user's messages are written in (Dutch unless they chose English)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="+",
        verbose_name=_("user"),
    )
    language = models.CharField(_("language"), max_length=10)

    class Meta:
        verbose_name = _("message settings")
        verbose_name_plural = _("message settings")

    def __str__(self) -> str:
        return self.language
