"""Burenhulp as own registrations in the wijk profile: requests, offers, matches and unmet requests per wijk,
category and quarter, stored as indicator values (issue 13 point 6) through `indicators.services.store_computed`.

Each count is a figure about residents, so small cells are suppressed (`indicators.suppression`, n < 5, with the
complementary cell of the same wijk and quarter): a suppressed cell is stored as "not published" (None), never as
its count. Groups are named in Dutch: "K2 vervoer" is the second quarter's requests for vervoer; "K2" the quarter,
"" the year. Unmet: a request that expired, or was closed, without an agreed match.
"""

from collections import Counter, defaultdict
from datetime import date

from django.db.models import Exists, OuterRef
from django.utils import timezone

from socialebasis.areas.models import District
from socialebasis.indicators.models import Unit
from socialebasis.indicators.services import Cell, Definition, ImportReport, store_computed
from socialebasis.indicators.suppression import MIN_CELL, suppress_line

from .models import HelpOffer, HelpRequest, Match
from .vocabulary import MatchStatus, RequestStatus

THEME = "Burenhulp (eigen registratie)"
REQUESTS, OFFERS, MATCHES, UNMET = (
    "BurenhulpHulpvragen",
    "BurenhulpHulpaanbod",
    "BurenhulpMatches",
    "BurenhulpOnbeantwoord",
)
DEFINITIONS = [
    Definition(REQUESTS, "Hulpvragen burenhulp", Unit.COUNT, THEME),
    Definition(OFFERS, "Hulpaanbod burenhulp", Unit.COUNT, THEME),
    Definition(MATCHES, "Matches burenhulp (afgesproken)", Unit.COUNT, THEME, higher_is_better=True),
    Definition(UNMET, "Onbeantwoorde hulpvragen burenhulp", Unit.COUNT, THEME, higher_is_better=False),
]


def _quarter(moment) -> int:
    return (timezone.localtime(moment).month - 1) // 3 + 1


def with_outcome(requests):
    """The requests with `had_match`: whether a helper was agreed on (one subquery)."""
    return requests.annotate(had_match=Exists(Match.objects.filter(request=OuterRef("pk"), accepted_at__isnull=False)))


def is_unmet(status: str, had_match: bool) -> bool:
    """Unmet: the request expired or was closed without an agreed match."""
    return status in (RequestStatus.EXPIRED, RequestStatus.CLOSED) and not had_match


def tallies(year: int) -> dict[tuple[int, str], dict[int, Counter]]:
    """{(district id, indicator): {quarter: Counter(category name → n)}} for the year; four small queries."""
    found: dict[tuple[int, str], dict[int, Counter]] = defaultdict(lambda: defaultdict(Counter))
    requests = with_outcome(HelpRequest.objects.filter(created_at__year=year, district__isnull=False)).values_list(
        "district_id", "category__name", "created_at", "status", "had_match"
    )
    for district_id, category, created, status, had_match in requests:
        found[(district_id, REQUESTS)][_quarter(created)][category] += 1
        if is_unmet(status, had_match):
            found[(district_id, UNMET)][_quarter(created)][category] += 1
    offers = HelpOffer.objects.filter(created_at__year=year, district__isnull=False)
    for district_id, category, created in offers.values_list("district_id", "category__name", "created_at"):
        found[(district_id, OFFERS)][_quarter(created)][category] += 1
    matches = Match.objects.filter(accepted_at__year=year, district__isnull=False).exclude(status=MatchStatus.DECLINED)
    rows = matches.values_list("district_id", "request__category__name", "offer__category__name", "accepted_at")
    for district_id, request_category, offer_category, accepted in rows:
        found[(district_id, MATCHES)][_quarter(accepted)][request_category or offer_category] += 1
    return found


def cells_for(year: int) -> list[Cell]:
    found = tallies(year)
    districts = {d.pk: d for d in District.objects.filter(pk__in={k[0] for k in found})}
    cells = []
    ref = f"burenhulp, eigen registratie {year}"
    for (district_id, indicator), quarters in sorted(found.items()):
        district = districts[district_id]
        year_total = 0
        for quarter, counter in sorted(quarters.items()):
            names = sorted(counter)
            line = suppress_line([counter[name] for name in names], round_output=False)
            for name, value in zip(names, line.cells, strict=True):
                cells.append(
                    Cell(indicator, district.statcode, district.year, year, f"K{quarter} {name}", _float(value), ref)
                )
            cells.append(
                Cell(indicator, district.statcode, district.year, year, f"K{quarter}", _float(line.total), ref)
            )
            year_total += sum(counter.values())
        value = year_total if year_total == 0 or year_total >= MIN_CELL else None
        cells.append(Cell(indicator, district.statcode, district.year, year, "", _float(value), ref))
    return cells


def _float(value) -> float | None:
    return None if value is None else float(value)


def snapshot(on: date | None = None, *, actor=None) -> ImportReport:
    """Store the year of `on` (today); running it again replaces that year's figures."""
    on = on or timezone.localdate()
    return store_computed("burenhulp", "neighbourhelp", DEFINITIONS, cells_for(on.year), actor=actor)
