"""Background work of the sociale kaart; each task calls the service its management command calls."""

from celery import shared_task

from . import services


@shared_task(name="directory.review_freshness")
def review_freshness() -> dict[str, int]:
    """The daily freshness round (`directory_review`): how many entries got each step."""
    return {step: len(entries) for step, entries in services.review_freshness().items()}
