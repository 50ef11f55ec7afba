from django.http import Http404
from drf_spectacular.utils import extend_schema
from rest_framework import generics
from rest_framework.response import Response
from rest_framework.views import APIView

from socialebasis.api.audit import AuditedList
from socialebasis.api.params import municipality_code, municipality_parameter, openapi_parameters, path_parameter
from socialebasis.api.schema import problem_responses
from socialebasis.core.permissions import can, visible

from .. import selectors, services
from ..models import HelpOffer, HelpRequest, VolunteerVacancy
from . import serializers

TAGS = ["neighbourhelp"]
RELATED = ("category", "municipality", "district", "neighbourhood")
ID = path_parameter("id", {"type": "integer", "minimum": 1}, "Number of the item.")


def _by_municipality(request, queryset):
    code = municipality_code(request)
    return queryset.filter(municipality__statcode=code) if code else queryset


LIST_PARAMETERS = openapi_parameters([municipality_parameter()])


@extend_schema(
    tags=TAGS,
    summary="List help requests",
    description=(
        "What the municipality's privacy mode makes public: in peer mode open requests coarsely (category, buurt, "
        "day; the text only for signed-in people), in moderated mode nothing. Owners, helpers and staff of the "
        "municipality see more. Never a name, address, phone number or e-mail address."
    ),
    parameters=LIST_PARAMETERS,
    responses={200: serializers.HelpRequestSerializer(many=True), **problem_responses(400, 429)},
)
class HelpRequestList(AuditedList, generics.ListAPIView):
    serializer_class = serializers.HelpRequestSerializer
    record_rows = staticmethod(services.record_list_opening)

    def get_queryset(self):
        rows = visible(
            self.request.user, "neighbourhelp.view_helprequest", HelpRequest.objects.select_related(*RELATED)
        )
        return _by_municipality(self.request, rows).order_by("-created_at", "-pk")


@extend_schema(tags=TAGS, summary="One help request", parameters=[ID])
class HelpRequestDetail(generics.RetrieveAPIView):
    serializer_class = serializers.HelpRequestSerializer

    def get_queryset(self):
        return visible(
            self.request.user, "neighbourhelp.view_helprequest", HelpRequest.objects.select_related(*RELATED)
        )

    def get_object(self):
        found = super().get_object()
        services.record_opening(self.request.user, found)
        return found


@extend_schema(
    tags=TAGS,
    summary="Suggested volunteers for a help request (staff of the wijk only)",
    description="Ranked by distance between postcode areas, category and skills, availability and how busy each "
    "volunteer is, with the reasons of each rank. Anyone else gets 404.",
    parameters=[ID],
    responses={200: serializers.SuggestionSerializer(many=True), **problem_responses(404)},
)
class Suggestions(APIView):
    def get(self, request, pk: int):
        found = (
            visible(request.user, "neighbourhelp.view_helprequest", HelpRequest.objects.select_related(*RELATED))
            .filter(pk=pk)
            .first()
        )
        if found is None or not can(request.user, "neighbourhelp.moderate_helprequest", found):
            raise Http404
        return Response(serializers.SuggestionSerializer(selectors.suggestions_for(found), many=True).data)


@extend_schema(
    tags=TAGS,
    summary="List help offers",
    parameters=LIST_PARAMETERS,
    responses={200: serializers.HelpOfferSerializer(many=True), **problem_responses(400, 429)},
)
class HelpOfferList(generics.ListAPIView):
    serializer_class = serializers.HelpOfferSerializer

    def get_queryset(self):
        rows = visible(self.request.user, "neighbourhelp.view_helpoffer", HelpOffer.objects.select_related(*RELATED))
        return _by_municipality(self.request, rows).order_by("-created_at", "-pk")


@extend_schema(tags=TAGS, summary="One help offer", parameters=[ID])
class HelpOfferDetail(generics.RetrieveAPIView):
    serializer_class = serializers.HelpOfferSerializer

    def get_queryset(self):
        return visible(self.request.user, "neighbourhelp.view_helpoffer", HelpOffer.objects.select_related(*RELATED))


@extend_schema(
    tags=TAGS,
    summary="List volunteer vacancies",
    parameters=LIST_PARAMETERS,
    responses={200: serializers.VacancySerializer(many=True), **problem_responses(400, 429)},
)
class VacancyList(generics.ListAPIView):
    serializer_class = serializers.VacancySerializer

    def get_queryset(self):
        rows = selectors.vacancies(self.request.user)
        return _by_municipality(self.request, rows)


@extend_schema(tags=TAGS, summary="One volunteer vacancy", parameters=[ID])
class VacancyDetail(generics.RetrieveAPIView):
    serializer_class = serializers.VacancySerializer

    def get_queryset(self):
        return visible(
            self.request.user,
            "neighbourhelp.view_volunteervacancy",
            VolunteerVacancy.objects.select_related("organisation", "municipality", "district"),
        )
