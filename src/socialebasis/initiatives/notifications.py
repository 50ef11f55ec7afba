"""The kinds of message initiatives and funds send (see socialebasis.notifications.registry)."""

from django.utils.translation import gettext_lazy as _

from socialebasis.notifications.registry import Frequency, register

SUBMITTED = register(
    "initiatives.submitted",
    _("New applications for the initiative table"),
    default=Frequency.DAILY,
    description=_("When someone sends an application to a fund whose table you sit on."),
)
QUESTION = register(
    "initiatives.question",
    _("Questions about your application"),
    optional=False,
    description=_("When the initiative table asks you something about your application."),
)
ANSWERED = register(
    "initiatives.answered",
    _("Answers to questions back"),
    description=_("When an applicant answered the questions of the table."),
)
DECISION = register(
    "initiatives.decision",
    _("Decisions on your application"),
    optional=False,
    description=_("When the decision on your application is sent."),
)
ACCOUNTABILITY_DUE = register(
    "initiatives.accountability_due",
    _("Reminders to tell what came of a grant"),
    description=_("When the story of your initiative is due."),
)
