"""The wijk page is the hub of a wijk: every app that has something about a wijk adds its part here.

The areas app stands low (ADR 0028) and imports none of the apps above it, so they hang their part in by calling
`register_section` from their AppConfig.ready: the sociale kaart adds what there is to do nearby, the profiles add
the figures, the norms and the sociale agenda; later capabilities (burenhulp, verhalen, initiatieven) do the same.
A section is a template and a function that reads its part for one wijk and one visitor; the function returns None
when there is nothing to show (the section is left out) and otherwise a dict, which the template gets as `part`.
Every part must be readable by anyone who may open the wijk page, so it reads through the app's own permission
rules (`visible`).

For anonymous visitors the page comes from the cache every app shares (core/page_cache.py) when every section
names the cache scopes its part depends on (`scopes(statcode)`, the municipality's CBS code); a section without
them keeps the page fresh for everybody. Leave them out only for a part that differs between visitors who are not
signed in (something of one visitor), and say why where the section is registered.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

# The order of the page: first what a resident can do, then what is known about the wijk, then the plans.
TO_DO = 10
HELP = 20
FIGURES = 40
AGENDA = 60
STORIES = 80


@dataclass(frozen=True)
class Section:
    key: str
    template: str
    read: Callable[[Any, Any], dict | None]
    order: int = 50
    scopes: Callable[[str], list[str]] | None = None


_SECTIONS: dict[str, Section] = {}


def register_section(
    key: str,
    template: str,
    read: Callable[[Any, Any], dict | None],
    *,
    order: int = 50,
    scopes: Callable[[str], list[str]] | None = None,
) -> None:
    """`read(district, user)`; keyed, so an app's ready() running twice in tests leaves one part per page."""
    _SECTIONS[key] = Section(key, template, read, order, scopes)


def page_scopes(statcode: str) -> list[str] | None:
    """The cache scopes of the wijk page of this municipality: those of all its sections, or None (not kept).
    The areas' own rows (names, boundaries) are in the scopes of the sections above, which follow the areas too."""
    found: list[str] = []
    for section in _SECTIONS.values():
        if section.scopes is None:
            return None
        found += [scope for scope in section.scopes(statcode) if scope not in found]
    return found or None


def parts_for(district, user) -> list[tuple[Section, dict]]:
    parts = []
    for section in sorted(_SECTIONS.values(), key=lambda s: (s.order, s.key)):
        part = section.read(district, user)
        if part is not None:
            parts.append((section, part))
    return parts
