"""Reads for wijk profiles, shared by the profile page, the printable report and the API."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Q
from django.utils.translation import gettext as _

from socialebasis.areas.models import District, Municipality
from socialebasis.core.permissions import visible
from socialebasis.indicators.models import Area, Indicator, IndicatorValue, Level, Source, Unit

from .models import AgendaItem, Norm, ProfileSummary, Verdict

RULE = (
    "Een wijk scoort opvallend beter of slechter dan de gemeente of Nederland als het verschil in hetzelfde jaar "
    "en dezelfde gebiedsindeling minstens de drempel van de indicator is: 3 procentpunt bij percentages, 0,3 bij "
    "rapportcijfers. Bij indicatoren zonder 'beter' (zoals mantelzorg) heet dat 'opvallend anders'. Aantallen "
    "worden niet vergeleken. De trend vergelijkt het laatste met het eerste jaar volgens dezelfde regel."
)


@dataclass
class Row:
    indicator: Indicator
    group: str
    year: int
    value: float
    municipality_value: float | None
    country_value: float | None
    verdict_municipality: str
    verdict_country: str
    trend: str
    first_year: int
    first_value: float
    division_year: int
    series: list[tuple[int, float | None, float | None, float | None]] = field(default_factory=list)

    @property
    def difference_municipality(self) -> float | None:
        return None if self.municipality_value is None else round(self.value - self.municipality_value, 2)

    @property
    def difference_country(self) -> float | None:
        return None if self.country_value is None else round(self.value - self.country_value, 2)

    @property
    def is_concern(self) -> bool:
        return Verdict.WORSE in (self.verdict_municipality, self.verdict_country)

    @property
    def is_strength(self) -> bool:
        return not self.is_concern and Verdict.BETTER in (self.verdict_municipality, self.verdict_country)


@dataclass
class Profile:
    area: Area | None
    district: District | None
    municipality: Municipality | None
    areas: list[Area]
    rows: list[Row]
    attributions: list[str]
    rule: str = RULE

    @property
    def name(self) -> str:
        return self.district.name if self.district else self.area.display_name if self.area else ""

    @property
    def strengths(self) -> list[Row]:
        return [r for r in self.rows if r.is_strength]

    @property
    def concerns(self) -> list[Row]:
        return [r for r in self.rows if r.is_concern]

    def themes(self) -> list[tuple[str, list[Row]]]:
        grouped = defaultdict(list)
        for row in self.rows:
            grouped[row.indicator.theme or _("Other")].append(row)
        return sorted(grouped.items())

    def row(self, key: str, group: str = "") -> Row | None:
        return next((r for r in self.rows if r.indicator.key == key and r.group == group), None)


def resolve_area(statcode: str, year: int | None) -> tuple[Area | None, District | None]:
    """The district (and the statistical area) a profile is about: `year` is the division year. A code of an
    older division without a District (Vijfheerenlanden 2020) still has a profile of its own figures."""
    districts = District.objects.filter(statcode=statcode).select_related("municipality")
    district = districts.filter(year=year).first() if year is not None else districts.order_by("-year").first()
    if district is not None:
        area = Area.objects.filter(code=statcode, division_year=district.year).first()
        if area is None:
            area = Area.objects.filter(district=district).order_by("-division_year").first()
        return area, district
    areas = Area.objects.filter(code=statcode, level=Level.DISTRICT)
    area = areas.filter(division_year=year).first() if year is not None else areas.order_by("-division_year").first()
    return area, (area.district if area else None)


def build_profile(statcode: str, year: int | None = None, *, with_series: bool = True) -> Profile | None:
    area, district = resolve_area(statcode, year)
    if area is None and district is None:
        return None
    if district is not None:
        areas = list(Area.objects.filter(Q(district=district) | Q(code=district.statcode, division_year=district.year)))
    else:
        areas = [area]
    areas.sort(key=lambda a: -a.division_year)
    municipality = (
        district.municipality if district else Municipality.objects.filter(statcode=area.municipality_code).first()
    )
    summaries = (
        ProfileSummary.objects.filter(area__in=areas)
        .select_related("indicator__source", "area")
        .order_by("indicator__source__key", "indicator__position", "indicator__key", "group")
    )
    rows: dict[tuple[str, str], Row] = {}
    for s in summaries:
        key = (s.indicator.key, s.group)
        if key in rows and rows[key].division_year >= s.area.division_year:
            continue  # the newest division wins when a figure exists in two
        rows[key] = Row(
            indicator=s.indicator,
            group=s.group,
            year=s.year,
            value=s.value,
            municipality_value=s.municipality_value,
            country_value=s.country_value,
            verdict_municipality=s.verdict_municipality,
            verdict_country=s.verdict_country,
            trend=s.trend,
            first_year=s.first_year,
            first_value=s.first_value,
            division_year=s.area.division_year,
        )
    ordered = list(rows.values())
    if with_series and ordered:
        _add_series(ordered, areas)
    sources = {r.indicator.source_id for r in ordered}
    attributions = list(Source.objects.filter(pk__in=sources).order_by("key").values_list("attribution", flat=True))
    return Profile(
        area=area or (areas[0] if areas else None),
        district=district,
        municipality=municipality,
        areas=areas,
        rows=ordered,
        attributions=attributions,
    )


def _add_series(rows: list[Row], areas: list[Area]) -> None:
    """Values of every year for the area, its municipality and the country (same division)."""
    by_year = {a.division_year: a for a in areas}
    wanted = {}
    for a in areas:
        wanted[a.pk] = ("area", a.division_year)
        if a.municipality_area_id:
            wanted[a.municipality_area_id] = ("municipality", a.division_year)
        if a.country_area_id:
            wanted[a.country_area_id] = ("country", a.division_year)
    indicator_ids = {r.indicator.pk for r in rows}
    series: dict[tuple, dict[int, list]] = defaultdict(lambda: defaultdict(lambda: [None, None, None]))
    slot = {"area": 0, "municipality": 1, "country": 2}
    # No ordering: the model's default order joins areas and indicators only to sort; years are sorted below.
    values = IndicatorValue.objects.filter(area_id__in=list(wanted), indicator_id__in=indicator_ids).order_by()
    for area_id, indicator_id, group, year, value in values.values_list(
        "area_id", "indicator_id", "group", "year", "value"
    ):
        kind, division_year = wanted[area_id]
        if division_year not in by_year:
            continue
        series[(indicator_id, group, division_year)][year][slot[kind]] = value
    for row in rows:
        years = series.get((row.indicator.pk, row.group, row.division_year), {})
        row.series = [(y, *years[y]) for y in sorted(years)]


RESIDENTS = "AantalInwoners"  # CBS Kerncijfers: number of residents


@dataclass
class Neighbourhood:
    code: str
    name: str
    year: int
    residents: float | None


def neighbourhoods_of(profile: Profile) -> list[Neighbourhood]:
    """The buurten of the profile's wijk with their residents (CBS Kerncijfers), from the newest division that
    has them. A buurt's code is its wijk's code with two digits more (BU07970101 lies in WK079701)."""
    for area in profile.areas:
        if area.level != Level.DISTRICT:
            continue
        values = IndicatorValue.objects.filter(
            indicator__key=RESIDENTS,
            area__level=Level.NEIGHBOURHOOD,
            area__division_year=area.division_year,
            area__code__startswith="BU" + area.code[2:],
        ).order_by("area__code", "year")
        found: dict[str, Neighbourhood] = {}
        for code, name, year, value in values.values_list("area__code", "area__name", "year", "value"):
            found[code] = Neighbourhood(code, name or code, year, value)  # ordered by year: the newest stays
        if found:
            return list(found.values())
    return []


def norms_of(municipality: Municipality) -> list[Norm]:
    return list(municipality.norms.filter(is_active=True).select_related("indicator"))


def agenda_of(user, district: District):
    items = AgendaItem.objects.filter(district=district).prefetch_related("indicators")
    return visible(user, "profiles.view_profile", items)


def _current_districts(municipality: Municipality) -> list[District]:
    years = list(municipality.districts.order_by("-year").values_list("year", flat=True).distinct()[:1])
    if not years:
        return []
    return list(municipality.districts.filter(year=years[0]).order_by("statcode"))


def comparison(municipality: Municipality, indicator: Indicator, group: str) -> list[dict]:
    """All districts of the municipality's current division side by side for one indicator."""
    districts = _current_districts(municipality)
    found = summaries_by_district(districts, [indicator.pk])
    return [{"district": d, "summary": found.get((d.pk, indicator.pk, group))} for d in districts]


