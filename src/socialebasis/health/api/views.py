from django.http import Http404
from drf_spectacular.utils import extend_schema
from rest_framework.response import Response
from rest_framework.views import APIView

from socialebasis.api.params import DISTRICT_PATTERN, path_parameter, python_pattern
from socialebasis.api.schema import problem_responses
from socialebasis.areas.models import District
from socialebasis.core.permissions import can

from .. import selectors
from ..aggregates import NOTE
from . import serializers


@extend_schema(
    tags=["health"],
    summary="Positive-health figures of a district (wijk)",
    description=(
        "Per closed year: the number of residents who gave their self-check scores to the wijk figures, the mean "
        "and the distribution per dimension, beside the municipality's. Aggregates only: a figure that would tell "
        "something about fewer than five people, alone or subtracted from another, is null. The self-check is a "
        "conversation tool, not a measurement instrument."
    ),
    parameters=[
        path_parameter("statcode", {"type": "string", "pattern": DISTRICT_PATTERN}, "CBS code of the district.")
    ],
    responses={200: serializers.DistrictHealthSerializer, **problem_responses(400, 404)},
)
class DistrictHealth(APIView):
    def get(self, request, statcode: str):
        if not python_pattern(DISTRICT_PATTERN).search(statcode):
            raise Http404
        district = District.objects.filter(statcode=statcode).select_related("municipality").order_by("-year").first()
        if district is None or not can(request.user, "health.view_aggregates", district):
            raise Http404
        periods = [
            {
                "period": found["period"],
                "district": serializers.area_as_dict(found["district"]),
                "municipality": serializers.area_as_dict(found["municipality"]),
            }
            for found in selectors.district_figures(district)
        ]
        return Response({"statcode": district.statcode, "name": district.name, "note": NOTE, "periods": periods})
