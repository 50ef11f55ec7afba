"""The kinds of message the sociale kaart sends (see socialebasis.notifications.registry)."""

from django.utils.translation import gettext_lazy as _

from socialebasis.notifications.registry import Frequency, register

# The freshness round: an entry that was not checked for DIRECTORY_REMINDER_MONTHS (services.review_freshness).
REMINDER = register(
    "directory.reminder",
    _("Reminders to check your entries on the sociale kaart"),
    default=Frequency.IMMEDIATELY,
    description=_("When an activity, place or organisation of yours was not checked for a long time."),
)
