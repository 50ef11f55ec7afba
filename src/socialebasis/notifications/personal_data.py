"""Personal data of messages to users, declared for the register (socialebasis/privacy)."""

from django.utils.translation import gettext_lazy as _

from socialebasis.core.personal_data_register import LegalBasis, Processing, Retention, declare

RECIPIENTS = _("everyone with an account who gets messages")
WITH_THE_ACCOUNT = Retention(description=_("as long as the account exists, or until you change it"))


def _export(user) -> list[dict]:
    from .selectors import export_messages

    return export_messages(user)["messages"]


def _erase(user) -> int:
    from .services import erase_messages

    return erase_messages(user)


def _expire(now) -> int:
    from .services import delete_expired

    return delete_expired(now)


declare(
    Processing(
        model="notifications.Message",
        fields=("recipient", "subject", "body", "link"),
        person="recipient",
        purpose=_("Messages the platform sends you, in your inbox and by e-mail."),
        legal_basis=LegalBasis.AGREEMENT,
        subjects=RECIPIENTS,
        retention=Retention(
            days=None,
            description=_("12 months, then deleted with the record of their e-mail (NOTIFICATIONS_RETENTION_MONTHS)"),
        ),
        export=_export,
        erase=_erase,
        expire=_expire,
    )
)
declare(
    Processing(
        model="notifications.Delivery",
        fields=("recipient",),
        export_fields=("status", "created_at", "sent_at"),
        person="recipient",
        purpose=_("The record that an e-mail was sent once, and when."),
        legal_basis=LegalBasis.AGREEMENT,
        subjects=RECIPIENTS,
        retention=Retention(description=_("deleted together with its messages")),
    )
)
declare(
    Processing(
        model="notifications.Preference",
        fields=("user",),
        export_fields=("kind", "frequency", "changed_at"),
        person="user",
        purpose=_("How you want to hear about each kind of message."),
        legal_basis=LegalBasis.AGREEMENT,
        subjects=RECIPIENTS,
        retention=WITH_THE_ACCOUNT,
    )
)
declare(
    Processing(
        model="notifications.RecipientSettings",
        fields=("user",),
        export_fields=("language",),
        person="user",
        purpose=_("The language your messages are written in."),
        legal_basis=LegalBasis.AGREEMENT,
        subjects=RECIPIENTS,
        retention=WITH_THE_ACCOUNT,
    )
)
