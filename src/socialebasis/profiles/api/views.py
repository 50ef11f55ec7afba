from django.http import Http404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from .. import selectors
from ..findings import profile_as_dict
from . import serializers


@extend_schema(
    tags=["profiles"],
    summary="The profile of a district (wijk)",
    description=(
        "Every indicator against the municipality and the Netherlands, trends, strengths and concerns with their "
        "evidence, the municipality's minimum standards and the sociale agenda. `year` is the region division "
        "year; a code of an older division without a boundary (Vijfheerenlanden 2020) has a profile of its own "
        "figures."
    ),
    parameters=[OpenApiParameter("year", OpenApiTypes.INT, description="Division year; default the latest.")],
    responses={200: serializers.ProfileSerializer},
)
class DistrictProfile(APIView):
    def get(self, request, statcode: str):
        raw = request.query_params.get("year")
        year = None
        if raw not in (None, ""):
            if not raw.isdigit() or not 1900 <= int(raw) <= 2999:
                raise ValidationError({"year": ["Geef een jaartal van vier cijfers op, bijvoorbeeld 2023."]})
            year = int(raw)
        if len(statcode) > 40:
            raise Http404
        profile = selectors.build_profile(statcode, year)
        if profile is None:
            raise Http404
        # The dict has exactly the documented shape (serializers.ProfileSerializer, checked by the schema tests);
        # serialising it field by field again would cost more than the queries.
        return Response(profile_as_dict(profile, request.user))
