"""Personal data of the signals, declared for the register (socialebasis/privacy), issue 14 point 7."""

from django.utils.translation import gettext_lazy as _

from socialebasis.core.personal_data_register import (
    Erasure,
    LegalBasis,
    Processing,
    Retention,
    declare,
    not_personal,
)

declare(
    Processing(
        model="signalling.ReporterContact",
        fields=("user", "contact_name", "contact_email", "contact_phone", "organisation", "may_contact"),
        export_fields=("signal", "anonymous", "may_contact", "contact_name", "contact_email", "contact_phone"),
        person="user",
        purpose=_(
            "Telling the person who raised a signal what happens with it, and — only with their consent — letting "
            "a professional contact them about it."
        ),
        legal_basis=LegalBasis.PUBLIC_TASK,
        subjects=_("residents, professionals and partners who raised a signal"),
        on_erasure=Erasure.ANONYMISE,
        anonymise={"contact_name": "", "contact_email": "", "contact_phone": "", "organisation": "", "anonymous": True},
        # Signalen's practice: a reporter is anonymised a year after the report; the signal itself stays (counted).
        retention=Retention(
            days=365,
            setting="SIGNALLING_REPORTER_RETENTION_DAYS",
            field="signal__created_at",
            action=Erasure.ANONYMISE,
            description=_(
                "365 days after the signal was raised the reporter is made anonymous; the signal stays "
                "(setting SIGNALLING_REPORTER_RETENTION_DAYS)"
            ),
        ),
    )
)
not_personal("signalling.Theme", ("name",), "The name of a theme of signals, e.g. 'Eenzaamheid'.")
