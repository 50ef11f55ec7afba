"""Personal data in the audit log and Django admin's own log, declared for the register (socialebasis/privacy)."""

from django.utils.translation import gettext_lazy as _

from socialebasis.core.personal_data_register import Erasure, LegalBasis, Processing, Retention, declare

ERASED = "gewiste gebruiker"
KEPT = _("730 days (setting AUDIT_RETENTION_DAYS), then deleted")


def _erase_from_the_log(user) -> int:
    """Lines the person caused or that are about their account stay (accountability), without their name."""
    from django.conf import settings
    from django.db.models import Q

    from .models import AuditEvent

    about = Q(object_type=settings.AUTH_USER_MODEL.lower(), object_id=str(user.pk))
    count = AuditEvent.objects.filter(actor=user).update(actor=None, actor_label=ERASED)
    return count + AuditEvent.objects.filter(about).update(object_label=ERASED)


declare(
    Processing(
        model="audit.AuditEvent",
        fields=("actor", "actor_label", "object_label", "details"),
        export_fields=("at", "action", "object_type", "object_label"),
        person="actor",
        purpose=_("Accountability: who saw or changed personal data and settings, and when."),
        legal_basis=LegalBasis.LEGAL_OBLIGATION,
        subjects=_("everyone who signs in, and the people whose data was seen or changed"),
        on_erasure=Erasure.ANONYMISE,
        anonymise={"actor": None, "actor_label": ERASED},
        erase=_erase_from_the_log,
        retention=Retention(days=730, setting="AUDIT_RETENTION_DAYS", field="at", description=KEPT),
    )
)

declare(
    Processing(
        model="admin.LogEntry",
        fields=("user", "object_repr", "change_message"),
        export_fields=("action_time", "object_repr"),
        person="user",
        purpose=_("Django admin's own record of changes made in the administration (also in the audit log)."),
        legal_basis=LegalBasis.LEGAL_OBLIGATION,
        subjects=_("administrators"),
        retention=Retention(days=730, setting="AUDIT_RETENTION_DAYS", field="action_time", description=KEPT),
    )
)
