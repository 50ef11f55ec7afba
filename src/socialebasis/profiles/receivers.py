"""Keep the profile summaries in step with the indicator values."""

from django.dispatch import receiver

from socialebasis.indicators.signals import values_changed

from . import summaries


@receiver(values_changed, dispatch_uid="profiles-recompute-after-import")
def recompute_after_import(sender, **kwargs) -> None:
    summaries.recompute()
