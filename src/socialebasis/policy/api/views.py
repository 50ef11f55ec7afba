from django.http import Http404
from drf_spectacular.utils import extend_schema
from rest_framework import generics

from socialebasis.api.params import (
    DISTRICT_PATTERN,
    municipality_code,
    municipality_parameter,
    openapi_parameters,
    path_parameter,
    python_pattern,
)
from socialebasis.api.schema import problem_responses
from socialebasis.areas.models import Municipality

from .. import selectors
from . import serializers

TAGS = ["policy"]
CHECK_ID = path_parameter("id", {"type": "integer", "minimum": 1}, "Number of the policy check.")


def _dicts(view, rows, to_dict):
    page = view.paginate_queryset(rows)
    return view.get_paginated_response([to_dict(row) for row in page])


@extend_schema(
    tags=TAGS,
    summary="List policy checks",
    description=(
        "Checks of plans and measures against the principles of the municipality's framework: staff of the "
        "municipality see all of theirs, everyone else the approved checks of municipalities that publish them."
    ),
    parameters=openapi_parameters([municipality_parameter()]),
    responses={200: serializers.PolicyCheckSerializer(many=True), **problem_responses(400, 429)},
)
class PolicyCheckList(generics.ListAPIView):
    serializer_class = serializers.PolicyCheckSerializer

    def get_queryset(self):
        checks = selectors.checks_visible_to(self.request.user).prefetch_related("answers", "districts")
        code = municipality_code(self.request)
        return (checks.filter(municipality__statcode=code) if code else checks).order_by("-updated_at", "-pk")

    def list(self, request, *args, **kwargs):
        return _dicts(self, self.get_queryset(), serializers.check_as_dict)


@extend_schema(
    tags=TAGS,
    summary="One policy check",
    parameters=[CHECK_ID],
    responses={200: serializers.PolicyCheckSerializer, **problem_responses(404)},
)
class PolicyCheckDetail(generics.RetrieveAPIView):
    serializer_class = serializers.PolicyCheckSerializer

    def get_queryset(self):
        return selectors.checks_visible_to(self.request.user)

    def retrieve(self, request, *args, **kwargs):
        from rest_framework.response import Response

        return Response(serializers.check_as_dict(self.get_object()))


@extend_schema(
    tags=TAGS,
    summary="The theory of change per municipality",
    description=(
        "Each municipality's self-assessments over the building blocks (a score of 1 to 5 per year) and its "
        "theory-of-change maps with their checks (cycles, loose boxes, outcomes without evidence)."
    ),
    parameters=openapi_parameters([municipality_parameter()]),
    responses={200: serializers.TheoryOfChangeSerializer(many=True), **problem_responses(400, 429)},
)
class TheoryOfChangeList(generics.ListAPIView):
    serializer_class = serializers.TheoryOfChangeSerializer

    def get_queryset(self):
        user = self.request.user
        ids = set(selectors.self_assessments_visible_to(user).values_list("municipality_id", flat=True))
        ids |= set(selectors.maps_visible_to(user).values_list("municipality_id", flat=True))
        municipalities = Municipality.objects.filter(pk__in=ids)
        code = municipality_code(self.request)
        if code:
            municipalities = municipalities.filter(statcode=code)
        return municipalities.order_by("statcode")

    def list(self, request, *args, **kwargs):
        user = request.user

        def as_dict(municipality):
            assessments = (
                selectors.self_assessments_visible_to(user)
                .filter(municipality=municipality)
                .prefetch_related("scores__block")
                .order_by("year")
            )
            maps = selectors.maps_visible_to(user).filter(municipality=municipality)
            return {
                "municipality": municipality.statcode,
                "self_assessments": [serializers.assessment_as_dict(a) for a in assessments],
                "maps": [serializers.map_as_dict(m) for m in maps],
            }

        return _dicts(self, self.get_queryset(), as_dict)


@extend_schema(
    tags=TAGS,
    summary="Social quality of a district (wijk)",
    description=(
        "The four conditions of social quality (sociale inclusie, sociale cohesie, sociale empowerment, "
        "sociaaleconomische zekerheid) scored per year from 1 to 10, with their evidence. Also stored as "
        "indicators `sociale_kwaliteit_<condition>`."
    ),
    parameters=[
        path_parameter("statcode", {"type": "string", "pattern": DISTRICT_PATTERN}, "CBS code of the district.")
    ],
    responses={200: serializers.SocialQualitySerializer(many=True), **problem_responses(404, 429)},
)
class DistrictSocialQuality(generics.ListAPIView):
    serializer_class = serializers.SocialQualitySerializer

    def get_queryset(self):
        statcode = self.kwargs["statcode"]
        if not python_pattern(DISTRICT_PATTERN).search(statcode):
            raise Http404
        return (
            selectors.social_quality_visible_to(self.request.user)
            .filter(district__statcode=statcode)
            .order_by("-year", "condition", "pk")
        )
