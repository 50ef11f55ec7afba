"""The yearly report "tellen en vertellen" (issue 14 point 6) is made of parts that several apps contribute.

The figures and the sociale agenda are the profiles'; the stories, the signals and later the help, initiatives and
surveys belong to apps on higher floors, which may not import each other (ADR 0028). So the registry of the report's
parts lives here, low enough for all of them: each app calls `register_section` from its AppConfig.ready, and the
page that puts the report together (stories/report.py) asks `parts_for` (docs/adr/0040-stories-and-signals.md).

A section is a template and a `provide(area, year, user)` function: `area` is a District (a wijk report) or a
Municipality (the municipal one), `year` the calendar year reported on, `user` the reader. It returns None when it
has nothing to say, else the dict its template gets as `part`. Like every read path it reads through the app's own
permission rules (`visible`), so a report shows a reader no more than its pages do.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

# The order of the report: the figures first, then what the platform registered, then what people said.
FIGURES = 10
INVENTORY = 20
REGISTERED = 40
SIGNALS = 60
STORIES = 80


@dataclass(frozen=True)
class Section:
    key: str
    title: Any
    template: str
    provide: Callable[[Any, int, Any], dict | None]
    order: int = 50


_SECTIONS: dict[str, Section] = {}


def register_section(key: str, title, template: str, provide, *, order: int = 50) -> None:
    """Keyed, so that an app's ready() running twice in tests leaves one part per report."""
    _SECTIONS[key] = Section(key, title, template, provide, order)


def sections() -> list[Section]:
    return sorted(_SECTIONS.values(), key=lambda s: (s.order, s.key))


def parts_for(area, year: int, user) -> list[tuple[Section, dict]]:
    parts = []
    for section in sections():
        part = section.provide(area, year, user)
        if part is not None:
            parts.append((section, part))
    return parts
