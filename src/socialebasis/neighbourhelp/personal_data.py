"""Personal data of burenhulp, declared for the register (socialebasis/privacy).

Retention is the municipality's own (`HelpSettings.retention_months`, default 12, issue 13 point 5): a request closed
that long ago is made anonymous and its messages are deleted; so are the messages of a closed conversation. The
`expire` functions of services.py apply those periods in the nightly round of the register.
"""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from socialebasis.core.personal_data_register import Erasure, LegalBasis, Processing, Retention, declare, not_personal

SUBJECTS = _("residents who ask for or offer help, and volunteers")
PER_MUNICIPALITY = _(
    "as long as the request is open; the months the municipality set (12 unless changed) after it closed, the text, "
    "address and phone number are removed and the messages deleted"
)
AREA = (
    "The four digits of a postcode area and its point, never a full postcode or address: it finds the wijk and matches."
)


def _anonymise_requests(now) -> int:
    from .services import anonymise_old_requests

    return anonymise_old_requests(now)


def _delete_messages(now) -> int:
    from .services import delete_old_messages

    return delete_old_messages(now)


def _clear_offers(now) -> int:
    from .services import close_old_offers

    return close_old_offers(now)


def _asker_or_helper(user) -> dict:
    from .models import Match

    return {"pk__in": Match.objects.filter(Q(asker=user) | Q(helper=user)).values("pk")}


declare(
    Processing(
        model="neighbourhelp.HelpRequest",
        fields=("owner", "on_behalf_of", "text", "address", "phone", "resident_consent_at"),
        # `on_behalf_of` is the name of a resident without a computer a professional asked for: it is in the export
        # of the account that made the request, the only account the request is tied to.
        export_fields=(
            "category",
            "on_behalf_of",
            "resident_consent_at",
            "text",
            "when",
            "date",
            "address",
            "phone",
            "status",
            "created_at",
        ),
        person="owner",
        purpose=_("Help requests: finding a neighbour or volunteer who helps, and the follow-up."),
        legal_basis=LegalBasis.CONSENT,
        subjects=SUBJECTS,
        on_erasure=Erasure.DELETE,
        retention=Retention(description=PER_MUNICIPALITY),
        expire=_anonymise_requests,
    )
)
not_personal("neighbourhelp.HelpRequest", ("postcode_area",), AREA)

declare(
    Processing(
        model="neighbourhelp.HelpOffer",
        fields=("owner", "text"),
        export_fields=("category", "text", "when", "status", "created_at"),
        person="owner",
        purpose=_("Help offers: what you offer your neighbours."),
        legal_basis=LegalBasis.CONSENT,
        subjects=SUBJECTS,
        on_erasure=Erasure.DELETE,
        retention=Retention(description=PER_MUNICIPALITY),
        expire=_clear_offers,
    )
)
not_personal("neighbourhelp.HelpOffer", ("postcode_area",), AREA)

declare(
    Processing(
        model="neighbourhelp.VolunteerProfile",
        fields=("user", "skills", "parts", "languages", "hours"),
        export_fields=("skills", "parts", "max_km", "languages", "hours", "active", "created_at"),
        person="user",
        purpose=_("Your volunteer profile: matching you with requests nearby that fit."),
        legal_basis=LegalBasis.CONSENT,
        subjects=_("volunteers"),
        on_erasure=Erasure.DELETE,
        retention=Retention(description=_("until you delete your account")),
    )
)
not_personal("neighbourhelp.VolunteerProfile", ("postcode_area",), AREA)

declare(
    Processing(
        model="neighbourhelp.Match",
        fields=("helper", "asker"),
        export_fields=("request", "offer", "status", "created_at", "accepted_at", "closed_at"),
        person="asker",
        # A match is about both people in it: the helper finds it in their export as the asker does.
        match=_asker_or_helper,
        links={"helper": Erasure.DELETE, "proposed_by": Erasure.UNLINK},
        purpose=_("Who helps whom: the conversation between a helper and the person they help."),
        legal_basis=LegalBasis.CONSENT,
        subjects=SUBJECTS,
        on_erasure=Erasure.DELETE,
        retention=Retention(description=PER_MUNICIPALITY),
    )
)

