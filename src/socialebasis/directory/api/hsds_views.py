"""The HSDS 3.0 API under /api/v1/hsds, with the paths and parameters of the specification's openapi.json.

Everything is served through the same permission rule as the rest of the sociale kaart; lists are HSDS page
wrappers (total_items, total_pages, page_number, size, first_page, last_page, empty, contents).
"""

from django.urls import reverse
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework.exceptions import NotFound
from rest_framework.response import Response
from rest_framework.views import APIView

from socialebasis.api.params import Query, openapi_parameters, path_parameter, read_query
from socialebasis.api.schema import problem_responses

from .. import hsds, selectors
from ..vocabulary import PUBLIC_STATUSES

TAGS = ["hsds"]
# HSDS names these parameters itself (`per_page` in snake_case, against the NL rules' camelCase; ADR 0022).
PAGE_PARAMETERS = [
    Query("page", {"type": "integer", "minimum": 1, "maximum": 100_000}, "Page number, from 1."),
    Query("per_page", {"type": "integer", "minimum": 1, "maximum": 100}, "Items per page (default 50)."),
]
PAGE = openapi_parameters(PAGE_PARAMETERS)
HSDS_ID = path_parameter("id", {"type": "string", "maxLength": 200}, "The HSDS identifier.")
PAGE_RESPONSE = OpenApiResponse(
    response={
        "type": "object",
        "required": ["total_items", "total_pages", "page_number", "size", "first_page", "last_page", "empty"],
        "properties": {
            "total_items": {"type": "integer"},
            "total_pages": {"type": "integer"},
            "page_number": {"type": "integer"},
            "size": {"type": "integer"},
            "first_page": {"type": "boolean"},
            "last_page": {"type": "boolean"},
            "empty": {"type": "boolean"},
            "contents": {"type": "array", "items": {"type": "object", "additionalProperties": True}},
        },
    },
    description="An HSDS 3.0 page; each item validates against the compiled HSDS schema.",
)
OBJECT_RESPONSE = OpenApiResponse(
    response={"type": "object", "additionalProperties": True}, description="One HSDS 3.0 object."
)


def _page_and_size(request) -> tuple[int, int]:
    params = read_query(request, PAGE_PARAMETERS)
    return params.get("page", 1), params.get("per_page", 50)


def _page(request, queryset, to_document):
    number, size = _page_and_size(request)
    total = queryset.count()
    items = hsds.documents_of(queryset[(number - 1) * size : number * size], to_document)
    return Response(hsds.page(items, number, size, total))


@extend_schema_view(
    get=extend_schema(
        operation_id="hsds_root", tags=TAGS, summary="About this HSDS API", responses={200: OBJECT_RESPONSE}
    )
)
class Root(APIView):
    def get(self, request):
        return Response(
            {
                "version": "3.0",
                "profile": "https://docs.openreferral.org/en/latest/hsds/",
                "openapi_url": request.build_absolute_uri(reverse("api-schema")),
            }
        )


class _Detail(APIView):
    kind = ""

    def lookup(self, request, pk):
        raise NotImplementedError

    def get(self, request, id):
        pk = hsds.parse_uid(id, self.kind)
        found = self.lookup(request, pk) if pk is not None else None
        if found is None:
            raise NotFound()
        return Response(found)


def _activities(request):
    return selectors.activities_for(request.user).select_related("municipality", "district", "place").order_by("pk")


@extend_schema_view(
    get=extend_schema(
        operation_id="hsds_services_list",
        tags=TAGS,
        summary="HSDS services",
        parameters=PAGE,
        responses={200: PAGE_RESPONSE, **problem_responses(400)},
    )
)
class Services(APIView):
    def get(self, request):
        return _page(request, _activities(request), hsds.service_document)


@extend_schema_view(
    get=extend_schema(
        operation_id="hsds_service_retrieve",
        tags=TAGS,
        summary="One HSDS service",
        parameters=[HSDS_ID],
        responses={200: OBJECT_RESPONSE, **problem_responses(404)},
    )
)
class ServiceDetail(_Detail):
    kind = "activity"

    def lookup(self, request, pk):
        activity = _activities(request).filter(pk=pk).first()
        return hsds.service_document(activity) if activity else None


