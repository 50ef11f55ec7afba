"""The kinds of message burenhulp sends: each e-mail carries a link to the platform, never the conversation itself."""

from django.utils.translation import gettext_lazy as _

from socialebasis.notifications.registry import Frequency, register

CONVERSATION = register(
    "neighbourhelp.conversation",
    _("Burenhulp: someone wants to help, or a match changed"),
    default=Frequency.IMMEDIATELY,
    description=_("When someone offers help or responds to your offer, and when a match is agreed or ends."),
)
MESSAGE = register(
    "neighbourhelp.message",
    _("Burenhulp: new messages"),
    default=Frequency.IMMEDIATELY,
    description=_("When the other person in a burenhulp conversation sends a message."),
)
FOLLOW_UP = register(
    "neighbourhelp.follow_up",
    _("Burenhulp: how did it go?"),
    default=Frequency.IMMEDIATELY,
    description=_("Some days after a match we ask whether the help happened."),
)
FOR_STAFF = register(
    "neighbourhelp.for_staff",
    _("Burenhulp: work for professionals of the wijk"),
    default=Frequency.DAILY,
    description=_("Requests to approve, requests without a match, reported conversations."),
)
VACANCY_RESPONSE = register(
    "neighbourhelp.vacancy_response",
    _("Responses to your volunteer vacancies"),
    default=Frequency.IMMEDIATELY,
    description=_("When a resident responds to a vacancy you placed."),
)
