"""Background work of initiatives and funds; each task calls a service."""

from celery import shared_task

from . import services


@shared_task(name="initiatives.remind_accountability")
def remind_accountability() -> int:
    """The daily round: tell applicants whose story of a grant is due (once each)."""
    return services.remind_accountability()
