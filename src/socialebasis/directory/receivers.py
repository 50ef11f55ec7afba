"""The sociale kaart reacts to other apps after their transaction commits, on the worker (ADR 0027)."""

from django.db import transaction
from django.dispatch import receiver

from socialebasis.frameworks.signals import version_created


@receiver(version_created, dispatch_uid="directory-reassess-after-new-framework")
def reassess_after_new_framework(sender, municipality: str, **kwargs) -> None:
    """A municipality's new framework version changes the afbakening of its activities: assess them again."""
    from .tasks import reassess_activities

    transaction.on_commit(lambda: reassess_activities.delay(municipality))


def framework_preview_activities(municipality, criterion_keys: list[str]):
    """The municipality's public activities as the framework editor's preview assesses them (frameworks.previews)."""
    from socialebasis.frameworks.previews import SampleActivity

    from .models import Activity
    from .services import framework_answers
    from .vocabulary import PUBLIC_STATUSES

    activities = (
        Activity.objects.filter(municipality=municipality, status__in=PUBLIC_STATUSES)
        .select_related("organisation")
        .order_by("title", "pk")
    )
    for activity in activities:
        yield SampleActivity(
            name=activity.title,
            url=activity.get_absolute_url(),
            goals=list(activity.goals),
            answers=framework_answers(activity, criterion_keys),
        )
