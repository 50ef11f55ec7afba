from django.http import Http404
from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import generics
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from socialebasis.api.params import municipality_code
from socialebasis.api.renderers import GeoJSONRenderer
from socialebasis.api.schema import problem_responses

from .. import selectors
from ..models import District, Municipality, Neighbourhood
from . import filters, serializers

YEAR_PARAMETER = OpenApiParameter(
    "year", OpenApiTypes.INT, description="Division year; without it the latest division that has the code."
)
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
    raw = request.query_params.get("year")
    if raw in (None, ""):
        return None
    if not raw.isdigit() or not 1900 <= int(raw) <= 2999:
        raise ValidationError({"year": ["Geef een jaartal van vier cijfers op, bijvoorbeeld 2023."]})
    return int(raw)


def _feature(area, properties: dict) -> dict:
    return {"type": "Feature", "id": area.statcode, "geometry": area.boundary, "properties": properties}


@extend_schema(tags=["areas"], summary="List municipalities")
class MunicipalityList(generics.ListAPIView):
    queryset = Municipality.objects.order_by("statcode")
    serializer_class = serializers.MunicipalitySerializer
    filterset_class = filters.MunicipalityFilter


@extend_schema(tags=["areas"], summary="One municipality with its boundary")
class MunicipalityDetail(generics.RetrieveAPIView):
    queryset = Municipality.objects.all()
    serializer_class = serializers.MunicipalityDetailSerializer
    lookup_field = "statcode"


@extend_schema(tags=["areas"], summary="List districts (wijken)")
class DistrictList(generics.ListAPIView):
    queryset = District.objects.select_related("municipality").order_by("statcode", "-year")
    serializer_class = serializers.DistrictSerializer
    filterset_class = filters.DistrictFilter


@extend_schema(tags=["areas"], summary="One district (wijk) with its boundary", parameters=[YEAR_PARAMETER])
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
    parameters=[
        OpenApiParameter("municipality", OpenApiTypes.STR, required=True, description="Municipality CBS code."),
        YEAR_PARAMETER,
    ],
    responses={200: FEATURE_COLLECTION, **problem_responses(400, 404)},
)
class DistrictBoundaries(APIView):
    renderer_classes = [GeoJSONRenderer]

    def get(self, request):
        code = municipality_code(request, required=True)
        municipality = get_object_or_404(Municipality, statcode=code)
        districts = selectors.districts_of(municipality, _year(request))
        features = [
            _feature(d, {"statcode": d.statcode, "year": d.year, "name": d.name, "municipality": code})
            for d in districts
        ]
        return Response({"type": "FeatureCollection", "features": features})


@extend_schema(tags=["areas"], summary="List neighbourhoods (buurten)")
class NeighbourhoodList(generics.ListAPIView):
    queryset = Neighbourhood.objects.select_related("district__municipality").order_by("statcode", "-year")
    serializer_class = serializers.NeighbourhoodSerializer
    filterset_class = filters.NeighbourhoodFilter


@extend_schema(tags=["areas"], summary="One neighbourhood (buurt) with its boundary", parameters=[YEAR_PARAMETER])
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


@extend_schema(tags=["areas"], summary="List municipalities' own area divisions you may see")
class AreaDivisionList(generics.ListAPIView):
    serializer_class = serializers.AreaDivisionSerializer
    filterset_class = filters.AreaDivisionFilter

    def get_queryset(self):
        return selectors.divisions_visible_to(self.request.user).order_by("municipality__statcode", "slug")


@extend_schema(tags=["areas"], summary="One own area division with its areas")
class AreaDivisionDetail(generics.RetrieveAPIView):
    serializer_class = serializers.AreaDivisionDetailSerializer

    def get_object(self):
        divisions = selectors.divisions_visible_to(self.request.user).prefetch_related("areas__districts")
        return get_object_or_404(divisions, municipality__statcode=self.kwargs["statcode"], slug=self.kwargs["slug"])
