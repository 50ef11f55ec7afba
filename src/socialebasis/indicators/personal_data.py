"""Personal data of the indicator store, declared for the register (socialebasis/privacy).

The figures themselves are about areas, never about persons; only who ran an import is personal.
"""

from django.utils.translation import gettext_lazy as _

from socialebasis.core.personal_data_register import Erasure, LegalBasis, Processing, Retention, declare, not_personal

declare(
    Processing(
        model="indicators.ImportRun",
        fields=("actor",),
        export_fields=("kind", "filename", "at"),
        person="actor",
        purpose=_("Where each figure came from: which import, when, and who started it."),
        legal_basis=LegalBasis.PUBLIC_TASK,
        subjects=_("policy officers and administrators"),
        on_erasure=Erasure.UNLINK,
        retention=Retention(description=_("as long as the figures of the import exist")),
    )
)
not_personal("indicators.Area", ("name",), "The name of an area (municipality, wijk, buurt).")
not_personal("indicators.Source", ("name",), "The name of a data source, such as CBS.")
