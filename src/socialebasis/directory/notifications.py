"""The kinds of message the sociale kaart sends (see socialebasis.notifications.registry)."""

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from socialebasis.notifications.registry import Frequency, register
from socialebasis.notifications.services import notify

# The freshness round: an entry that was not checked for DIRECTORY_REMINDER_MONTHS (services.review_freshness).
REMINDER = register(
    "directory.reminder",
    _("Reminders to check your entries on the sociale kaart"),
    default=Frequency.IMMEDIATELY,
    description=_("When an activity, place or organisation of yours was not checked for a long time."),
)

# A professional did not approve an entry a resident or organisation offered (the workflow's "Reject" step, which
# needs a note): the owner hears it with the reason, since no page shows them that note.
REJECTED = register(
    "directory.rejected",
    _("Your entry on the sociale kaart was not approved"),
    default=Frequency.IMMEDIATELY,
    description=_(
        "When a professional did not put an activity, place or organisation you offered on the sociale kaart."
    ),
)


def entry_rejected(entry, actor, note, source) -> None:
    """After the "Reject" step (workflow `after`): the owner reads why, and that they may change it and offer it
    again. A professional who rejects their own entry needs no message."""
    owner = entry.owner
    if owner is None or (actor is not None and owner.pk == actor.pk):
        return
    with transaction.atomic():
        notify(owner, REJECTED.key, context={"name": str(entry), "note": note}, about=entry)


# A professional decided on a change someone proposed to a public entry (services.approve_revision and
# reject_revision): its author hears the outcome, and on a refusal the reason, which no page shows them.
CHANGE_DECIDED = register(
    "directory.change_decided",
    _("Decisions on changes you proposed to the sociale kaart"),
    default=Frequency.IMMEDIATELY,
    description=_("When a professional has checked a change you proposed to an activity, place or organisation."),
)


def change_decided(revision, entry, actor, *, approved: bool) -> None:
    """Inside the decision's transaction. Nobody is told about their own decision, or when no account proposed it."""
    author = revision.author
    if author is None or (actor is not None and author.pk == actor.pk):
        return
    notify(
        author,
        CHANGE_DECIDED.key,
        context={"name": str(entry), "approved": approved, "note": revision.note if not approved else ""},
        about=entry,
        key=f"directory.change_decided:{revision.pk}",
    )
