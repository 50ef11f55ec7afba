"""The sociale kaart reacts to other apps after their transaction commits, on the worker (ADR 0027)."""

from django.db import transaction
from django.dispatch import receiver

from socialebasis.frameworks.signals import version_created


@receiver(version_created, dispatch_uid="directory-reassess-after-new-framework")
def reassess_after_new_framework(sender, municipality: str, **kwargs) -> None:
    """A municipality's new framework version changes the afbakening of its activities: assess them again."""
    from .tasks import reassess_activities

    transaction.on_commit(lambda: reassess_activities.delay(municipality))
