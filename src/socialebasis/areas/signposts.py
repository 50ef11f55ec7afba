"""Where a resident of a municipality can go for something another app offers there.

An app may not import its siblings (ADR 0028): positive health cannot ask burenhulp whether a municipality runs it.
So the app that offers something registers a signpost here from its AppConfig.ready, and the app that wants to
point there asks `url_for(key, municipality)`. The answer is None where that municipality does not offer it (or the
app is not installed), so that no page points a resident to a place that is not there for them.
"""

from collections.abc import Callable
from typing import Any

# Asking a neighbour for help: burenhulp, where the municipality runs it (neighbourhelp.HelpSettings).
NEIGHBOUR_HELP = "neighbour-help"

_SIGNPOSTS: dict[str, Callable[[Any], str | None]] = {}


def register(key: str, url_in: Callable[[Any], str | None]) -> None:
    """`url_in(municipality)`: the address of the place, or None where the municipality does not offer it."""
    _SIGNPOSTS[key] = url_in


def url_for(key: str, municipality) -> str | None:
    if municipality is None or key not in _SIGNPOSTS:
        return None
    return _SIGNPOSTS[key](municipality)
