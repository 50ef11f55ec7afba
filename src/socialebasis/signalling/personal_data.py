"""Personal data of the signals, declared for the register (socialebasis/privacy), issue 14 point 7."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from socialebasis.core.personal_data_register import (
    Erasure,
    LegalBasis,
    Processing,
    Retention,
    declare,
    not_personal,
)

from .models import OPEN_STATUSES, ReporterContact

REPORTER_DAYS = 365  # Signalen's practice: a reporter is anonymised a year after the report.


def _erase_reporter(user) -> int:
    from .services import erase_reporter

    return erase_reporter(user)


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
        anonymise=ReporterContact.ANONYMOUS,
        # Erasure also blanks the descriptions of the person's signals (below); it must run before the contact loses
        # its account, so it is one service.
        erase=_erase_reporter,
        # The signal itself stays (counted).
        retention=Retention(
            days=REPORTER_DAYS,
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

# The description is free text: a reporter may name themselves or a neighbour; so may the outcome, staff's last note
# to the reporter, which answers it. Both are needed while the signal is worked on; the yearly report and the counts
# never read them. So a handled signal loses them when its reporter is made anonymous (a text that names them would
# undo that), and erasing the reporter's account blanks them at once (ADR 0040, update "the description of a
# signal").
declare(
    Processing(
        model="signalling.Signal",
        fields=("description", "outcome"),
        export_fields=("theme", "district", "description", "status", "created_at", "outcome"),
        person="contact__user",
        purpose=_("What a resident, professional or partner noticed in a wijk, so that it is handled and counted."),
        legal_basis=LegalBasis.PUBLIC_TASK,
        subjects=_("residents, professionals and partners who raised a signal, and whoever they wrote about"),
        on_erasure=Erasure.ANONYMISE,
        anonymise={"description": "", "outcome": ""},
        retention=Retention(
            days=REPORTER_DAYS,
            setting="SIGNALLING_REPORTER_RETENTION_DAYS",
            field="created_at",
            only=~Q(status__in=OPEN_STATUSES),
            action=Erasure.ANONYMISE,
            description=_(
                "once handled, 365 days after the signal was raised its description and outcome are removed; the "
                "signal stays (setting SIGNALLING_REPORTER_RETENTION_DAYS)"
            ),
        ),
    )
)
not_personal("signalling.Theme", ("name",), "The name of a theme of signals, e.g. 'Eenzaamheid'.")
