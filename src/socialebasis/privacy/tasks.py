"""Background work of the register: the nightly retention round (also `manage.py apply_retention`)."""

from celery import shared_task

from . import services


@shared_task(name="privacy.apply_retention")
def apply_retention() -> dict[str, int]:
    return services.apply_retention()
