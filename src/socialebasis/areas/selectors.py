"""Reads for areas, shared by pages and API."""

from django.db.models import Count, Q, QuerySet

from socialebasis.core.permissions import visible

from .models import AreaDivision, District, Municipality


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
