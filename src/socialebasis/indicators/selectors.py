"""Reads for indicators, shared by pages, the API and profiles."""

from django.db.models import QuerySet

from socialebasis.core.permissions import visible

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
