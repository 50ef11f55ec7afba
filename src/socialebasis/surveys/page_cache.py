"""What the surveys' part of the wijk page shows, for the page cache every app shares (core/page_cache.py, ADR 0038):
the published surveys of the wijk or its municipality, and the age-friendly projects of the wijk. Answers and actions
are not on it. The link to start a project is only for staff, who always get a fresh page.

A visitor who is not signed in sees the published surveys, the same for every visitor: the part can be kept."""

from socialebasis.core import page_cache

SCOPE = "surveys"
SHOWN = frozenset({"surveys.survey", "surveys.project"})


def scopes(statcode: str) -> list[str]:
    return [SCOPE]


def connect() -> None:
    page_cache.follow(SCOPE, SHOWN, uid="surveys-page-cache")
