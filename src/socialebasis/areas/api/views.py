from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import generics
from rest_framework.response import Response
from rest_framework.views import APIView

from socialebasis.api.params import (
    DISTRICT_PATTERN,
    MUNICIPALITY_PATTERN,
    NEIGHBOURHOOD_PATTERN,
    YEAR,
    Query,
    municipality_parameter,
    openapi_parameters,
    path_parameter,
    read_query,
)
from socialebasis.api.renderers import GeoJSONRenderer
from socialebasis.api.schema import problem_responses

from .. import selectors
from ..models import District, Municipality, Neighbourhood
from . import serializers

YEAR_PARAMETER = Query(
    "year",
    YEAR,
    "Division year; without it the latest division that has the code.",
    reason="Geef een jaartal van vier cijfers op, bijvoorbeeld 2023.",
)
NAME_OR_CODE = Query("q", {"type": "string", "maxLength": 100}, "Name (part) or CBS code.")
MUNICIPALITY = municipality_parameter()
DISTRICT = Query(
    "district",
    {"type": "string", "pattern": DISTRICT_PATTERN},
    "District (wijk) CBS code, e.g. WK079701.",
    reason="Geef de CBS-code van een wijk op, bijvoorbeeld WK079701.",
)
MUNICIPALITY_CODE = path_parameter("statcode", {"type": "string", "pattern": MUNICIPALITY_PATTERN}, "CBS code.")
DISTRICT_CODE = path_parameter("statcode", {"type": "string", "pattern": DISTRICT_PATTERN}, "CBS code.")
NEIGHBOURHOOD_CODE = path_parameter("statcode", {"type": "string", "pattern": NEIGHBOURHOOD_PATTERN}, "CBS code.")
DIVISION_SLUG = path_parameter("slug", {"type": "string", "pattern": "^[-a-zA-Z0-9_]{1,60}$"}, "Slug of the division.")
FEATURE_COLLECTION = OpenApiResponse(
    response={
        "type": "object",
        "properties": {
            "type": {"type": "string", "enum": ["FeatureCollection"]},
            "features": {"type": "array", "items": {"type": "object"}},
        },
    },
    description="GeoJSON FeatureCollection (WGS84).",
)
FEATURE = OpenApiResponse(
    response={
        "type": "object",
        "properties": {
            "type": {"type": "string", "enum": ["Feature"]},
            "geometry": {"type": "object", "nullable": True},
            "properties": {"type": "object"},
        },
    },
    description="GeoJSON Feature (WGS84).",
)


def _year(request) -> int | None:
    return read_query(request, [YEAR_PARAMETER]).get("year")


def _name_or_code(queryset, params: dict):
    text = params.get("q")
    return queryset.filter(Q(name__icontains=text) | Q(statcode__iexact=text)) if text else queryset


def _feature(area, properties: dict) -> dict:
    return {"type": "Feature", "id": area.statcode, "geometry": area.boundary, "properties": properties}


@extend_schema(tags=["areas"], summary="List municipalities", parameters=openapi_parameters([NAME_OR_CODE]))
class MunicipalityList(generics.ListAPIView):
    serializer_class = serializers.MunicipalitySerializer

    def get_queryset(self):
        params = read_query(self.request, [NAME_OR_CODE])
        return _name_or_code(Municipality.objects.order_by("statcode"), params)


@extend_schema(tags=["areas"], summary="One municipality with its boundary", parameters=[MUNICIPALITY_CODE])
class MunicipalityDetail(generics.RetrieveAPIView):
    queryset = Municipality.objects.all()
    serializer_class = serializers.MunicipalityDetailSerializer
    lookup_field = "statcode"


DISTRICT_FILTERS = [MUNICIPALITY, YEAR_PARAMETER, NAME_OR_CODE]


@extend_schema(tags=["areas"], summary="List districts (wijken)", parameters=openapi_parameters(DISTRICT_FILTERS))
class DistrictList(generics.ListAPIView):
    serializer_class = serializers.DistrictSerializer

    def get_queryset(self):
        params = read_query(self.request, DISTRICT_FILTERS)
        districts = District.objects.select_related("municipality").order_by("statcode", "-year")
        if "municipality" in params:
            districts = districts.filter(municipality__statcode=params["municipality"])
        if "year" in params:
            districts = districts.filter(year=params["year"])
        return _name_or_code(districts, params)


