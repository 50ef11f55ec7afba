from django.db import connection
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import generics
from rest_framework.exceptions import APIException, ValidationError

from socialebasis.api.errors import PROBLEM_CONTENT_TYPE, UnknownReference
from socialebasis.api.params import (
    DISTRICT_PATTERN,
    Query,
    municipality_code,
    municipality_parameter,
    openapi_parameters,
    path_parameter,
    read_query,
)
from socialebasis.api.schema import ProblemSerializer, problem_responses

from .. import selectors
from ..forms import ActivitySearchForm
from ..geocoding import GeocodingUnavailable, locate_postcode
from ..vocabulary import Cost, DateRange, TargetGroup, Theme
from . import rows, serializers

TAGS = ["directory"]


class GeocodingDown(APIException):
    status_code = 503
    default_detail = "De postcodedienst is nu niet bereikbaar. Probeer het later opnieuw of zoek zonder postcode."
    default_code = "geocoding_unavailable"


SEARCH = [
    Query("q", {"type": "string", "maxLength": 200}, "Words to search for (Dutch stemming, typos and synonyms)."),
    municipality_parameter(),
    Query(
        "district",
        {"type": "string", "pattern": DISTRICT_PATTERN},
        "Wijk CBS code, e.g. WK079701.",
        reason="Geef de CBS-code van een wijk op, bijvoorbeeld WK079701.",
    ),
    Query(
        "targetGroup",
        {"type": "string", "enum": TargetGroup.values},
        "Target group, e.g. elderly.",
        old_name="target_group",
    ),
    Query("theme", {"type": "string", "enum": Theme.values}, "Theme, e.g. sport."),
    Query("weekday", {"type": "integer", "minimum": 0, "maximum": 6}, "Day of the week, 0 = Monday … 6 = Sunday."),
    Query(
        "when",
        {"type": "string", "enum": DateRange.values},
        "Only activities with a date in this period, in Dutch local time (Europe/Amsterdam), counted from now: "
        "today (until midnight), week (until Sunday 24:00) or weekend (Saturday and Sunday of this week).",
    ),
    Query("cost", {"type": "string", "enum": Cost.values}, "What taking part costs."),
    Query(
        "sphere",
        {"type": "string", "pattern": "^[-a-zA-Z0-9_]{1,60}$"},
        "Sphere key of the municipality's framework, e.g. communal.",
    ),
    Query("accessible", {"type": "boolean"}, "true: only wheelchair-accessible activities."),
    Query(
        "postcode",
        {"type": "string", "pattern": "^[1-9][0-9]{3}( ?[A-Za-z]{2})?$"},
        "Near this postcode: a full one (PDOK, with the 4-digit area's point when PDOK cannot be reached) or its four "
        "digits (the platform's own data), e.g. 5251AB or 5251.",
        reason="Een postcode ziet eruit als 5251 AB, of alleen de vier cijfers: 5251.",
    ),
    Query("radius", {"type": "number", "minimum": 0.1, "maximum": 50}, "Distance in km for near me (default 5)."),
    Query(
        "sort",
        {"type": "string", "enum": ["title", "distance", "updated"]},
        "Order of the results; without it the best match first.",
    ),
]
LATITUDE = Query("lat", {"type": "number", "minimum": 50, "maximum": 54}, "Latitude (WGS84).")
LONGITUDE = Query("lon", {"type": "number", "minimum": 3, "maximum": 8}, "Longitude (WGS84).")
# Latitude and longitude come together: one parameter of two properties, sent as `lat=…&lon=…` (form style,
# exploded). OpenAPI 3.0 has no other way to say that the two parameters need each other.
NEAR = OpenApiParameter(
    "near",
    {
        "type": "object",
        "properties": {"lat": LATITUDE.schema, "lon": LONGITUDE.schema},
        "required": ["lat", "lon"],
    },
    OpenApiParameter.QUERY,
    style="form",
    explode=True,
    description="Near this point (WGS84), sent as `lat=51.69&lon=5.21`; both or neither.",
)
ENTRY_ID = path_parameter("id", {"type": "integer", "minimum": 1}, "Number of the entry.")
# The form of the pages reads the same search; its field names are the snake_case ones.
FORM_NAMES = {"targetGroup": "target_group"}
UNAVAILABLE = {
    (503, PROBLEM_CONTENT_TYPE): OpenApiResponse(
        response=ProblemSerializer, description="The postcode service (PDOK) cannot be reached."
    )
}


