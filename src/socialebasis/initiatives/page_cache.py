"""What the initiatives' part of the wijk page shows, for the page cache every app shares (core/page_cache.py,
ADR 0038): the initiatives of the wijk (their title, status and wijken) and the grants whose decision was sent
(title and amount). So the scope follows initiatives, their wijken, and applications (a status step too: a grant
shows once its decision is sent). Budgets, notes, questions and declarations are not on it.

A visitor who is not signed in sees what is public, the same for every visitor: the part can be kept."""

from socialebasis.core import page_cache
from socialebasis.workflows.signals import transitioned

SCOPE = "initiatives"
SHOWN = frozenset({"initiatives.initiative", "initiatives.initiative_districts", "initiatives.application"})


def scopes(statcode: str) -> list[str]:
    return [SCOPE]


def connect() -> None:
    page_cache.follow(SCOPE, SHOWN, also=(transitioned,), uid="initiatives-page-cache")
