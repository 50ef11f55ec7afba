"""What positive health's part of the wijk page shows, for the page cache every app shares (core/page_cache.py,
ADR 0038): the wijk figures of closed years, counted from the contributions. A new year closes at midnight on
1 January, and the page cache keys every page by today's date. Self-checks are private and never on the page.

The figures are the same for everybody: the part can be kept."""

from socialebasis.core import page_cache

SCOPE = "health"
SHOWN = frozenset({"health.contribution"})


def scopes(statcode: str) -> list[str]:
    return [SCOPE]


def connect() -> None:
    page_cache.follow(SCOPE, SHOWN, uid="health-page-cache")