@extend_schema(
    tags=TAGS,
    summary="Search activities",
    description=(
        "A municipality or wijk code that follows the pattern but is not known finds no activities (an empty "
        "page); a postcode the postcode service does not know is a 422."
    ),
    parameters=[*openapi_parameters(SEARCH), NEAR],
    responses={
        200: serializers.ActivitySerializer(many=True),
        **problem_responses(400, 422, 429),
        **UNAVAILABLE,
    },
)
class ActivityList(generics.ListAPIView):
    serializer_class = serializers.ActivitySerializer

    def list(self, request, *args, **kwargs):
        results = self.get_queryset()
        if results is None:  # a code that names no municipality or wijk
            return self.get_paginated_response(self.paginate_queryset([]))
        if connection.vendor == "postgresql":
            # PostgreSQL writes the rows as JSON (rows.py, ADR 0019); the serializer does the same on SQLite.
            return self.get_paginated_response(self.paginate_queryset(rows.ActivityRows(results)))
        page = self.paginate_queryset(results.select_related("municipality", "district"))
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    def get_queryset(self):
        params = read_query(self.request, [*SEARCH, LATITUDE, LONGITUDE])
        if ("lat" in params) != ("lon" in params):
            raise ValidationError({"near": ["Geef lat en lon allebei, of geen van beide."]})
        # Checked against the document above; the form of the pages reads the same values as it always did.
        query = self.request.query_params
        data = {
            FORM_NAMES.get(p.name, p.name): p.raw(query) for p in [*SEARCH, LATITUDE, LONGITUDE] if p.name in params
        }
        form = ActivitySearchForm(data)
        if not form.is_valid():
            if _only_unknown_codes(form):
                return None
            raise ValidationError({name: [str(e) for e in errors] for name, errors in form.errors.items()})
        latitude = longitude = None
        postcode = form.cleaned_data.get("postcode")
        if postcode:
            try:
                found = locate_postcode(postcode)
            except GeocodingUnavailable:
                raise GeocodingDown() from None
            if found is None:
                raise UnknownReference({"postcode": [_("We could not find this postcode.")]})
            latitude, longitude = found
        return selectors.search_activities(self.request.user, form.to_search(latitude, longitude))


def _only_unknown_codes(form) -> bool:
    """The only errors are codes that follow the pattern but name no municipality or wijk we know."""
    return all(name in ("municipality", "district") for name in form.errors) and all(
        form.has_error(name, "unknown") for name in form.errors
    )


@extend_schema(tags=TAGS, summary="One activity with its next five dates and its assessment", parameters=[ENTRY_ID])
class ActivityDetail(generics.RetrieveAPIView):
    serializer_class = serializers.ActivityDetailSerializer

    def get_queryset(self):
        return selectors.activities_for(self.request.user).select_related("municipality", "district")


def _by_municipality(request, queryset):
    code = municipality_code(request)
    return queryset.filter(municipality__statcode=code) if code else queryset


@extend_schema(
    tags=TAGS,
    summary="List meeting places",
    parameters=openapi_parameters([municipality_parameter()]),
    responses={200: serializers.MeetingPlaceSerializer(many=True), **problem_responses(400, 429)},
)
class PlaceList(generics.ListAPIView):
    serializer_class = serializers.MeetingPlaceSerializer

    def get_queryset(self):
        queryset = selectors.places_for(self.request.user).select_related("municipality", "district")
        return _by_municipality(self.request, queryset).order_by("name", "pk")


@extend_schema(tags=TAGS, summary="One meeting place", parameters=[ENTRY_ID])
class PlaceDetail(generics.RetrieveAPIView):
    serializer_class = serializers.MeetingPlaceSerializer

    def get_queryset(self):
        return selectors.places_for(self.request.user).select_related("municipality", "district")


@extend_schema(
    tags=TAGS,
    summary="List organisations",
    parameters=openapi_parameters([municipality_parameter()]),
    responses={200: serializers.OrganisationSerializer(many=True), **problem_responses(400, 429)},
)
class OrganisationList(generics.ListAPIView):
    serializer_class = serializers.OrganisationSerializer

    def get_queryset(self):
        queryset = selectors.organisations_for(self.request.user).select_related("municipality")
        return _by_municipality(self.request, queryset).order_by("name", "pk")


@extend_schema(tags=TAGS, summary="One organisation", parameters=[ENTRY_ID])
class OrganisationDetail(generics.RetrieveAPIView):
    serializer_class = serializers.OrganisationSerializer

    def get_queryset(self):
        return selectors.organisations_for(self.request.user).select_related("municipality")
