"""Writes of uploads: store, attach, delete; and, for the personal-data register, export, erasure and retention.

Every function owns its transaction and its audit line. Files leave the storage only after the deletion of
their row is committed, whatever deleted the row (signals.py), so a rolled-back deletion never loses a file.
"""

import secrets
import zipfile
from datetime import datetime, timedelta
from typing import Any

import structlog
from django.contrib.auth.models import AnonymousUser
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import models, transaction
from django.utils import timezone

from socialebasis.audit.models import Action
from socialebasis.audit.services import record_event
from socialebasis.core.dependencies import DependencyUnavailable
from socialebasis.core.permissions import can

from . import selectors
from .files import ALL_KINDS, REFUSED_TYPE, CheckedFile, UploadRefused, check_file
from .models import Upload

logger = structlog.get_logger(__name__)

__all__ = [
    "ORPHAN_AGE",
    "StorageUnavailable",
    "UploadRefused",
    "attach",
    "delete_attached",
    "delete_orphans",
    "delete_upload",
    "erase_uploads_of",
    "export_uploads_of",
    "store_upload",
]

# Unattached uploads are kept this long: time enough to finish the form they were chosen in.
ORPHAN_AGE = timedelta(days=1)


class StorageUnavailable(DependencyUnavailable):
    """The file storage (disk or bucket) could not be written or read; pages answer 503."""


def store_upload(
    file, *, owner, purpose: str, alt_text: str = "", kinds=ALL_KINDS, now: datetime | None = None
) -> Upload:
    """Check `file`, keep it under a random name and return its (unattached) Upload.

    `file` is an uploaded file, any file object, bytes, or the CheckedFile an UploadField already made. Raises
    UploadRefused (a ValidationError with a Dutch message) when the file cannot be used; nothing is stored then.
    """
    checked = file if isinstance(file, CheckedFile) else check_file(file, kinds=kinds)
    if checked.kind not in kinds:
        raise UploadRefused(REFUSED_TYPE[frozenset(kinds)], code="type")
    token = secrets.token_hex(16)
    folder = f"uploads/{token[:2]}"
    names = []
    try:
        names.append(default_storage.save(f"{folder}/{token}.{checked.extension}", ContentFile(checked.content)))
        if checked.thumbnail is not None:
            names.append(
                default_storage.save(f"{folder}/{token}-klein.{checked.extension}", ContentFile(checked.thumbnail))
            )
    except Exception as exc:
        _remove_files(names)
        raise StorageUnavailable("The file storage could not be written.") from exc
    try:
        with transaction.atomic():
            upload = Upload.objects.create(
                owner=owner,
                kind=checked.kind,
                mime_type=checked.mime_type,
                purpose=purpose[:50],
                alt_text=alt_text.strip()[:250],
                original_name=checked.original_name,
                file=names[0],
                thumbnail=names[1] if len(names) > 1 else "",
                size=len(checked.content),
                width=checked.width,
                height=checked.height,
                thumbnail_width=checked.thumbnail_width,
                thumbnail_height=checked.thumbnail_height,
                created_at=now or timezone.now(),
            )
            record_event(owner, Action.CREATE, upload, purpose=upload.purpose, kind=upload.kind, size=upload.size)
    except BaseException:
        _remove_files(names)
        raise
    return upload


def attach(upload: Upload, obj: models.Model, *, actor=None) -> Upload:
    """Let `upload` belong to `obj`; from then on, whoever may see `obj` may see the file.

    The calling app decides whether `actor` (default: the owner) may do this. An upload belongs to one object:
    attaching it to another one is a programming error.
    """
    # The object's app must say who may see it; without that rule nobody could be given the file (LookupError).
    can(AnonymousUser(), selectors.view_rule_of(obj), obj)
    object_type = ContentType.objects.get_for_model(obj, for_concrete_model=False)
    with transaction.atomic():
        locked = Upload.objects.select_for_update().get(pk=upload.pk)
        same = locked.object_type_id == object_type.pk and locked.object_id == str(obj.pk)
        if locked.is_attached and not same:
            raise ValueError(f"Upload {upload.pk} already belongs to another object.")
        if not same:
            locked.object_type = object_type
            locked.object_id = str(obj.pk)
            locked.attached_at = timezone.now()
            locked.save(update_fields=["object_type", "object_id", "attached_at"])
            record_event(actor or locked.owner, Action.UPDATE, locked, attached_to=f"{obj._meta.label_lower}:{obj.pk}")
    for field in ("object_type", "object_id", "attached_at"):
        setattr(upload, field, getattr(locked, field))
    upload.__dict__.pop("_attached_object", None)  # selectors.attached_object looks it up again
    return upload


