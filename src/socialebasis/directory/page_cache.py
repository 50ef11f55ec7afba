"""What the public pages of the sociale kaart depend on, for the page cache every app shares (core/page_cache.py,
ADR 0038): one scope, **directory**, for the activity, place and organisation pages and their searches.

Any save or delete through the ORM of the directory's, the frameworks' and the areas' models (the assessment and
the wijk names show on those pages) gives the scope a new stamp after the commit, except the rows no public page
shows (saved searches, pending revisions) and new entries that wait for moderation: residents and staff adding
activities all over the country would otherwise keep every page of the sociale kaart a first visit. The writes that
skip the signals (`.update()` of a check, a verdict or a reassessment) call `changed()` themselves; a status step of
the workflow sends `transitioned`."""

from functools import partial

from django.apps import apps
from django.db import transaction
from django.db.models.signals import m2m_changed

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


def _unseen(*, signal, instance=None, created=False, **kwargs) -> bool:
    """A row no public page shows, before or after this write: a new entry that waits for moderation (or a draft),
    or a relation of an entry that is not public. A status step always counts: it arrives as `transitioned`, and
    a save that changes an existing row always counts, whatever its status now."""
    status = getattr(instance, "status", None)
    if status is None or status in PUBLIC_STATUSES:
        return False
    return created or signal is m2m_changed


def connect() -> None:
    """Follow every model of the apps the pages show (their many-to-many tables included), once the apps are ready."""
    shown = frozenset(
        model._meta.label_lower
        for model in apps.get_models(include_auto_created=True)
        if model._meta.app_label in _SHOWN_BY and model._meta.model_name not in _NOT_SHOWN
    )
    page_cache.follow(SCOPE, shown, also=(transitioned,), uid="directory-page-cache", unseen=_unseen)
