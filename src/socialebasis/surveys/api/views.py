from django.db.models import Prefetch
from django.http import Http404
from drf_spectacular.utils import extend_schema
from rest_framework import generics
from rest_framework.response import Response
from rest_framework.views import APIView

from socialebasis.api.params import DISTRICT_PATTERN, Query, openapi_parameters, path_parameter, read_query
from socialebasis.api.schema import problem_responses
from socialebasis.core.permissions import can

from .. import results, selectors
from ..models import Question, Survey
from . import serializers

DISTRICT = Query(
    "district",
    {"type": "string", "pattern": DISTRICT_PATTERN},
    "CBS code of a district (wijk): only that district's rows (suppressed together with all the others).",
    reason="Geef de CBS-code van een wijk op, bijvoorbeeld WK066800.",
)


@extend_schema(tags=["surveys"], summary="List published surveys with their questions")
class SurveyList(generics.ListAPIView):
    serializer_class = serializers.SurveySerializer

    def get_queryset(self):
        questions = Prefetch("questions", Question.objects.order_by("position"), to_attr="ordered_questions")
        return selectors.surveys_for(self.request.user).prefetch_related(questions).order_by("-opens_on", "pk")


@extend_schema(
    tags=["surveys"],
    summary="Results of a survey per question and district",
    description=(
        "Number of respondents per answer, per district and for the municipality. Aggregates only: a figure that "
        "would tell something about fewer than five people, alone or subtracted from another, is null. Open "
        "answers are not given. Results are given only once the survey has closed (an empty list before), so that "
        "comparing results over time gives nobody's answer away."
    ),
    parameters=[path_parameter("id", {"type": "integer"}, "Id of the survey."), *openapi_parameters([DISTRICT])],
    responses={200: serializers.SurveyResultsSerializer, **problem_responses(400, 404)},
)
class SurveyResults(APIView):
    def get(self, request, pk: int):
        params = read_query(request, [DISTRICT])
        survey = Survey.objects.select_related("municipality", "district").filter(pk=pk).first()
        if survey is None or not can(request.user, "surveys.view_survey", survey):
            raise Http404
        found = results.question_results(survey, params.get("district"))
        return Response(serializers.SurveyResultsSerializer({"survey": survey.pk, "results": found}).data)
