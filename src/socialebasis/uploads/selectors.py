"""Reads of uploads: the object an upload belongs to, whether it is public, and what an export shows."""

from typing import Any
from uuid import UUID

from django.contrib.auth.models import AnonymousUser
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import QuerySet

from socialebasis.core.permissions import can

from .models import Upload

_NOT_LOOKED_UP = object()


def view_rule_of(obj: models.Model) -> str:
    """The rule that says who may see `obj`, by the convention of every app's rules.py: "<app>.view_<model>"."""
    return f"{obj._meta.app_label}.view_{obj._meta.model_name}"


def attached_object(upload: Upload) -> models.Model | None:
    """The object `upload` belongs to; None while it is unattached or when the object no longer exists."""
    cached = getattr(upload, "_attached_object", _NOT_LOOKED_UP)
    if cached is not _NOT_LOOKED_UP:
        return cached
    obj = None
    model = upload.object_type.model_class() if upload.is_attached else None
    if model is not None:
        try:
            # The base manager: an app's default manager may hide objects that its rule would still show.
            obj = model._base_manager.filter(pk=upload.object_id).first()
        except (ValueError, TypeError, ValidationError):
            obj = None
    upload._attached_object = obj
    return obj


def is_public(upload: Upload) -> bool:
    """May anyone, also without an account, see this file? Then it may be cached by browsers and proxies."""
    return can(AnonymousUser(), "uploads.view_upload", upload)


def upload_for(user, pk: UUID | str) -> Upload | None:
    """The upload with this id if `user` may see it, else None (unknown and not allowed look the same)."""
    upload = Upload.objects.select_related("object_type").filter(pk=pk).first()
    if upload is None or not can(user, "uploads.view_upload", upload):
        return None
    return upload


def uploads_of(obj: models.Model) -> QuerySet[Upload]:
    """The uploads that belong to `obj`, oldest first; for showing them with the object."""
    object_type = ContentType.objects.get_for_model(obj, for_concrete_model=False)
    return Upload.objects.filter(object_type=object_type, object_id=str(obj.pk))


def uploads_owned_by(user) -> QuerySet[Upload]:
    return Upload.objects.filter(owner=user).select_related("object_type")


def export_record(upload: Upload) -> dict[str, Any]:
    """What a person's data export says about one of their uploads."""
    return {
        "id": str(upload.pk),
        "kind": upload.kind,
        "file_type": upload.mime_type,
        "purpose": upload.purpose,
        "description": upload.alt_text,
        "original_name": upload.original_name,
        "size_in_bytes": upload.size,
        "width": upload.width,
        "height": upload.height,
        "uploaded_at": upload.created_at.isoformat(),
        "attached_at": upload.attached_at.isoformat() if upload.attached_at else None,
        "belongs_to": (
            {"type": f"{upload.object_type.app_label}.{upload.object_type.model}", "id": upload.object_id}
            if upload.is_attached
            else None
        ),
    }
