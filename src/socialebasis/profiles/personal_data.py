"""Personal data of the wijk profiles, declared for the register (socialebasis/privacy)."""

from django.utils.translation import gettext_lazy as _

from socialebasis.core.personal_data_register import Erasure, LegalBasis, Processing, Retention, declare

declare(
    Processing(
        model="profiles.AgendaItem",
        fields=("created_by", "owner_name"),
        export_fields=("title", "owner_name", "created_by", "updated_at"),
        person="created_by",
        purpose=_(
            "The sociale agenda of a wijk: who does what. The owner is named as a group, organisation or the "
            "municipality; the person who wrote the item is kept for accountability."
        ),
        legal_basis=LegalBasis.PUBLIC_TASK,
        subjects=_("staff who write the agenda; groups and organisations named as owner"),
        on_erasure=Erasure.UNLINK,
        retention=Retention(description=_("as long as the agenda item exists (a public record of the wijk)")),
    )
)