@extend_schema_view(
    get=extend_schema(
        operation_id="hsds_organizations_list",
        tags=TAGS,
        summary="HSDS organizations",
        parameters=PAGE,
        responses={200: PAGE_RESPONSE, **problem_responses(400)},
    )
)
class Organizations(APIView):
    def get(self, request):
        return _page(request, selectors.organisations_for(request.user).order_by("pk"), hsds.organization_document)


@extend_schema_view(
    get=extend_schema(
        operation_id="hsds_organization_retrieve",
        tags=TAGS,
        summary="One HSDS organization",
        parameters=[HSDS_ID],
        responses={200: OBJECT_RESPONSE, **problem_responses(404)},
    )
)
class OrganizationDetail(_Detail):
    kind = "organisation"

    def lookup(self, request, pk):
        organisation = selectors.organisations_for(request.user).filter(pk=pk).first()
        return hsds.organization_document(organisation) if organisation else None


@extend_schema_view(
    get=extend_schema(
        operation_id="hsds_service_at_locations_list",
        tags=TAGS,
        summary="HSDS service at location",
        parameters=PAGE,
        responses={200: PAGE_RESPONSE, **problem_responses(400)},
    )
)
class ServiceAtLocations(APIView):
    def get(self, request):
        located = _activities(request).filter(place__status__in=PUBLIC_STATUSES)
        return _page(request, located, hsds.service_at_location_document)


@extend_schema_view(
    get=extend_schema(
        operation_id="hsds_service_at_location_retrieve",
        tags=TAGS,
        summary="One HSDS service at location",
        parameters=[HSDS_ID],
        responses={200: OBJECT_RESPONSE, **problem_responses(404)},
    )
)
class ServiceAtLocationDetail(_Detail):
    kind = "service_at_location"

    def lookup(self, request, pk):
        activity = _activities(request).filter(pk=pk, place__status__in=PUBLIC_STATUSES).first()
        return hsds.service_at_location_document(activity) if activity else None


def _by_id(items, id):
    """One document of a fixed vocabulary list, or 404."""
    item = next((item for item in items if item["id"] == id), None)
    if item is None:
        raise NotFound()
    return item


def _static_page(request, items):
    number, size = _page_and_size(request)
    return Response(hsds.page(items[(number - 1) * size : number * size], number, size, len(items)))


@extend_schema_view(
    get=extend_schema(
        operation_id="hsds_taxonomies_list",
        tags=TAGS,
        summary="HSDS taxonomies",
        parameters=PAGE,
        responses={200: PAGE_RESPONSE, **problem_responses(400)},
    )
)
class Taxonomies(APIView):
    def get(self, request):
        return _static_page(request, hsds.taxonomy_documents())


@extend_schema_view(
    get=extend_schema(
        operation_id="hsds_taxonomy_retrieve",
        tags=TAGS,
        summary="One HSDS taxonomy",
        parameters=[HSDS_ID],
        responses={200: OBJECT_RESPONSE, **problem_responses(404)},
    )
)
class TaxonomyDetail(APIView):
    def get(self, request, id):
        return Response(_by_id(hsds.taxonomy_documents(), id))


@extend_schema_view(
    get=extend_schema(
        operation_id="hsds_taxonomy_terms_list",
        tags=TAGS,
        summary="HSDS taxonomy terms",
        parameters=PAGE,
        responses={200: PAGE_RESPONSE, **problem_responses(400)},
    )
)
class TaxonomyTerms(APIView):
    def get(self, request):
        return _static_page(request, hsds.taxonomy_term_documents())


@extend_schema_view(
    get=extend_schema(
        operation_id="hsds_taxonomy_term_retrieve",
        tags=TAGS,
        summary="One HSDS taxonomy term",
        parameters=[HSDS_ID],
        responses={200: OBJECT_RESPONSE, **problem_responses(404)},
    )
)
class TaxonomyTermDetail(APIView):
    def get(self, request, id):
        return Response(_by_id(hsds.taxonomy_term_documents(), id))
