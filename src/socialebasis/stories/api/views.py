"""`/api/v1/stories` (only what the reader may read under the teller's choice) and `/api/v1/story-rounds`."""

from drf_spectacular.utils import extend_schema
from rest_framework import generics

from socialebasis.api.audit import AuditedList
from socialebasis.api.params import (
    Query,
    municipality_code,
    municipality_parameter,
    openapi_parameters,
    path_parameter,
    read_query,
)
from socialebasis.api.schema import problem_responses

from .. import selectors, services
from . import serializers

TAGS = ["stories"]
ID = path_parameter("id", {"type": "integer", "minimum": 1}, "Number of the story.")
ROUND_ID = path_parameter("id", {"type": "integer", "minimum": 1}, "Number of the round.")
SEARCH = Query("q", {"type": "string", "maxLength": 100}, "Words in the title or the story.")


@extend_schema(
    tags=TAGS,
    summary="List stories",
    description="The stories the reader may read: published public stories for everyone; a panel also reads the "
    "stories its wijk's tellers kept for the panel; staff of the municipality read every story; a teller reads "
    "their own. A withdrawn story is never listed. The teller's name is given only when they chose to be named.",
    parameters=openapi_parameters([municipality_parameter(), SEARCH]),
    responses={200: serializers.StorySerializer(many=True), **problem_responses(400, 429)},
)
class StoryList(AuditedList, generics.ListAPIView):
    serializer_class = serializers.StorySerializer
    record_rows = staticmethod(services.record_list_reading)

    def get_queryset(self):
        params = read_query(self.request, [municipality_parameter(), SEARCH])
        stories = selectors.search(self.request.user, text=params.get("q", ""))
        code = municipality_code(self.request)
        if code:
            stories = stories.filter(municipality__statcode=code)
        return stories.order_by("-created_at", "-pk")


@extend_schema(
    tags=TAGS,
    summary="One story",
    parameters=[ID],
    responses={200: serializers.StorySerializer, **problem_responses(404)},
)
class StoryDetail(generics.RetrieveAPIView):
    serializer_class = serializers.StorySerializer

    def get_queryset(self):
        return selectors.stories_for(self.request.user)

    def get_object(self):
        story = super().get_object()
        services.record_reading(self.request.user, story)
        return story


class _RoundContext:
    def get_serializer_context(self):
        context = super().get_serializer_context()
        context["readable"] = set(selectors.stories_for(self.request.user).values_list("pk", flat=True))
        return context


@extend_schema(
    tags=TAGS,
    summary="List Most Significant Change rounds",
    description="Completed rounds for everyone; open rounds for their panel and the municipality's staff. A "
    "selection names its story only when the reader may read that story; the reasons are always given.",
    parameters=openapi_parameters([municipality_parameter()]),
    responses={200: serializers.RoundSerializer(many=True), **problem_responses(400, 429)},
)
class RoundList(_RoundContext, generics.ListAPIView):
    serializer_class = serializers.RoundSerializer

    def get_queryset(self):
        rounds = selectors.rounds_for(self.request.user).prefetch_related("selections")
        code = municipality_code(self.request)
        if code:
            rounds = rounds.filter(panel__municipality__statcode=code)
        return rounds.order_by("-period_end", "-pk")


@extend_schema(
    tags=TAGS,
    summary="One round",
    parameters=[ROUND_ID],
    responses={200: serializers.RoundSerializer, **problem_responses(404)},
)
class RoundDetail(_RoundContext, generics.RetrieveAPIView):
    serializer_class = serializers.RoundSerializer

    def get_queryset(self):
        return selectors.rounds_for(self.request.user).prefetch_related("selections")