@extend_schema(
    tags=["areas"],
    summary="One district (wijk) with its boundary",
    parameters=[DISTRICT_CODE, YEAR_PARAMETER.openapi()],
)
class DistrictDetail(generics.RetrieveAPIView):
    serializer_class = serializers.DistrictDetailSerializer

    def get_object(self):
        district = selectors.district_by_code(self.kwargs["statcode"], _year(self.request))
        if district is None:
            raise Http404
        return district


@extend_schema(
    tags=["areas"],
    summary="District boundaries of a municipality as GeoJSON",
    parameters=openapi_parameters([municipality_parameter(required=True), YEAR_PARAMETER]),
    responses={200: FEATURE_COLLECTION, **problem_responses(400, 404)},
)
class DistrictBoundaries(APIView):
    renderer_classes = [GeoJSONRenderer]

    def get(self, request):
        params = read_query(request, [municipality_parameter(required=True), YEAR_PARAMETER])
        code = params["municipality"]
        municipality = get_object_or_404(Municipality, statcode=code)
        districts = selectors.districts_of(municipality, params.get("year"))
        features = [
            _feature(d, {"statcode": d.statcode, "year": d.year, "name": d.name, "municipality": code})
            for d in districts
        ]
        return Response({"type": "FeatureCollection", "features": features})


NEIGHBOURHOOD_FILTERS = [MUNICIPALITY, DISTRICT, YEAR_PARAMETER, NAME_OR_CODE]


@extend_schema(
    tags=["areas"], summary="List neighbourhoods (buurten)", parameters=openapi_parameters(NEIGHBOURHOOD_FILTERS)
)
class NeighbourhoodList(generics.ListAPIView):
    serializer_class = serializers.NeighbourhoodSerializer

    def get_queryset(self):
        params = read_query(self.request, NEIGHBOURHOOD_FILTERS)
        neighbourhoods = Neighbourhood.objects.select_related("district__municipality").order_by("statcode", "-year")
        if "municipality" in params:
            neighbourhoods = neighbourhoods.filter(district__municipality__statcode=params["municipality"])
        if "district" in params:
            neighbourhoods = neighbourhoods.filter(district__statcode=params["district"])
        if "year" in params:
            neighbourhoods = neighbourhoods.filter(year=params["year"])
        return _name_or_code(neighbourhoods, params)


@extend_schema(
    tags=["areas"],
    summary="One neighbourhood (buurt) with its boundary",
    parameters=[NEIGHBOURHOOD_CODE, YEAR_PARAMETER.openapi()],
)
class NeighbourhoodDetail(generics.RetrieveAPIView):
    serializer_class = serializers.NeighbourhoodDetailSerializer

    def get_object(self):
        neighbourhoods = Neighbourhood.objects.filter(statcode=self.kwargs["statcode"]).select_related(
            "district__municipality"
        )
        year = _year(self.request)
        if year is not None:
            neighbourhoods = neighbourhoods.filter(year=year)
        return get_object_or_404(neighbourhoods.order_by("-year")[:1])


@extend_schema(
    tags=["areas"],
    summary="List municipalities' own area divisions you may see",
    parameters=openapi_parameters([MUNICIPALITY]),
)
class AreaDivisionList(generics.ListAPIView):
    serializer_class = serializers.AreaDivisionSerializer

    def get_queryset(self):
        code = read_query(self.request, [MUNICIPALITY]).get("municipality")
        divisions = selectors.divisions_visible_to(self.request.user).order_by("municipality__statcode", "slug")
        return divisions.filter(municipality__statcode=code) if code else divisions


@extend_schema(
    tags=["areas"], summary="One own area division with its areas", parameters=[MUNICIPALITY_CODE, DIVISION_SLUG]
)
class AreaDivisionDetail(generics.RetrieveAPIView):
    serializer_class = serializers.AreaDivisionDetailSerializer

    def get_object(self):
        divisions = selectors.divisions_visible_to(self.request.user).prefetch_related("areas__districts")
        return get_object_or_404(divisions, municipality__statcode=self.kwargs["statcode"], slug=self.kwargs["slug"])
