"""Background work of uploads; each task calls the service its management command calls."""

from celery import shared_task

from . import services


@shared_task(name="uploads.delete_orphans")
def delete_orphans() -> int:
    """Remove uploads that were never attached within a day (`delete_orphan_uploads`); how many."""
    return services.delete_orphans()
