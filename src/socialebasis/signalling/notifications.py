"""What a reporter hears (see socialebasis.notifications.registry): every step of their signal, with the note of
the person handling it, and what became of it — so that it does not go quiet after a signal (Signalen's lesson)."""

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from socialebasis.notifications.registry import Frequency, register
from socialebasis.notifications.services import notify

STATUS = register(
    "signalling.status",
    _("News about a signal you raised"),
    default=Frequency.IMMEDIATELY,
    description=_("Each step of a signal you raised, and what became of it."),
)


def tell_reporter(signal, actor, note, source) -> None:
    """After each step of the workflow: the reporter hears the new status and the note, by template."""
    contact = getattr(signal, "contact", None)
    if contact is None or contact.user is None:
        return
    agenda = signal.agenda_item
    with transaction.atomic():
        notify(
            contact.user,
            STATUS.key,
            context={
                "theme": signal.theme.name,
                "status": signal.get_status_display(),
                "note": note,
                "agenda_title": agenda.title if agenda else "",
                "agenda_owner": agenda.owner_name if agenda else "",
            },
            about=signal,
        )
