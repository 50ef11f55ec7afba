"""What the stories' part of the wijk page shows, for the page cache every app shares (core/page_cache.py, ADR 0038):
the newest stories anybody may read in the wijk and their patterns per goal, named after the goals and spheres of the
framework in force, each goal beside the profile's figures of the indicators the framework links to it. So the scope
follows the stories (a status step too: publishing, withdrawing) and the framework versions, and the profile's own
scopes cover the figures. Rounds, panels and selections are not on it.

A visitor who is not signed in sees only public stories, the same for every visitor: the part can be kept. Signed-in
people (a panel member, a professional) always get a fresh page."""

from socialebasis.core import page_cache
from socialebasis.profiles import page_cache as profile_pages
from socialebasis.workflows.signals import transitioned

SCOPE = "stories"
SHOWN = frozenset({"stories.story", "frameworks.frameworkversion"})


def scopes(statcode: str) -> list[str]:
    return [SCOPE, *profile_pages.scopes(statcode)]


def connect() -> None:
    page_cache.follow(SCOPE, SHOWN, also=(transitioned,), uid="stories-page-cache")
