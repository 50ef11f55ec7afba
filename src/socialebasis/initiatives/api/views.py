from django.http import Http404
from drf_spectacular.utils import extend_schema
from rest_framework import generics
from rest_framework.response import Response
from rest_framework.views import APIView

from socialebasis.api.params import municipality_code, municipality_parameter, openapi_parameters, path_parameter
from socialebasis.api.schema import problem_responses

from .. import allocation as formula
from .. import selectors
from . import serializers

TAGS = ["initiatives"]
ID = path_parameter("id", {"type": "integer", "minimum": 1}, "Number of the object.")


def _by_municipality(request, queryset):
    code = municipality_code(request)
    return queryset.filter(municipality__statcode=code) if code else queryset


@extend_schema(
    tags=TAGS,
    summary="List initiatives of residents",
    parameters=openapi_parameters([municipality_parameter()]),
    responses={200: serializers.InitiativeSerializer(many=True), **problem_responses(400, 429)},
)
class InitiativeList(generics.ListAPIView):
    serializer_class = serializers.InitiativeSerializer

    def get_queryset(self):
        return _by_municipality(self.request, selectors.initiatives_visible_to(self.request.user)).order_by(
            "title", "pk"
        )


@extend_schema(tags=TAGS, summary="One initiative", parameters=[ID])
class InitiativeDetail(generics.RetrieveAPIView):
    serializer_class = serializers.InitiativeSerializer

    def get_queryset(self):
        return selectors.initiatives_visible_to(self.request.user)


@extend_schema(
    tags=TAGS,
    summary="List funds for initiatives",
    parameters=openapi_parameters([municipality_parameter()]),
    responses={200: serializers.FundSerializer(many=True), **problem_responses(400, 429)},
)
class FundList(generics.ListAPIView):
    serializer_class = serializers.FundSerializer

    def get_queryset(self):
        return _by_municipality(self.request, selectors.funds_visible_to(self.request.user)).order_by("name", "pk")


@extend_schema(tags=TAGS, summary="One fund", parameters=[ID])
class FundDetail(generics.RetrieveAPIView):
    serializer_class = serializers.FundSerializer

    def get_queryset(self):
        return selectors.funds_visible_to(self.request.user)


@extend_schema(
    tags=TAGS,
    summary="The current division of a fund's budget over the wijken",
    description=(
        "The published terms (budget, base share, indicators with weights, the year and source of their values), "
        "each wijk's values, need score and amount, so that anyone can recompute the division: "
        + " ".join(line.strip() for line in (formula.__doc__ or "").splitlines()[2:13])
    ),
    parameters=[ID],
    responses={200: serializers.AllocationSerializer, **problem_responses(404)},
)
class FundAllocation(APIView):
    def get(self, request, id: int):
        fund = selectors.funds_visible_to(request.user).filter(pk=id).first()
        allocation = selectors.current_allocation(fund) if fund else None
        if allocation is None:
            raise Http404
        data = selectors.published_division(allocation)
        data["formula"] = FORMULA
        return Response(serializers.AllocationSerializer(data).data)


FORMULA = (
    "amount_i = baseShare + share_i; rest = total - baseShare * n; ratio_ik = value_ik / mean_k (unknown value: 1); "
    "score_i = sum_k(weight_k * ratio_ik) / sum_k(weight_k); share_i = floor(rest * score_i / sum_j(score_j)), the "
    "euros left over one each to the largest remainders (ties: lowest code first)."
)


@extend_schema(
    tags=TAGS,
    summary="Applications you may see",
    description="Only for the applicant, the fund's initiative table and the municipality's staff.",
    responses={200: serializers.ApplicationSerializer(many=True), **problem_responses(401, 403, 429)},
)
class ApplicationList(generics.ListAPIView):
    serializer_class = serializers.ApplicationSerializer

    def get_queryset(self):
        return selectors.applications_visible_to(self.request.user).order_by("-created_at", "pk")


@extend_schema(tags=TAGS, summary="One application", parameters=[ID])
class ApplicationDetail(generics.RetrieveAPIView):
    serializer_class = serializers.ApplicationSerializer

    def get_queryset(self):
        return selectors.applications_visible_to(self.request.user)
