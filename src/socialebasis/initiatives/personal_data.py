"""Personal data of initiatives and funds, declared for the register (socialebasis/privacy).

Granted files are kept as the archive rules ask (INITIATIVES_GRANTED_RETENTION_DAYS, default 7 years after the
decision); declined and withdrawn applications go sooner (INITIATIVES_DECLINED_RETENTION_DAYS, default 1 year).
"""

from datetime import timedelta

from django.conf import settings
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from socialebasis.core.personal_data_register import Erasure, LegalBasis, Processing, Retention, declare, not_personal


def _expire_applications(now) -> int:
    """Granted files after the archive period, declined and withdrawn ones sooner; with their questions and notes."""
    from .models import Application

    granted = Q(decision__in=("granted", "partly"))
    old_granted = Q(updated_at__lt=now - timedelta(days=settings.INITIATIVES_GRANTED_RETENTION_DAYS)) & granted
    old_other = Q(updated_at__lt=now - timedelta(days=settings.INITIATIVES_DECLINED_RETENTION_DAYS)) & (
        Q(decision="declined") | Q(status="withdrawn")
    )
    rows = Application.objects.filter(old_granted | old_other)
    count = 0
    for application in rows:
        application.payouts.all().delete()
        application.delete()
        count += 1
    return count


APPLICANTS = _("residents who apply for money for an initiative; members of the initiative table")

declare(
    Processing(
        model="initiatives.Initiative",
        fields=("owner", "members"),
        export_fields=("title", "what", "for_whom", "status", "created_at"),
        person="owner",
        purpose=_("Initiatives of residents, shown publicly: the initiator stays its owner."),
        legal_basis=LegalBasis.PUBLIC_TASK,
        subjects=_("residents who start or join an initiative"),
        on_erasure=Erasure.UNLINK,
        retention=Retention(description=_("as long as the initiative is shown; the initiator can remove themselves")),
    )
)
not_personal("initiatives.Initiative", ("title",), "The name of an initiative, shown publicly.")

declare(
    Processing(
        model="initiatives.Application",
        fields=("applicant", "what", "for_whom", "where", "when", "helpers", "spending"),
        export_fields=(
            "title",
            "what",
            "for_whom",
            "where",
            "when",
            "amount",
            "spending",
            "helpers",
            "status",
            "decision",
            "granted",
            "reason",
            "created_at",
        ),
        person="applicant",
        links={"assigned_to": Erasure.UNLINK, "decided_by": Erasure.UNLINK},
        purpose=_("Applications for money from a fund for initiatives: review, decision, payout and accountability."),
        legal_basis=LegalBasis.PUBLIC_TASK,
        subjects=APPLICANTS,
        on_erasure=Erasure.ANONYMISE,
        anonymise={"what": "", "for_whom": "", "where": "", "when": "", "helpers": "", "spending": ""},
        expire=_expire_applications,
        retention=Retention(
            days=365,
            setting="INITIATIVES_DECLINED_RETENTION_DAYS",
            field="updated_at",
            description=_(
                "granted: 7 years after the decision (archive rules, setting INITIATIVES_GRANTED_RETENTION_DAYS); "
                "declined or withdrawn: 1 year (setting INITIATIVES_DECLINED_RETENTION_DAYS); an erased account "
                "leaves a granted file without the personal texts"
            ),
        ),
    )
)
not_personal("initiatives.Application", ("title",), "The name of a plan; a grant's name is published.")

declare(
    Processing(
        model="initiatives.Question",
        fields=("asked_by", "text", "answer"),
        export_fields=("about", "text", "answer", "asked_at", "answered_at"),
        match=lambda user: {"application__applicant": user},
        links={"asked_by": Erasure.UNLINK},
        purpose=_("Questions of the initiative table about an application, and the applicant's answers."),
        legal_basis=LegalBasis.PUBLIC_TASK,
        subjects=APPLICANTS,
        on_erasure=Erasure.ANONYMISE,
        anonymise={"answer": ""},
        retention=Retention(description=_("as long as the application is kept")),
    )
)

declare(
    Processing(
        model="initiatives.Declaration",
        fields=("member", "explanation"),
        export_fields=("has_conflict", "explanation", "declared_at"),
        person="member",
        purpose=_("Declarations of interests of the initiative table, for a fair decision."),
        legal_basis=LegalBasis.PUBLIC_TASK,
        subjects=_("members of the initiative table"),
        on_erasure=Erasure.DELETE,
        retention=Retention(description=_("as long as the application is kept")),
    )
)

declare(
    Processing(
        model="initiatives.Note",
        fields=("author", "text"),
        export_fields=("text", "created_at"),
        person="author",
        purpose=_("Internal notes of the initiative table on an application."),
        legal_basis=LegalBasis.PUBLIC_TASK,
        subjects=_("members of the initiative table"),
        on_erasure=Erasure.UNLINK,
        retention=Retention(description=_("as long as the application is kept")),
    )
)

declare(
    Processing(
        model="initiatives.TableMember",
        fields=("user",),
        export_fields=("fund", "is_active", "since"),
        person="user",
        purpose=_("Who sits on the initiative table of a fund."),
        legal_basis=LegalBasis.PUBLIC_TASK,
        subjects=_("members of the initiative table"),
        retention=Retention(description=_("as long as the seat exists")),
    )
)

declare(
    Processing(
        model="initiatives.Payout",
        fields=("recorded_by",),
        export_fields=("amount", "paid_on", "reference"),
        person="recorded_by",
        purpose=_("Records of payouts of grants (not a payment system)."),
        legal_basis=LegalBasis.LEGAL_OBLIGATION,
        subjects=_("staff who record payouts"),
        on_erasure=Erasure.UNLINK,
        retention=Retention(description=_("as long as the application is kept (archive rules)")),
    )
)

declare(
    Processing(
        model="initiatives.Allocation",
        fields=("created_by",),
        export_fields=("fund", "version", "total", "created_at"),
        person="created_by",
        purpose=_("Who saved a version of the division of a fund's budget over the wijken."),
        legal_basis=LegalBasis.PUBLIC_TASK,
        subjects=_("policy officers"),
        on_erasure=Erasure.UNLINK,
        retention=Retention(description=_("as long as the fund exists (a public record)")),
    )
)

not_personal("initiatives.Fund", ("name",), "The name of a municipal fund.")
not_personal("initiatives.Round", ("name",), "The name of an application round, such as Voorjaar 2026.")
