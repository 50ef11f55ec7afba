"""`/api/v1/signals`: staff of the municipality see its signals, a reporter sees their own. Never the reporter."""

from drf_spectacular.utils import extend_schema
from rest_framework import generics

from socialebasis.api.params import municipality_code, municipality_parameter, openapi_parameters, path_parameter
from socialebasis.api.schema import problem_responses

from .. import selectors
from . import serializers

TAGS = ["signals"]


@extend_schema(
    tags=TAGS,
    summary="List signals",
    description="Signals of the municipalities the reader works for, and the signals the reader raised. The "
    "reporter's contact details are never part of the API.",
    parameters=openapi_parameters([municipality_parameter()]),
    responses={200: serializers.SignalSerializer(many=True), **problem_responses(400, 429)},
)
class SignalList(generics.ListAPIView):
    serializer_class = serializers.SignalSerializer

    def get_queryset(self):
        signals = selectors.signals_for(self.request.user)
        code = municipality_code(self.request)
        if code:
            signals = signals.filter(municipality__statcode=code)
        return signals.order_by("-created_at", "-pk")


@extend_schema(
    tags=TAGS,
    summary="One signal",
    parameters=[path_parameter("id", {"type": "integer", "minimum": 1}, "Number of the signal.")],
    responses={200: serializers.SignalSerializer, **problem_responses(404)},
)
class SignalDetail(generics.RetrieveAPIView):
    serializer_class = serializers.SignalSerializer

    def get_queryset(self):
        return selectors.signals_for(self.request.user)
