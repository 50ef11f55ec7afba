"""Evidence: one small shape for every answer, score and arrow — kind, reference and label.

Indicators are resolved through the indicator store; stories and signals through `evidence_sources.py`, which
reads them as any visitor may. A kind without a resolver (or a reference that is not found) shows its label and
reference as written. Documents and links are shown as links.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from socialebasis.indicators.models import Indicator, IndicatorValue

KINDS = {
    "indicator": gettext_lazy("figure from the wijk profile"),
    "story": gettext_lazy("story"),
    "signal": gettext_lazy("signal"),
    "document": gettext_lazy("document"),
    "link": gettext_lazy("link"),
}


@dataclass(frozen=True)
class Resolved:
    """Evidence as a page shows it: the label, what it says now, and a link when there is one."""

    kind: str
    kind_label: str
    label: str
    detail: str = ""
    url: str = ""


Resolver = Callable[[str, str, dict], Resolved | None]
_RESOLVERS: dict[str, Resolver] = {}


def register_resolver(kind: str, resolver: Resolver) -> None:
    """Let another app say what a piece of evidence of this kind shows (stories, signals): resolver(reference,
    label, context) gives a Resolved or None when the reference is unknown."""
    if kind not in KINDS:
        raise ValueError(f"Unknown evidence kind {kind!r}.")
    _RESOLVERS[kind] = resolver


def item(kind: str, reference: str, label: str = "") -> dict:
    return {"kind": kind, "reference": reference.strip()[:300], "label": label.strip()[:200]}


def clean(items) -> list[dict]:
    """Keep only well-formed evidence (the forms build it; this guards the JSON)."""
    cleaned = []
    for entry in items or []:
        if isinstance(entry, dict) and entry.get("kind") in KINDS and str(entry.get("reference", "")).strip():
            cleaned.append(item(entry["kind"], str(entry["reference"]), str(entry.get("label", ""))))
    return cleaned


def _latest_value(indicator: Indicator, area_codes: list[str]) -> IndicatorValue | None:
    for code in area_codes:
        found = _latest_in(indicator, code)
        if found is not None:
            return found
    return None


def _latest_in(indicator: Indicator, code: str) -> IndicatorValue | None:
    return (
        # The first area given (the wijk) before the municipality; all residents ("") before a group such as 18+.
        IndicatorValue.objects.filter(indicator=indicator, area__code=code, value__isnull=False)
        .select_related("area")
        .order_by("-year", "group", "-area__division_year")
        .first()
    )


def _indicator(reference: str, label: str, context: dict) -> Resolved | None:
    indicator = Indicator.objects.filter(key=reference).first()
    if indicator is None:
        return None
    value = _latest_value(indicator, context.get("area_codes", []))
    detail = ""
    if value is not None:
        number = f"{value.value:.1f}".replace(".", ",")
        unit = "%" if indicator.unit == "percent" else ""
        detail = _("%(value)s%(unit)s in %(year)s (%(area)s)") % {
            "value": number,
            "unit": unit,
            "year": value.year,
            "area": value.area.name or value.area.code,
        }
        if value.group:
            detail += f" ({value.group})"
    return Resolved("indicator", str(KINDS["indicator"]), label or indicator.label, detail)


# Something that says it is a link: a scheme ("https:", "javascript:") or a path ("/…", "//host").
LOOKS_LIKE_A_LINK = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*:\S|[/\\])")


def web_address(reference: str) -> str:
    """`reference` when it may be a link on a page: an absolute http(s) address with a host, or a page of this site
    (one "/", not "//host" or "/\\host", which a browser reads as another host). Otherwise ""."""
    reference = reference.strip()
    if reference.startswith("/"):
        return reference if not reference.startswith(("//", "/\\")) else ""
    parts = urlsplit(reference)
    if parts.scheme.lower() in ("http", "https") and parts.hostname and "\\" not in reference:
        return reference
    return ""


def _link(reference: str, label: str, context: dict) -> Resolved:
    url = web_address(reference)
    return Resolved("link", str(KINDS["link"]), label or reference, "" if url else reference, url)


def resolve(entry: dict, context: dict | None = None) -> Resolved:
    context = context or {}
    kind, reference, label = entry["kind"], entry["reference"], entry.get("label", "")
    resolver = _RESOLVERS.get(kind)
    if kind == "indicator" and resolver is None:
        resolver = _indicator
    if kind in ("document", "link") and resolver is None:
        found = _link(reference, label, context)
        return Resolved(kind, str(KINDS[kind]), found.label, found.detail, found.url)
    found = resolver(reference, label, context) if resolver else None
    if found is not None:
        return found
    return Resolved(kind, str(KINDS[kind]), label or reference, "" if label == reference else reference)


def resolve_all(items, context: dict | None = None) -> list[Resolved]:
    return [resolve(entry, context) for entry in clean(items)]
