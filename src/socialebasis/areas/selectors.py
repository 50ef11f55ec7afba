"""Reads for areas, shared by pages and API."""

import re

from django.db.models import Case, Count, Q, QuerySet, When

from socialebasis.core.permissions import visible

from .locating import locate_district
from .models import AreaDivision, District, Municipality, PostcodeArea


def municipalities_with_district_counts() -> QuerySet[Municipality]:
    latest = District.objects.of_year(None)
    return Municipality.objects.annotate(
        district_count=Count("districts", filter=Q(districts__in=latest)),
    ).order_by("name")


def division_years(municipality: Municipality) -> list[int]:
    return list(municipality.districts.order_by("-year").values_list("year", flat=True).distinct())


def districts_of(municipality: Municipality, year: int | None) -> QuerySet[District]:
    return District.objects.of_year(year).filter(municipality=municipality).order_by("statcode")


def district_by_code(statcode: str, year: int | None) -> District | None:
    districts = District.objects.filter(statcode=statcode).select_related("municipality")
    if year is not None:
        return districts.filter(year=year).first()
    return districts.order_by("-year").first()


def divisions_visible_to(user, municipality: Municipality | None = None) -> QuerySet[AreaDivision]:
    divisions = AreaDivision.objects.select_related("municipality")
    if municipality is not None:
        divisions = divisions.filter(municipality=municipality)
    return visible(user, "areas.view_division", divisions)


_POSTCODE = re.compile(r"\s*([1-9][0-9]{3})\s*(?:[A-Za-z]{2})?\s*")


def postcode_digits(text: str) -> str | None:
    """The four digits of a Dutch postcode written as "5251", "5251AB" or "5251 ab"; None for anything else."""
    match = _POSTCODE.fullmatch(text or "")
    return match.group(1) if match else None


def postcode_point(text: str, municipality_code: str = "") -> tuple[float, float] | None:
    """A point inside the 4-digit postcode area of `text` (in that municipality when given), or None."""
    digits = postcode_digits(text)
    if digits is None:
        return None
    areas = PostcodeArea.objects.filter(code=digits)
    if municipality_code:
        areas = areas.order_by(Case(When(municipality_code=municipality_code, then=0), default=1), "place")
    found = areas.values_list("latitude", "longitude").first()
    return tuple(found) if found else None


def district_of_postcode(municipality, text: str):
    """The municipality's wijk (newest CBS division) that holds the point of this postcode, or None."""
    point = postcode_point(text, municipality.statcode)
    return locate_district(municipality, *point) if point else None


def municipality_of_postcode(text: str) -> Municipality | None:
    """The municipality the 4-digit area of this postcode lies in (the first, for the few that lie in two), or None
    for a postcode outside the municipalities whose postcode points are loaded."""
    digits = postcode_digits(text)
    if digits is None:
        return None
    codes = PostcodeArea.objects.filter(code=digits).order_by("place").values_list("municipality_code", flat=True)
    return Municipality.objects.filter(statcode__in=list(codes)).order_by("name").first()
