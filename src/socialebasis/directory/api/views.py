from django.db import connection
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import generics
from rest_framework.exceptions import APIException, ValidationError

from socialebasis.api.errors import PROBLEM_CONTENT_TYPE
from socialebasis.api.params import municipality_code
from socialebasis.api.schema import ProblemSerializer, problem_responses

from .. import selectors
from ..forms import ActivitySearchForm
from ..geocoding import GeocodingUnavailable, lookup_postcode
from . import rows, serializers

TAGS = ["directory"]


class GeocodingDown(APIException):
    status_code = 503
    default_detail = "De postcodedienst is nu niet bereikbaar. Probeer het later opnieuw of zoek zonder postcode."
    default_code = "geocoding_unavailable"


def _parameter(name, kind, description):
    return OpenApiParameter(name, kind, description=description)


SEARCH_PARAMETERS = [
    _parameter("q", OpenApiTypes.STR, "Words to search for (Dutch stemming, typos and synonyms)."),
    _parameter("municipality", OpenApiTypes.STR, "Municipality CBS code, e.g. GM0797."),
    _parameter("district", OpenApiTypes.STR, "Wijk CBS code, e.g. WK079701."),
    _parameter("target_group", OpenApiTypes.STR, "Target group slug, e.g. elderly."),
    _parameter("theme", OpenApiTypes.STR, "Theme slug, e.g. sport."),
    _parameter("weekday", OpenApiTypes.INT, "Day of the week, 0 = Monday … 6 = Sunday."),
    _parameter("cost", OpenApiTypes.STR, "free, contribution, membership or price."),
    _parameter("sphere", OpenApiTypes.STR, "Sphere key of the municipality's framework."),
    _parameter("accessible", OpenApiTypes.BOOL, "Only wheelchair-accessible activities."),
    _parameter("postcode", OpenApiTypes.STR, "Near this postcode (geocoded through PDOK), e.g. 5251AB."),
    _parameter("lat", OpenApiTypes.NUMBER, "Near this latitude (WGS84)."),
    _parameter("lon", OpenApiTypes.NUMBER, "Near this longitude (WGS84)."),
    _parameter("radius", OpenApiTypes.NUMBER, "Distance in km for near me (default 5)."),
    _parameter("sort", OpenApiTypes.STR, "'' (best match), title, distance or updated."),
]
UNAVAILABLE = {
    (503, PROBLEM_CONTENT_TYPE): OpenApiResponse(
        response=ProblemSerializer, description="The postcode service (PDOK) cannot be reached."
    )
}


@extend_schema(
    tags=TAGS,
    summary="Search activities",
    parameters=SEARCH_PARAMETERS,
    responses={200: serializers.ActivitySerializer(many=True), **problem_responses(400, 429), **UNAVAILABLE},
)
class ActivityList(generics.ListAPIView):
    serializer_class = serializers.ActivitySerializer

    def list(self, request, *args, **kwargs):
        results = self.get_queryset()
        if connection.vendor == "postgresql":
            # PostgreSQL writes the rows as JSON (rows.py, ADR 0019); the serializer does the same on SQLite.
            return self.get_paginated_response(self.paginate_queryset(rows.ActivityRows(results)))
        page = self.paginate_queryset(results.select_related("municipality", "district"))
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    def get_queryset(self):
        form = ActivitySearchForm(self.request.query_params)
        if not form.is_valid():
            raise ValidationError({name: [str(e) for e in errors] for name, errors in form.errors.items()})
        latitude = longitude = None
        postcode = form.cleaned_data.get("postcode")
        if postcode:
            try:
                found = lookup_postcode(postcode)
            except GeocodingUnavailable:
                raise GeocodingDown() from None
            if found is None:
                raise ValidationError({"postcode": [_("We could not find this postcode.")]})
            latitude, longitude = found
        return selectors.search_activities(self.request.user, form.to_search(latitude, longitude))


@extend_schema(tags=TAGS, summary="One activity with its next five dates and its assessment")
class ActivityDetail(generics.RetrieveAPIView):
    serializer_class = serializers.ActivityDetailSerializer

    def get_queryset(self):
        return selectors.activities_for(self.request.user).select_related("municipality", "district")


MUNICIPALITY = _parameter("municipality", OpenApiTypes.STR, "Municipality CBS code, e.g. GM0797.")


def _by_municipality(request, queryset):
    code = municipality_code(request)
    return queryset.filter(municipality__statcode=code) if code else queryset


@extend_schema(
    tags=TAGS,
    summary="List meeting places",
    parameters=[MUNICIPALITY],
    responses={200: serializers.MeetingPlaceSerializer(many=True), **problem_responses(400, 429)},
)
class PlaceList(generics.ListAPIView):
    serializer_class = serializers.MeetingPlaceSerializer

    def get_queryset(self):
        queryset = selectors.places_for(self.request.user).select_related("municipality", "district")
        return _by_municipality(self.request, queryset).order_by("name", "pk")


@extend_schema(tags=TAGS, summary="One meeting place")
class PlaceDetail(generics.RetrieveAPIView):
    serializer_class = serializers.MeetingPlaceSerializer

    def get_queryset(self):
        return selectors.places_for(self.request.user).select_related("municipality", "district")


@extend_schema(
    tags=TAGS,
    summary="List organisations",
    parameters=[MUNICIPALITY],
    responses={200: serializers.OrganisationSerializer(many=True), **problem_responses(400, 429)},
)
class OrganisationList(generics.ListAPIView):
    serializer_class = serializers.OrganisationSerializer

    def get_queryset(self):
        queryset = selectors.organisations_for(self.request.user).select_related("municipality")
        return _by_municipality(self.request, queryset).order_by("name", "pk")


@extend_schema(tags=TAGS, summary="One organisation")
class OrganisationDetail(generics.RetrieveAPIView):
    serializer_class = serializers.OrganisationSerializer

    def get_queryset(self):
        return selectors.organisations_for(self.request.user).select_related("municipality")
