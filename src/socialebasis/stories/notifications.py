"""What tellers hear (see socialebasis.notifications.registry): the outcome of the reading of their story, and
what a round chose and why — the feedback step of Most Significant Change, so that it does not go quiet. And what a
person hears when they are put on a panel: that they now choose stories in its rounds, and where."""

from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from socialebasis.notifications.registry import Frequency, register
from socialebasis.notifications.services import notify

from .models import PUBLIC_VISIBILITIES, Story

MODERATED = register(
    "stories.moderated",
    _("Your story was read"),
    default=Frequency.IMMEDIATELY,
    description=_("When a professional published your story, or read it and did not publish it."),
)
ROUND_FEEDBACK = register(
    "stories.round_feedback",
    _("What the story panel chose"),
    default=Frequency.IMMEDIATELY,
    description=_("When a panel that read your story has chosen, with its reasons."),
)

PANEL_MEMBER = register(
    "stories.panel_member",
    _("You are on a story panel"),
    default=Frequency.IMMEDIATELY,
    description=_("When someone of the municipality puts you on a panel that chooses stories."),
)


def story_moderated(story, actor, note, source) -> None:
    """After a moderation step (workflow `after`): the teller hears it, with the reason when it was not published."""
    # The reason stays on the story's page for the teller (the audit line keeps it too).
    Story.objects.filter(pk=story.pk).update(moderation_note=note)
    if story.teller is None:
        return
    with transaction.atomic():
        notify(
            story.teller,
            MODERATED.key,
            context={"title": story.title, "status": story.get_status_display(), "note": note},
            about=story,
        )


def round_completed(round_, actor, note, source) -> None:
    """Every teller whose story the round read hears what was chosen and why (also when theirs was not)."""
    from .selectors import candidates_of

    selections = list(round_.selections.select_related("story").order_by("domain"))
    names = {d["key"]: d["name"] for d in round_.domains}
    # A title reaches other tellers only when its own teller made the story public.
    chosen = [
        {
            "domain": names.get(s.domain, s.domain),
            "title": s.story.title if s.story.visibility in PUBLIC_VISIBILITIES else "",
            "reasons": s.reasons,
        }
        for s in selections
    ]
    tellers = {story.teller for story in candidates_of(round_) if story.teller is not None}
    with transaction.atomic():
        for teller in tellers:
            notify(
                teller,
                ROUND_FEEDBACK.key,
                context={"round": round_.title, "chosen": chosen, "feedback": round_.feedback},
                about=round_,
                key=f"stories.round:{round_.pk}",
            )


def added_to_panel(panel, person) -> None:
    """The new member hears which panel they are on and where they choose. Call it inside the transaction that adds
    them: the e-mail goes after it commits. The link is the list of rounds, which shows a member their panel's rounds
    (the panel's own page is for the staff who set it up)."""
    notify(
        person,
        PANEL_MEMBER.key,
        context={
            "panel": panel.name,
            "district": panel.district.name if panel.district_id else "",
            "municipality": panel.municipality.name,
        },
        about=panel,
        link=reverse("stories:rounds"),
    )