def summaries_by_district(districts, indicator_ids) -> dict[tuple[int, int, str], ProfileSummary]:
    """The summary rows of these districts for these indicators, by (district id, indicator id, group). A
    district's figures can come from more than one statistical division; the newest division wins."""
    found = {}
    if not districts or not indicator_ids:
        return found
    for summary in ProfileSummary.objects.filter(
        indicator_id__in=indicator_ids, area__district__in=districts
    ).select_related("area"):
        key = (summary.area.district_id, summary.indicator_id, summary.group)
        current = found.get(key)
        if current is None or current.area.division_year < summary.area.division_year:
            found[key] = summary
    return found


def indicators_with_values(municipality: Municipality) -> list[tuple[Indicator, str]]:
    """(indicator, group) pairs with figures for the wijken the comparison shows (the municipality's current
    division), for the comparison page. Figures of an older division whose codes mean something else now
    (Vijfheerenlanden 2020) cannot be put on today's wijken, so their indicators are not offered."""
    return [pair for pair, _count in comparison_choices(municipality)]


def comparison_choices(municipality: Municipality) -> list[tuple[tuple[Indicator, str], int]]:
    """`indicators_with_values` with, per pair, how many of the current wijken have a figure."""
    districts = _current_districts(municipality)
    counted = (
        ProfileSummary.objects.filter(area__district__in=districts)
        .exclude(indicator__unit__in=[Unit.COUNT])
        .order_by()
        .values_list("indicator", "group")
        .annotate(wijken=Count("area__district", distinct=True))
    )
    counts = {(i, g): n for i, g, n in counted}
    indicators = Indicator.objects.in_bulk({i for i, _g in counts})
    return sorted(
        (((indicators[i], g), n) for (i, g), n in counts.items()),
        key=lambda item: (item[0][0].theme, item[0][0].label, item[0][1]),
    )


def default_comparison(choices: list[tuple[tuple[Indicator, str], int]]) -> tuple[Indicator, str] | None:
    """The pair the comparison opens on: the one with figures for the most wijken, so the page never opens on an
    empty map; among those, one the profile compares (a percentage, score or rate rather than an area in
    hectares), then the first in the list's order."""
    if not choices:
        return None
    best = max((n, pair[0].notable_difference > 0) for pair, n in choices)
    return next(pair for pair, n in choices if (n, pair[0].notable_difference > 0) == best)
