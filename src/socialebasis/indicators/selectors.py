"""Reads for indicators, shared by pages, the API and profiles."""

from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Max, QuerySet

from socialebasis.core.permissions import visible

from . import catalogue
from .models import Area, IndicatorValue, Source


def values_visible_to(user) -> QuerySet[IndicatorValue]:
    values = IndicatorValue.objects.select_related("indicator", "area", "import_run__source")
    return visible(user, "indicators.view_value", values)


def filter_values(
    values: QuerySet[IndicatorValue],
    *,
    area: str | None = None,
    division_year: int | None = None,
    year: int | None = None,
    indicator: str | None = None,
    group: str | None = None,
) -> QuerySet[IndicatorValue]:
    """Filter on any CBS code in the data; the (code, division year) pair is what identifies an area."""
    if area:
        values = values.filter(area__code=area)
    if division_year is not None:
        values = values.filter(area__division_year=division_year)
    if year is not None:
        values = values.filter(year=year)
    if indicator:
        values = values.filter(indicator__key=indicator)
    if group is not None:
        values = values.filter(group=group)
    return values.order_by("indicator__key", "area__division_year", "area__code", "group", "year")


def areas_of_district(district) -> QuerySet[Area]:
    """The statistical areas that mean this district: its own code and year, and older divisions where the
    code means the same (see services.link_areas)."""
    return Area.objects.filter(district=district).order_by("-division_year")


def attribution_lines(source_ids) -> list[str]:
    return list(Source.objects.filter(pk__in=set(source_ids)).order_by("key").values_list("attribution", flat=True))


OWN_MONITOR = "own-monitor"


@dataclass
class SourceStatus:
    """Whether one source has figures for a municipality: its name, attribution, the years of its figures and
    when they were last imported. `key` is a catalogue key, a source key, or OWN_MONITOR for "an own monitor"
    that has not been uploaded yet."""

    key: str
    name: str
    attribution: str
    years: list[int] = field(default_factory=list)
    imported_at: datetime | None = None

    @property
    def loaded(self) -> bool:
        return bool(self.years)


def sources_of_municipality(statcode: str) -> list[SourceStatus]:
    """Every source a profile can draw on, loaded for this municipality or not: the sources the platform knows
    (catalogue.SOURCES), the municipality's own monitors, and any other source with figures here. Loaded means
    at least one published figure for the municipality or one of its areas. Loaded sources first."""
    found: dict[int, dict] = {}
    rows = (
        IndicatorValue.objects.filter(area__municipality_code=statcode, value__isnull=False)
        .order_by()
        .values_list("indicator__source_id", "year")
        .annotate(at=Max("import_run__at"))
    )
    for source_id, year, at in rows:
        entry = found.setdefault(source_id, {"years": set(), "at": at})
        entry["years"].add(year)
        entry["at"] = max(entry["at"], at)
    sources = {
        s.key: s
        for s in Source.objects.filter(pk__in=list(found)) | Source.objects.filter(municipality__statcode=statcode)
    }
    statuses = []
    for key in [*catalogue.SOURCES, *sorted(k for k in sources if k not in catalogue.SOURCES)]:
        source = sources.get(key)
        known = catalogue.SOURCES.get(key, {})
        entry = found.get(source.pk, {}) if source else {}
        statuses.append(
            SourceStatus(
                key=key,
                name=source.name if source else known["name"],
                attribution=source.attribution if source else known["attribution"],
                years=sorted(entry.get("years", ())),
                imported_at=entry.get("at"),
            )
        )
    if not any(s.municipality_id for s in sources.values()):
        statuses.append(SourceStatus(key=OWN_MONITOR, name="", attribution=""))
    return sorted(statuses, key=lambda s: not s.loaded)
