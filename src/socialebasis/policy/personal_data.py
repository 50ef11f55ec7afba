"""Personal data of the policy app, declared for the register (socialebasis/privacy)."""

from django.utils.translation import gettext_lazy as _

from socialebasis.core.personal_data_register import Erasure, LegalBasis, Processing, Retention, declare, not_personal

KEPT = Retention(description=_("as long as the record exists (a public record of the municipality's policy)"))

declare(
    Processing(
        model="policy.PolicyCheck",
        fields=("author", "reviewer"),
        export_fields=("title", "status", "author", "reviewer", "reviewed_at", "updated_at"),
        person="author",
        links={"reviewer": Erasure.UNLINK},
        purpose=_("A policy check against the principles: who wrote it and which colleague signed it off."),
        legal_basis=LegalBasis.PUBLIC_TASK,
        subjects=_("policy officers who write and review policy checks"),
        on_erasure=Erasure.UNLINK,
        retention=KEPT,
    )
)
declare(
    Processing(
        model="policy.CheckVersion",
        fields=("created_by",),
        export_fields=("number", "created_at", "created_by"),
        person="created_by",
        purpose=_("The kept versions of a policy check, with who saved each one."),
        legal_basis=LegalBasis.PUBLIC_TASK,
        subjects=_("policy officers who write policy checks"),
        on_erasure=Erasure.UNLINK,
        retention=KEPT,
    )
)
for model, purpose in (
    ("policy.SelfAssessment", _("The yearly self-assessment of the theory of change: who wrote it down.")),
    ("policy.SocialQualityScore", _("Social quality per wijk: who entered the score.")),
):
    declare(
        Processing(
            model=model,
            fields=("created_by",),
            export_fields=("created_by", "updated_at"),
            person="created_by",
            purpose=purpose,
            legal_basis=LegalBasis.PUBLIC_TASK,
            subjects=_("staff of the municipality"),
            on_erasure=Erasure.UNLINK,
            retention=KEPT,
        )
    )
not_personal("policy.BuildingBlock", ("name",), "The name of a building block of the theory of change.")
