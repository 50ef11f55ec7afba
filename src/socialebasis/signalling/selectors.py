"""Reads of signals for pages, API, "Mijn werk" and the yearly report (through the rules in rules.py)."""

from django.db.models import Count, QuerySet

from socialebasis.areas.models import District
from socialebasis.core.permissions import visible
from socialebasis.indicators.suppression import suppress_line
from socialebasis.profiles.models import AgendaStatus

from .models import OPEN_STATUSES, Signal, SignalStatus


def signals_for(user) -> QuerySet[Signal]:
    return visible(user, "signalling.view_signal", Signal.objects.all()).select_related(
        "municipality", "district", "theme", "agenda_item", "contact"
    )


def handled_by(user) -> QuerySet[Signal]:
    return visible(user, "signalling.handle_signal", Signal.objects.all()).select_related(
        "municipality", "district", "theme"
    )


def open_for(user) -> QuerySet[Signal]:
    return handled_by(user).filter(status__in=OPEN_STATUSES)


def themes_and_outcomes(area, year: int, user) -> dict | None:
    """The yearly report's part: per theme how many signals were raised (suppressed under 5, rounded) and what
    became of them — the actions on the sociale agenda they led to, which are public. No signal text, no reporter:
    this is the counted view anyone may read (rule `signalling.count_signals`)."""
    signals = visible(user, "signalling.count_signals", Signal.objects.filter(created_at__year=year))
    if isinstance(area, District):
        signals = signals.filter(district__statcode=area.statcode, municipality=area.municipality)
    else:
        signals = signals.filter(municipality=area)
    rows = list(signals.values("theme__name").annotate(n=Count("pk")).order_by("theme__name"))
    if not rows:
        return None
    line = suppress_line([row["n"] for row in rows])
    closed = suppress_line([signals.filter(status=SignalStatus.CLOSED).count()])
    actions = (
        signals.filter(agenda_item__isnull=False)
        .values("agenda_item__title", "agenda_item__owner_name", "agenda_item__status")
        .distinct()
        .order_by("agenda_item__title")
    )
    return {
        "themes": [{"name": row["theme__name"], "count": line.cells[i]} for i, row in enumerate(rows)],
        "total": line.total,
        "closed": closed.total,
        "actions": [
            {
                "title": a["agenda_item__title"],
                "owner": a["agenda_item__owner_name"],
                "status": AgendaStatus(a["agenda_item__status"]).label,
            }
            for a in actions
        ],
    }
