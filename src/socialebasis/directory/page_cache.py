"""What the public pages of the sociale kaart depend on, for the page cache every app shares (core/page_cache.py,
ADR 0038): one scope, **directory**, for the activity, place and organisation pages and their searches.

Any save or delete through the ORM of the directory's, the frameworks' and the areas' models (the assessment and
the wijk names show on those pages) gives the scope a new stamp after the commit, except the rows no public page
shows (saved searches, pending revisions) and new entries that wait for moderation: residents and staff adding
activities all over the country would otherwise keep every page of the sociale kaart a first visit. The writes that
skip the signals (`.update()` of a check, a verdict or a reassessment) call `changed()` themselves; a status step of
the workflow sends `transitioned`."""

from functools import partial

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from socialebasis.core import page_cache
from socialebasis.workflows.signals import transitioned

from .vocabulary import PUBLIC_STATUSES

SCOPE = "directory"
_SHOWN_BY = frozenset({"directory", "frameworks", "areas"})
_NOT_SHOWN = frozenset({"savedsearch", "revision", "synonym"})


def scopes(request, *args, **kwargs) -> list[str]:
    return [SCOPE]


def changed() -> None:
    """After the commit: a page made from the old rows meanwhile is kept under the old stamp, never found again."""
    transaction.on_commit(partial(page_cache.changed, [SCOPE]))


def _unseen(kwargs) -> bool:
    """A row no public page shows, before or after this write: a new entry that waits for moderation (or a draft),
    or a relation of an entry that is not public. A status step always counts: it arrives as `transitioned`, and
    a save that changes an existing row always counts, whatever its status now."""
    instance = kwargs.get("instance")
    status = getattr(instance, "status", None)
    if status is None or status in PUBLIC_STATUSES or "signal" not in kwargs:
        return False
    return kwargs.get("created", False) or kwargs["signal"] is m2m_changed


def _row_changed(sender, **kwargs) -> None:
    if sender._meta.app_label in _SHOWN_BY and sender._meta.model_name not in _NOT_SHOWN and not _unseen(kwargs):
        changed()


def connect() -> None:
    post_save.connect(_row_changed, dispatch_uid="directory-page-cache-save")
    post_delete.connect(_row_changed, dispatch_uid="directory-page-cache-delete")
    m2m_changed.connect(_row_changed, dispatch_uid="directory-page-cache-m2m")
    transitioned.connect(_row_changed, dispatch_uid="directory-page-cache-status")  # a status is written by update()
