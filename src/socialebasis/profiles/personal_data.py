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

# The PDF of a report holds what its reader could read the day it was made: in the yearly report "tellen en
# vertellen" that is stories, with the teller's name when they chose so, and panel-only stories for a panel member.
# It is tied to no account (it is keyed by its HTML), so the nightly round deletes it after a short period; a
# withdrawn story drops the PDFs of its areas at once (stories.workflows).
declare(
    Processing(
        model="profiles.ReportPdf",
        fields=("html", "pdf"),
        purpose=_("A printable report made once and handed out again to readers of the same report."),
        legal_basis=LegalBasis.PUBLIC_TASK,
        subjects=_("tellers of stories shown in a report"),
        retention=Retention(
            days=7,
            setting="REPORT_PDF_RETENTION_DAYS",
            field="requested_at",
            action=Erasure.DELETE,
            description=_(
                "7 days after it was asked for, then deleted and made again when asked (setting "
                "REPORT_PDF_RETENTION_DAYS); at once when a story in it is withdrawn"
            ),
        ),
    )
)
