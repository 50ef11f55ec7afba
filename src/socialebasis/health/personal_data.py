"""Personal data of positive health, declared for the register (socialebasis/privacy).

A self-check is data about health: a special category (AVG art. 9). It is processed only because the resident
explicitly chose to fill it in and keep it in their account (explicit consent, AVG art. 9(2)(a) beside art.
6(1)(a)), is readable by them alone, and they delete it when they want. A contribution to the wijk figures is
not personal data: it has no link to a person and no time finer than a year (models.Contribution, ADR 0042).
"""

from django.utils.translation import gettext_lazy as _

from socialebasis.core.personal_data_register import Erasure, LegalBasis, Processing, Retention, declare

RETENTION_DAYS = 3 * 365

declare(
    Processing(
        model="health.SelfCheck",
        fields=("owner", "answers", "scores", "talk_about"),
        export_fields=("created_at", "scores", "answers", "talk_about"),
        person="owner",
        special_category=True,
        purpose=_(
            "The positive-health self-check a resident keeps in their own account, to see their own result and "
            "compare it with earlier ones. Data about health (AVG art. 9): processed only with the explicit "
            "consent of the resident (AVG art. 9(2)(a)), read by nobody else."
        ),
        legal_basis=LegalBasis.CONSENT,
        subjects=_("residents who keep their self-check in their account"),
        on_erasure=Erasure.DELETE,
        retention=Retention(
            days=RETENTION_DAYS,
            field="created_at",
            description=_("three years after it was filled in, or earlier when the resident deletes it"),
        ),
    )
)
