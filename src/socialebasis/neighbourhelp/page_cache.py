"""What burenhulp's part of the wijk page shows, for the page cache every app shares (core/page_cache.py, ADR 0038):
the municipality's burenhulp settings (its name, its mode, which decides what a visitor may see), the categories and
the open requests of the wijk, counted per category. Messages, matches and volunteer profiles are not on it.

A visitor who is not signed in gets the counts of what anybody may see, the same for every visitor: the part can be
kept. Signed-in people always get a fresh page."""

from socialebasis.core import page_cache
from socialebasis.workflows.signals import transitioned

SCOPE = "neighbourhelp"
SHOWN = frozenset({"neighbourhelp.helpsettings", "neighbourhelp.helpcategory", "neighbourhelp.helprequest"})


def scopes(statcode: str) -> list[str]:
    return [SCOPE]


def connect() -> None:
    page_cache.follow(SCOPE, SHOWN, also=(transitioned,), uid="neighbourhelp-page-cache")
