""" "Mijn werk" is the start page of professionals and policy officers: every app that gives staff work adds its part.

The hub of "Mijn account" (`hub.py`) is a list of links; this page shows the work itself: entries waiting for
moderation, entries due for a check, the agenda actions someone took on, the wijken they work in. An app calls
`register_section` from its AppConfig.ready (accounts stands below the directory and the profiles and imports
neither): a title, the template that draws the part, and a function that reads the part for one person. The
function returns None when it has nothing to show this person (the section is left out), or a dict that its
template gets as `part`. Each part reads with a fixed number of queries, however much work is waiting.
`register_counter` adds a link with a count to the page header of staff (the moderation queue's "Te controleren").
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.urls import reverse

from socialebasis.core.roles import STAFF_ROLES, Role, has_role

# Who lands on "Mijn werk" after signing in; residents and volunteers land on "Mijn account".
STARTS_ON_WORK = (Role.PROFESSIONAL, Role.POLICY_OFFICER)


@dataclass(frozen=True)
class Section:
    key: str
    title: Any
    template: str
    read: Callable[[Any], dict | None]
    order: int = 50


_SECTIONS: dict[str, Section] = {}


def register_section(key: str, title, template: str, read: Callable[[Any], dict | None], *, order: int = 50) -> None:
    # Keyed, so that an app's ready() running twice in tests leaves one part per page.
    _SECTIONS[key] = Section(key, title, template, read, order)


@dataclass(frozen=True)
class Counter:
    """A link with a number in the page header for staff ("Te controleren (3)"): `count(user)` must be one query."""

    key: str
    label: Any
    url_name: str
    count: Callable[[Any], int]
    shown_to: Callable[[Any], bool]


_COUNTERS: dict[str, Counter] = {}


def register_counter(key: str, label, url_name: str, count: Callable[[Any], int], *, shown_to) -> None:
    _COUNTERS[key] = Counter(key, label, url_name, count, shown_to)


def counters_for(user) -> list[tuple[Any, str, int]]:
    """(label, url, count) of the header counters this person sees, in the order they were registered."""
    return [
        (counter.label, reverse(counter.url_name), counter.count(user))
        for counter in _COUNTERS.values()
        if counter.shown_to(user)
    ]


def starts_on_work(user) -> bool:
    return has_role(user, *STARTS_ON_WORK)


def may_see_work(user) -> bool:
    return has_role(user, *STAFF_ROLES)


def parts_for(user) -> list[tuple[Section, dict]]:
    """The sections with something for this person, in their order, each with what it read."""
    parts = []
    for section in sorted(_SECTIONS.values(), key=lambda s: (s.order, s.key)):
        part = section.read(user)
        if part is not None:
            parts.append((section, part))
    return parts


def wijken_part(user) -> dict | None:
    """The wijken this person works in: the assigned ones, or else every wijk of their municipalities."""
    districts = list(user.districts.select_related("municipality").order_by("municipality__name", "name", "-year"))
    municipalities = [] if districts else list(user.municipalities.order_by("name"))
    if not districts and not municipalities:
        return None
    return {"districts": districts, "municipalities": municipalities}
