"""Keep the profile summaries in step with the indicator values (after an import commits, on the worker), and the
cached public profile pages with everything they show (page_cache.py)."""

from functools import partial

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from socialebasis.indicators.signals import values_changed
from socialebasis.workflows.signals import transitioned


@receiver(values_changed, dispatch_uid="profiles-recompute-after-import")
def recompute_after_import(sender, municipalities=None, **kwargs) -> None:
    """The import's transaction may still fail: the recompute is queued only when it commits (ADR 0027)."""
    from .tasks import recompute

    codes = None if municipalities is None else sorted(municipalities)
    transaction.on_commit(lambda: recompute.delay(codes))


# What the public profile shows comes from these apps (page_cache.py): a change there gives new stamps.
_SHOWN_BY = frozenset({"areas", "indicators", "directory", "frameworks", "profiles"})


def _statcodes_of(instance) -> list[str] | None:
    """The municipality whose profiles a changed row appears in; None when it may appear in every profile."""
    from socialebasis.areas.models import District, Municipality

    if isinstance(instance, Municipality):
        return [instance.statcode]
    if getattr(instance, "municipality_id", None):
        return list(Municipality.objects.filter(pk=instance.municipality_id).values_list("statcode", flat=True))
    if getattr(instance, "district_id", None):
        return list(District.objects.filter(pk=instance.district_id).values_list("municipality__statcode", flat=True))
    return None


def _row_changed(sender, instance, **kwargs) -> None:
    if sender._meta.app_label not in _SHOWN_BY:
        return
    from . import page_cache

    statcodes = _statcodes_of(instance)
    # After the commit: a page made from the old rows meanwhile is kept under the old stamp, never found again.
    transaction.on_commit(partial(page_cache.changed, statcodes))


post_save.connect(_row_changed, dispatch_uid="profiles-page-cache-save")
post_delete.connect(_row_changed, dispatch_uid="profiles-page-cache-delete")
m2m_changed.connect(_row_changed, dispatch_uid="profiles-page-cache-m2m")
transitioned.connect(_row_changed, dispatch_uid="profiles-page-cache-status")  # a status is written by update()


@receiver(values_changed, dispatch_uid="profiles-page-cache-import")
def figures_changed(sender, municipalities=None, **kwargs) -> None:
    from . import page_cache

    transaction.on_commit(partial(page_cache.changed, None))
