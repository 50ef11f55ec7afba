"""The life cycles of a story (moderation, issue 14 point 2) and of a Most Significant Change round (point 3).

A professional reads every new story: publishes it (after taking out other people's personal details) or marks it
"read, not published" with a reason the teller sees. The teller may withdraw at any moment; withdrawing empties
the story in the same transaction, so no later read or report can show it.
"""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from socialebasis.workflows.registry import Transition, Workflow, register

from .models import RoundStatus, StoryStatus
from .notifications import round_completed, story_moderated

MODERATE = "stories.moderate_story"
READABLE = (StoryStatus.NEW, StoryStatus.PUBLISHED, StoryStatus.NOT_PUBLISHED)


def _empty_on_withdrawal(story, actor) -> list[str]:
    from socialebasis.profiles.services import drop_report_pdfs
    from socialebasis.uploads.services import delete_attached

    delete_attached(story, actor)
    # A PDF made before holds the story; the yearly report's PDFs are keyed by the wijk's or municipality's code.
    drop_report_pdfs([story.district.statcode, story.municipality.statcode])
    story.title, story.text, story.answers, story.teller_name = "", "", {}, ""
    story.withdrawn_at = timezone.now()
    return ["title", "text", "answers", "teller_name", "withdrawn_at"]


register(
    Workflow(
        key="stories.story",
        model="stories.Story",
        states=StoryStatus,
        initial=StoryStatus.NEW,
        final=frozenset({StoryStatus.WITHDRAWN}),
        transitions=(
            Transition(
                (StoryStatus.NEW, StoryStatus.NOT_PUBLISHED), StoryStatus.PUBLISHED, MODERATE, _("Publish"),
                after=story_moderated,
            ),
            Transition(
                (StoryStatus.NEW, StoryStatus.PUBLISHED), StoryStatus.NOT_PUBLISHED, MODERATE,
                _("Read, not published"), note_required=True, after=story_moderated,
            ),
            Transition(READABLE, StoryStatus.WITHDRAWN, "stories.withdraw_story", _("Withdraw consent")),
        ),
        on_enter={StoryStatus.WITHDRAWN: _empty_on_withdrawal},
    )
)  # fmt: skip

register(
    Workflow(
        key="stories.round",
        model="stories.Round",
        states=RoundStatus,
        initial=RoundStatus.OPEN,
        final=frozenset({RoundStatus.COMPLETED}),
        transitions=(
            Transition(
                (RoundStatus.OPEN,), RoundStatus.COMPLETED, "stories.complete_round",
                _("Complete and inform the tellers"), after=round_completed,
            ),
        ),
    )
)  # fmt: skip
