"""The stories' parts of pages in lower apps: the wijk hub (stories and their patterns beside the profile's figures),
"Mijn werk" (stories to read), "Mijn account" (your stories) and the yearly report (profiles/yearly.py)."""

from django.utils.translation import gettext_lazy as _

from socialebasis.accounts import work
from socialebasis.accounts.hub import ADDED, register_link
from socialebasis.areas import hub
from socialebasis.core.roles import STAFF_ROLES, has_role
from socialebasis.profiles import yearly

from . import page_cache, report, selectors

HUB_STORIES = 3


def hub_part(district, user) -> dict | None:
    stories = list(selectors.stories_for(user).filter(district__statcode=district.statcode)[:HUB_STORIES])
    return {"stories": stories, "patterns": selectors.goals_beside_figures(district, user)}


def moderation_part(user) -> dict | None:
    if not has_role(user, *STAFF_ROLES):
        return None
    stories = list(selectors.to_moderate(user)[:20])
    return {"stories": stories} if stories else None


def register() -> None:
    # Right after the profile's figures: the stories of the wijk counted per goal, each goal beside the profile's
    # figures of the indicators the framework links to it (issue 14 point 4).
    hub.register_section(
        "stories.stories", "stories/hub/_stories.html", hub_part, order=hub.FIGURES + 5, scopes=page_cache.scopes
    )
    page_cache.connect()
    work.register_section(
        "stories.moderation", _("Stories to read"), "stories/work/_moderation.html", moderation_part, order=40
    )
    work.register_counter(
        "stories.to_read", _("Stories to read"), "stories:moderation", lambda user: selectors.to_moderate(user).count(),
        shown_to=lambda user: has_role(user, *STAFF_ROLES),
    )  # fmt: skip
    register_link(ADDED, _("Your stories"), "stories:mine", order=40)
    yearly.register_section(
        "profiles.figures", _("Figures and trends"), "stories/report/_figures.html", report.figures_part,
        order=yearly.FIGURES,
    )  # fmt: skip
    yearly.register_section(
        "stories.stories", _("Stories, side by side with the goals"), "stories/report/_stories.html",
        report.stories_part, order=yearly.STORIES,
    )  # fmt: skip