declare(
    Processing(
        model="neighbourhelp.Message",
        fields=("author", "body"),
        export_fields=("body", "created_at"),
        person="author",
        purpose=_("Messages between a helper and the person they help, relayed by the platform."),
        legal_basis=LegalBasis.CONSENT,
        subjects=SUBJECTS,
        on_erasure=Erasure.DELETE,
        retention=Retention(description=PER_MUNICIPALITY),
        expire=_delete_messages,
    )
)

declare(
    Processing(
        model="neighbourhelp.ContactConsent",
        fields=("user",),
        export_fields=("given_at",),
        person="user",
        purpose=_("That you agreed to show your contact details to the other person of a conversation."),
        legal_basis=LegalBasis.CONSENT,
        subjects=SUBJECTS,
        on_erasure=Erasure.DELETE,
        retention=Retention(description=_("as long as the conversation")),
    )
)

declare(
    Processing(
        model="neighbourhelp.FollowUp",
        fields=("user", "how_it_went", "hours"),
        export_fields=("happened", "how_it_went", "hours", "asked_at", "answered_at"),
        person="user",
        purpose=_("Whether help happened and how it went; hours a volunteer recorded."),
        legal_basis=LegalBasis.CONSENT,
        subjects=SUBJECTS,
        on_erasure=Erasure.DELETE,
        retention=Retention(days=730, field="asked_at", description=_("two years, then deleted")),
    )
)

declare(
    Processing(
        model="neighbourhelp.Report",
        fields=("reporter", "reported", "reason"),
        export_fields=("reason", "created_at", "handled_at"),
        person="reporter",
        links={"reported": Erasure.DELETE, "handled_by": Erasure.UNLINK},
        purpose=_("Reports of a conversation, handled by a professional of the wijk."),
        legal_basis=LegalBasis.LEGITIMATE_INTEREST,
        subjects=SUBJECTS,
        on_erasure=Erasure.DELETE,
        retention=Retention(days=730, field="created_at", description=_("two years, then deleted")),
    )
)

declare(
    Processing(
        model="neighbourhelp.Block",
        fields=("blocker", "blocked"),
        export_fields=("created_at",),
        person="blocker",
        links={"blocked": Erasure.DELETE},
        purpose=_("People you blocked: they cannot send you messages."),
        legal_basis=LegalBasis.LEGITIMATE_INTEREST,
        subjects=SUBJECTS,
        on_erasure=Erasure.DELETE,
        retention=Retention(description=_("until you delete your account")),
    )
)

declare(
    Processing(
        model="neighbourhelp.VacancyResponse",
        fields=("user", "message"),
        export_fields=("message", "created_at"),
        person="user",
        purpose=_("Your response to a volunteer vacancy, read by the organisation."),
        legal_basis=LegalBasis.CONSENT,
        subjects=_("residents who respond to a vacancy"),
        on_erasure=Erasure.DELETE,
        retention=Retention(days=365, field="created_at", description=_("one year, then deleted")),
    )
)

declare(
    Processing(
        model="neighbourhelp.VolunteerVacancy",
        fields=("created_by",),
        export_fields=("title", "created_at"),
        person="created_by",
        purpose=_("Vacancies of organisations: who placed them."),
        legal_basis=LegalBasis.PUBLIC_TASK,
        subjects=_("staff and organisation members who place vacancies"),
        on_erasure=Erasure.UNLINK,
        retention=Retention(description=_("as long as the vacancy is shown")),
    )
)
not_personal("neighbourhelp.HelpSettings", ("name",), "The name of a municipality's volunteer platform.")
not_personal("neighbourhelp.HelpCategory", ("name",), "The name of a help category.")
