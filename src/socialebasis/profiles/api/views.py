from django.http import Http404
from drf_spectacular.utils import extend_schema
from rest_framework.response import Response
from rest_framework.views import APIView

from socialebasis.api.params import (
    DISTRICT_PATTERN,
    YEAR,
    Query,
    openapi_parameters,
    path_parameter,
    python_pattern,
    read_query,
)
from socialebasis.api.schema import problem_responses

from .. import selectors
from ..findings import profile_as_dict
from . import serializers

YEAR_PARAMETER = Query(
    "year",
    YEAR,
    "Division year; default the latest.",
    reason="Geef een jaartal van vier cijfers op, bijvoorbeeld 2023.",
)


@extend_schema(
    tags=["profiles"],
    summary="The profile of a district (wijk)",
    description=(
        "Every indicator against the municipality and the Netherlands, trends, strengths and concerns with their "
        "evidence, the municipality's minimum standards and the sociale agenda. `year` is the region division "
        "year; a code of an older division without a boundary (Vijfheerenlanden 2020) has a profile of its own "
        "figures."
    ),
    parameters=[
        path_parameter("statcode", {"type": "string", "pattern": DISTRICT_PATTERN}, "CBS code of the district."),
        *openapi_parameters([YEAR_PARAMETER]),
    ],
    responses={200: serializers.ProfileSerializer, **problem_responses(400, 404)},
)
class DistrictProfile(APIView):
    def get(self, request, statcode: str):
        year = read_query(request, [YEAR_PARAMETER]).get("year")
        if not python_pattern(DISTRICT_PATTERN).search(statcode):
            raise Http404
        profile = selectors.build_profile(statcode, year)
        if profile is None:
            raise Http404
        # The dict has exactly the documented shape (serializers.ProfileSerializer, checked by the schema tests);
        # serialising it field by field again would cost more than the queries.
        return Response(profile_as_dict(profile, request.user))
