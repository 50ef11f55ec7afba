"""Uploaded photos and documents, each owned by a user and, once attached, belonging to an object of some app.

The files themselves live in the `default` storage under random names (see services.store_upload); these rows
say what they are, whose they are and what they belong to. Who may see a file is the question "may this user see
the object it belongs to?", asked of that object's own rule (rules.py).
"""

import uuid

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    PHOTO = "photo", _("photo")
    DOCUMENT = "document", _("document")


class Upload(models.Model):
    # The id is in the file's address; it is random so that addresses cannot be guessed or counted, but the
    # permission check, not the id, decides who gets the file.
    id = models.UUIDField(_("ID"), primary_key=True, default=uuid.uuid4, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="uploads", verbose_name=_("owner")
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    # Taken from the content when the file was checked, never from its name or the browser.
    mime_type = models.CharField(_("file type"), max_length=50)
    purpose = models.CharField(
        _("purpose"), max_length=50, help_text=_("What the file is for, as the app that asked for it says.")
    )
    alt_text = models.CharField(
        _("description"), max_length=250, blank=True, help_text=_("What the photo shows, for people who cannot see it.")
    )
    original_name = models.CharField(
        _("original file name"),
        max_length=150,
        blank=True,
        help_text=_("Only used to name a download; files are stored under random names."),
    )
    file = models.FileField(_("file"), max_length=200)
    thumbnail = models.FileField(_("thumbnail"), max_length=200, blank=True)
    size = models.PositiveIntegerField(_("size in bytes"))
    width = models.PositiveIntegerField(_("width"), null=True, blank=True)
    height = models.PositiveIntegerField(_("height"), null=True, blank=True)
    thumbnail_width = models.PositiveIntegerField(_("thumbnail width"), null=True, blank=True)
    thumbnail_height = models.PositiveIntegerField(_("thumbnail height"), null=True, blank=True)
    # What the upload belongs to: any object of any app. Empty until the app attaches it (services.attach);
    # unattached uploads older than a day are removed (services.delete_orphans).
    object_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.CASCADE, verbose_name=_("belongs to (type)")
    )
    object_id = models.CharField(_("belongs to (id)"), max_length=64, blank=True)
    attached_to = GenericForeignKey("object_type", "object_id")
    created_at = models.DateTimeField(_("uploaded at"), default=timezone.now, db_index=True)
    attached_at = models.DateTimeField(_("attached at"), null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("upload")
        verbose_name_plural = _("uploads")
        indexes = [models.Index(fields=["object_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.pk}"

    @property
    def is_attached(self) -> bool:
        return self.object_type_id is not None

    @property
    def is_photo(self) -> bool:
        return self.kind == Kind.PHOTO
