"""Personal data of the stories, declared for the register (socialebasis/privacy), issue 14 point 7."""

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

from .models import Panel, StoryStatus

declare(
    Processing(
        model="stories.Story",
        fields=("teller", "teller_name", "title", "text", "answers", "consent_note", "entered_by"),
        export_fields=("title", "text", "visibility", "status", "created_at", "teller_name", "answers"),
        person="teller",
        links={"entered_by": Erasure.UNLINK},
        purpose=_(
            "Stories residents, volunteers and professionals tell about their wijk, read by the panel and the "
            "municipality to learn what changes, and shown to whom the teller chose."
        ),
        legal_basis=LegalBasis.CONSENT,
        subjects=_("tellers, and people entered by a professional with their consent"),
        on_erasure=Erasure.DELETE,
        # Withdrawing empties a story at once (workflows.py); the empty row goes after this period.
        retention=Retention(
            days=30,
            setting="STORIES_WITHDRAWN_RETENTION_DAYS",
            field="withdrawn_at",
            only=Q(status=StoryStatus.WITHDRAWN),
            action=Erasure.DELETE,
            description=_(
                "until the teller withdraws consent: the story is emptied at once and the rest deleted after 30 days "
                "(setting STORIES_WITHDRAWN_RETENTION_DAYS)"
            ),
        ),
    )
)


def _panels_export(user) -> list[dict]:
    return [
        {"panel": panel.name, "municipality": panel.municipality.name} for panel in Panel.objects.filter(members=user)
    ]


def _panels_erase(user) -> int:
    panels = list(Panel.objects.filter(members=user))
    for panel in panels:
        panel.members.remove(user)
    return len(panels)


declare(
    Processing(
        model="stories.Panel",
        fields=("members",),
        purpose=_("Who sits on a story panel, to read the stories of their wijk or municipality and choose."),
        legal_basis=LegalBasis.CONSENT,
        subjects=_("residents and professionals on a panel"),
        person="members",
        export=_panels_export,
        erase=_panels_erase,
        retention=Retention(description=_("as long as the person sits on the panel")),
    )
)
not_personal("stories.Panel", ("name",), "The name of a panel, e.g. 'Wijkpanel Centrum'.")

declare(
    Processing(
        model="stories.Round",
        fields=("created_by",),
        person="created_by",
        on_erasure=Erasure.UNLINK,
        purpose=_("Who started a round of the story panel, for accountability."),
        legal_basis=LegalBasis.PUBLIC_TASK,
        subjects=_("staff"),
        retention=Retention(description=_("as long as the round exists")),
    )
)
declare(
    Processing(
        model="stories.Selection",
        fields=("selected_by",),
        person="selected_by",
        on_erasure=Erasure.UNLINK,
        purpose=_("Who recorded a panel's choice, for accountability."),
        legal_basis=LegalBasis.PUBLIC_TASK,
        subjects=_("panel members and staff"),
        retention=Retention(description=_("as long as the round exists")),
    )
)
