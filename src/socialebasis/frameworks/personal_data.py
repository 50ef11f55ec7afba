"""Personal data of the local frameworks, declared for the register (socialebasis/privacy)."""

from django.utils.translation import gettext_lazy as _

from socialebasis.core.personal_data_register import Erasure, LegalBasis, Processing, Retention, declare

declare(
    Processing(
        model="frameworks.Assessment",
        fields=("created_by", "name"),
        export_fields=("name", "verdict", "created_at"),
        person="created_by",
        purpose=_('Answers to "does this belong to the sociale basis?", kept to learn how the framework is used.'),
        legal_basis=LegalBasis.PUBLIC_TASK,
        subjects=_("everyone who asks the question, with or without an account"),
        on_erasure=Erasure.UNLINK,
        retention=Retention(
            days=365,
            setting="ASSESSMENT_RETENTION_DAYS",
            field="created_at",
            description=_("365 days, then deleted (setting ASSESSMENT_RETENTION_DAYS)"),
        ),
    )
)

declare(
    Processing(
        model="frameworks.FrameworkVersion",
        fields=("created_by",),
        export_fields=("framework", "number", "created_at"),
        person="created_by",
        purpose=_("Who made a version of a municipality's framework (the policy officer's work)."),
        legal_basis=LegalBasis.PUBLIC_TASK,
        subjects=_("policy officers"),
        on_erasure=Erasure.UNLINK,
        retention=Retention(description=_("as long as the version exists (the framework's history is public)")),
    )
)