def delete_upload(upload: Upload, actor) -> None:
    """Remove the upload; its files leave the storage once this is committed."""
    with transaction.atomic():
        record_event(actor, Action.DELETE, upload, purpose=upload.purpose, kind=upload.kind)
        upload.delete()


def delete_attached(obj: models.Model, actor) -> int:
    """Remove every upload that belongs to `obj`; for an app that deletes the object itself."""
    with transaction.atomic():
        uploads = list(selectors.uploads_of(obj))
        for upload in uploads:
            delete_upload(upload, actor)
    return len(uploads)


def delete_orphans(now: datetime | None = None) -> int:
    """Remove uploads that nothing took up within ORPHAN_AGE (a form left halfway); the retention rule."""
    now = now or timezone.now()
    with transaction.atomic():
        orphans = list(Upload.objects.filter(object_type__isnull=True, created_at__lt=now - ORPHAN_AGE))
        ids = [str(upload.pk) for upload in orphans]
        for upload in orphans:
            upload.delete()
        if ids:
            record_event(
                None, Action.DELETE, object_type=Upload._meta.label_lower, reason="retention", count=len(ids), ids=ids
            )
    return len(ids)


def erase_uploads_of(user, *, actor=None) -> int:
    """Remove every upload of `user` (erasure of an account), attached or not; returns how many."""
    with transaction.atomic():
        uploads = list(Upload.objects.filter(owner=user))
        ids = [str(upload.pk) for upload in uploads]
        for upload in uploads:
            upload.delete()
        record_event(
            actor,
            Action.DELETE,
            object_type=Upload._meta.label_lower,
            reason="erasure",
            owner=user.pk,
            count=len(ids),
            ids=ids,
        )
    return len(ids)


def export_uploads_of(user, archive: zipfile.ZipFile, *, folder: str = "bestanden", actor=None) -> list[dict[str, Any]]:
    """Write `user`'s files into `archive` under `folder`; return their metadata, each with its name there.

    The records (selectors.export_record plus "file_in_archive") are for the caller's own JSON and page; a file
    missing from the storage is listed with "file_in_archive": None.
    """
    records = []
    for upload in selectors.uploads_owned_by(user):
        record = selectors.export_record(upload)
        record["file_in_archive"] = None
        name = f"{folder}/{upload.pk}.{upload.file.name.rsplit('.', 1)[-1]}"
        try:
            with default_storage.open(upload.file.name, "rb") as handle:
                archive.writestr(name, handle.read())
            record["file_in_archive"] = name
        except FileNotFoundError:
            logger.warning("upload_file_missing", upload=str(upload.pk))
        except Exception as exc:
            raise StorageUnavailable("The file storage could not be read.") from exc
        records.append(record)
    with transaction.atomic():
        record_event(
            actor or user, Action.EXPORT, object_type=Upload._meta.label_lower, owner=user.pk, count=len(records)
        )
    return records


def remove_files_after_commit(names: list[str]) -> None:
    """Take these files out of the storage once the current transaction commits (at once outside one)."""
    names = [name for name in names if name]
    if names:
        transaction.on_commit(lambda: _remove_files(names), robust=True)


def _remove_files(names: list[str]) -> None:
    for name in names:
        try:
            default_storage.delete(name)
        except Exception:
            # The row is gone, so the file is unreachable (random name, no row); say so for whoever tidies up.
            logger.warning("upload_file_not_removed", name=name, exc_info=True)
