""" "Mijn account" is the resident's hub: every app that keeps something of a person adds its link here.

An app calls `register_link` from its AppConfig.ready (accounts stands below it and imports none of those apps):
what they added, what they follow, their messages, their data. The page shows the links under their heading.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

ADDED = _("What you added and follow")
MESSAGES = _("Messages")
ACCOUNT = _("Your account")
DATA = _("Your data")
HEADINGS = (ADDED, MESSAGES, ACCOUNT, DATA)


@dataclass(frozen=True)
class Link:
    heading: Any
    label: Any
    url_name: str
    order: int = 50
    shown_to: Callable[[Any], bool] | None = None


_LINKS: list[Link] = []


def register_link(heading, label, url_name: str, *, order: int = 50, shown_to=None) -> None:
    if any(link.url_name == url_name for link in _LINKS):
        return  # an app's ready() can run twice in tests; one link per page
    _LINKS.append(Link(heading, label, url_name, order, shown_to))


def sections_for(user) -> list[tuple[Any, list[tuple[Any, str]]]]:
    """The hub's headings with their links for this person, in a fixed order."""
    sections = []
    for heading in HEADINGS:
        links = sorted((link for link in _LINKS if link.heading == heading), key=lambda link: link.order)
        shown = [(link.label, reverse(link.url_name)) for link in links if link.shown_to is None or link.shown_to(user)]
        if shown:
            sections.append((heading, shown))
    return sections
