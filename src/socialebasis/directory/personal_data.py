"""Personal data of the sociale kaart, declared for the register (socialebasis/privacy)."""

from django.db.models import Q
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from socialebasis.core.personal_data_register import Erasure, LegalBasis, Processing, Retention, declare, not_personal

from .vocabulary import Status

CONTRIBUTORS = _("residents, volunteers and organisations who add entries; the staff who check them")
CONTACTS = _("contact persons of activities and organisations")
# Entries stay public information about an activity, place or organisation when the person who added them leaves;
# only the link to the person goes. A long-archived entry loses its contact details and owner too.
ARCHIVED_CONTACTS = Retention(
    days=365,
    setting="ARCHIVED_ENTRY_CONTACT_RETENTION_DAYS",
    field="updated_at",
    only=Q(status=Status.ARCHIVED),
    action=Erasure.ANONYMISE,
    description=_(
        "as long as the entry is shown; 365 days after it was taken offline the contact details and the owner are "
        "removed (setting ARCHIVED_ENTRY_CONTACT_RETENTION_DAYS)"
    ),
)
STAFF_WORK = {"checked_by": Erasure.UNLINK}

declare(
    Processing(
        model="directory.Organisation",
        fields=("owner", "email", "phone"),
        export_fields=("name", "email", "phone", "status", "created_at"),
        person="owner",
        links=STAFF_WORK,
        purpose=_("Organisations on the sociale kaart: who keeps the entry current, and how residents reach them."),
        legal_basis=LegalBasis.PUBLIC_TASK,
        subjects=CONTRIBUTORS,
        on_erasure=Erasure.UNLINK,
        anonymise={"email": "", "phone": ""},
        retention=ARCHIVED_CONTACTS,
    )
)
not_personal("directory.Organisation", ("name",), "The name of an organisation, shown on the sociale kaart.")

declare(
    Processing(
        model="directory.MeetingPlace",
        fields=("owner",),
        export_fields=("name", "street", "postcode", "city", "status", "created_at"),
        person="owner",
        links=STAFF_WORK,
        purpose=_("Meeting places on the sociale kaart: who keeps the entry current."),
        legal_basis=LegalBasis.PUBLIC_TASK,
        subjects=CONTRIBUTORS,
        on_erasure=Erasure.UNLINK,
        retention=ARCHIVED_CONTACTS,
    )
)
not_personal(
    "directory.MeetingPlace",
    ("name", "street", "postcode"),
    "The name and address of a place open to the public (a library, a park), shown on the sociale kaart.",
)

declare(
    Processing(
        model="directory.Activity",
        fields=("owner", "contact_name", "contact_email", "contact_phone"),
        export_fields=("title", "contact_name", "contact_email", "contact_phone", "status", "created_at"),
        person="owner",
        links={**STAFF_WORK, "verdict_confirmed_by": Erasure.UNLINK},
        purpose=_(
            "Activities on the sociale kaart: who keeps the entry current, and the contact person residents reach."
        ),
        legal_basis=LegalBasis.PUBLIC_TASK,
        subjects=format_lazy("{}; {}", CONTRIBUTORS, CONTACTS),
        on_erasure=Erasure.UNLINK,
        anonymise={"contact_name": "", "contact_email": "", "contact_phone": ""},
        retention=ARCHIVED_CONTACTS,
    )
)

not_personal(
    "directory.Activity",
    ("postcode_area",),
    "The four digits of the postcode area where an activity happens, never a full postcode: it finds the wijk.",
)

declare(
    Processing(
        model="directory.SavedSearch",
        fields=("owner", "name", "query", "feed_token"),
        export_fields=("name", "query", "created_at"),
        person="owner",
        purpose=_("Searches you keep under a name, with their calendar feed."),
        legal_basis=LegalBasis.AGREEMENT,
        subjects=_("residents with an account"),
        retention=Retention(description=_("until you delete the search or your account")),
    )
)

declare(
    Processing(
        model="directory.Revision",
        fields=("author", "data", "previous", "note"),
        export_fields=("changed", "status", "created_at", "decided_at", "note"),
        person="author",
        links={"decided_by": Erasure.UNLINK},
        purpose=_("Changes to a public entry that wait for a professional's check, and what was decided."),
        legal_basis=LegalBasis.PUBLIC_TASK,
        subjects=CONTRIBUTORS,
        on_erasure=Erasure.DELETE,
        retention=Retention(
            days=365,
            field="decided_at",
            description=_("365 days after the check, then deleted (the audit log keeps who decided)"),
        ),
    )
)
