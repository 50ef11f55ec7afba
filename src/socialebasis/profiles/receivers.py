"""Keep the profile summaries in step with the indicator values: after an import commits, on the worker."""

from django.db import transaction
from django.dispatch import receiver

from socialebasis.indicators.signals import values_changed


@receiver(values_changed, dispatch_uid="profiles-recompute-after-import")
def recompute_after_import(sender, municipalities=None, **kwargs) -> None:
    """The import's transaction may still fail: the recompute is queued only when it commits (ADR 0027)."""
    from .tasks import recompute

    codes = None if municipalities is None else sorted(municipalities)
    transaction.on_commit(lambda: recompute.delay(codes))
