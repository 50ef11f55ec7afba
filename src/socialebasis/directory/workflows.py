"""The life cycle of an entry of the sociale kaart (organisation, meeting place, activity), as one table.

A resident's new entry waits for a professional (submitted); the professional publishes or rejects it with a note.
A published entry that nobody checked for DIRECTORY_REMINDER_MONTHS needs a check, and leaves the public view after
DIRECTORY_HIDE_MONTHS: those two steps are the platform's own (`review_freshness`). A professional can take an
entry offline and publish it again; an owner offers a rejected entry again after changing it. Publishing by a
person counts as a check (ADR 0015). Changes to a published entry are revisions, not a status (ADR 0021).
"""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from socialebasis.workflows.registry import BY_THE_PLATFORM, Transition, Workflow, register

from .notifications import entry_rejected
from .vocabulary import Status


def _checked_by_a_person(entry, actor) -> list[str]:
    entry.checked_at = timezone.now()
    entry.checked_by = actor
    entry.reminder_sent_at = None
    return ["checked_at", "checked_by", "reminder_sent_at"]


for _model in ("organisation", "meetingplace", "activity"):
    moderate, change = f"directory.moderate_{_model}", f"directory.change_{_model}"
    label = {"organisation": "Organisation", "meetingplace": "MeetingPlace", "activity": "Activity"}[_model]
    register(
        Workflow(
            key=f"directory.{_model}",
            model=f"directory.{label}",
            states=Status,
            initial=Status.DRAFT,
            on_enter={Status.PUBLISHED: _checked_by_a_person},
            transitions=(
                Transition((Status.DRAFT, Status.REJECTED), Status.SUBMITTED, change, _("Offer for a check")),
                Transition((Status.SUBMITTED, Status.ARCHIVED), Status.PUBLISHED, moderate, _("Publish")),
                Transition((Status.NEEDS_CHECK,), Status.PUBLISHED, moderate, _("Still correct")),
                Transition(
                    (Status.SUBMITTED,),
                    Status.REJECTED,
                    moderate,
                    _("Reject"),
                    note_required=True,
                    after=entry_rejected,
                ),
                Transition((Status.PUBLISHED,), Status.NEEDS_CHECK, BY_THE_PLATFORM, _("Needs a check")),
                Transition((Status.PUBLISHED, Status.NEEDS_CHECK), Status.ARCHIVED, moderate, _("Take offline")),
                Transition((Status.NEEDS_CHECK,), Status.ARCHIVED, BY_THE_PLATFORM, _("Take offline")),
            ),
        )
    )
