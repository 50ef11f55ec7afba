from django.conf import settings
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from socialebasis.core.numbers import parse_int
from socialebasis.core.page_cache import cached_for_visitors

from . import hub, selectors
from .geometry import area_km2, bounds, point_count
from .models import Municipality


class HomeView(TemplateView):
    """The start page: the municipalities on the platform, each with its number of wijken."""

    template_name = "areas/home.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(municipalities=selectors.municipalities_with_district_counts(), **kwargs)


def _crumbs(*items: tuple[str, str | None]) -> list[tuple[str, str | None]]:
    return [(_("Municipalities"), reverse("areas:home")), *items]


def _year_param(request) -> int | None:
    return parse_int(request.GET.get("jaar"), 1, 9999)


def municipality_detail(request, statcode: str):
    municipality = get_object_or_404(Municipality, statcode=statcode)
    years = selectors.division_years(municipality)
    year = _year_param(request)
    if year not in years:
        year = years[0] if years else None
    districts = list(selectors.districts_of(municipality, year)) if year else []
    features = [
        {
            "type": "Feature",
            "geometry": d.boundary,
            "properties": {
                "statcode": d.statcode,
                "name": d.name,
                "url": f"wijken/{d.statcode}/?jaar={d.year}",
            },
        }
        for d in districts
        if d.boundary
    ]
    return render(
        request,
        "areas/municipality_detail.html",
        {
            "municipality": municipality,
            "breadcrumbs": _crumbs((municipality.name, None)),
            "year": year,
            "years": years,
            "districts": districts,
            "divisions": selectors.divisions_visible_to(request.user, municipality),
            "map_data": {
                "type": "FeatureCollection",
                "features": features,
                "bounds": bounds([f["geometry"] for f in features]),
            },
            "tile_url": settings.MAP_TILE_URL,
            "tile_attribution": settings.MAP_TILE_ATTRIBUTION,
        },
    )


@cached_for_visitors(lambda request, statcode, district_code: hub.page_scopes(statcode))
def district_detail(request, statcode: str, district_code: str):
    district = selectors.district_by_code(district_code, _year_param(request))
    if district is None or district.municipality.statcode != statcode:
        raise Http404
    visible_divisions = selectors.divisions_visible_to(request.user, district.municipality)
    own_areas = district.own_areas.filter(division__in=visible_divisions).select_related("division")
    return render(
        request,
        "areas/district_detail.html",
        {
            "district": district,
            "municipality": district.municipality,
            "breadcrumbs": _crumbs(
                (district.municipality.name, reverse("areas:municipality", args=[statcode])),
                (district.name, None),
            ),
            "area_km2": area_km2(district.boundary),
            "ring_points": point_count(district.boundary),
            "own_areas": own_areas,
            "hub_parts": hub.parts_for(district, request.user),
            "map_data": {
                "type": "FeatureCollection",
                "features": [{"type": "Feature", "geometry": district.boundary, "properties": {"name": district.name}}]
                if district.boundary
                else [],
                "bounds": bounds([district.boundary]) if district.boundary else None,
            },
            "tile_url": settings.MAP_TILE_URL,
            "tile_attribution": settings.MAP_TILE_ATTRIBUTION,
        },
    )


def division_detail(request, statcode: str, slug: str):
    municipality = get_object_or_404(Municipality, statcode=statcode)
    division = get_object_or_404(selectors.divisions_visible_to(request.user, municipality), slug=slug)
    areas = division.areas.prefetch_related("districts")
    return render(
        request,
        "areas/division_detail.html",
        {
            "municipality": municipality,
            "division": division,
            "own_areas": areas,
            "breadcrumbs": _crumbs(
                (municipality.name, reverse("areas:municipality", args=[statcode])), (division.name, None)
            ),
        },
    )
