"""Background work of the sociale kaart; each task calls the service its management command calls."""

from celery import shared_task

from . import services


@shared_task(name="directory.review_freshness")
def review_freshness() -> dict[str, int]:
    """The daily freshness round (`directory_review`): how many entries got each step."""
    return {step: len(entries) for step, entries in services.review_freshness().items()}


@shared_task(name="directory.reassess_activities")
def reassess_activities(municipality: str | None = None) -> int:
    """The afbakening of a municipality's activities (or all) with its framework in force (`directory_reassess`)."""
    from socialebasis.areas.models import Municipality

    scope = Municipality.objects.get(statcode=municipality) if municipality else None
    return services.reassess_all(scope)
