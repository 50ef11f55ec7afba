"""What tellers hear (see socialebasis.notifications.registry): the outcome of the reading of their story, and
what a round chose and why — the feedback step of Most Significant Change, so that it does not go quiet."""

from django.db import transaction
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
