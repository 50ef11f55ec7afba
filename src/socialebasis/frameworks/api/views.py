from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework import generics, status
from rest_framework.exceptions import NotAuthenticated, NotFound, PermissionDenied, ValidationError
from rest_framework.response import Response
from rest_framework.throttling import AnonRateThrottle, ScopedRateThrottle
from rest_framework.views import APIView

from socialebasis.api.errors import UnknownReference
from socialebasis.api.params import MUNICIPALITY_PATTERN, Query, path_parameter, read_query
from socialebasis.api.schema import problem_responses
from socialebasis.api.throttling import SignedInRateThrottle
from socialebasis.areas.models import Municipality
from socialebasis.core.numbers import parse_int
from socialebasis.core.permissions import can

from .. import selectors, services
from ..document import INCONSISTENT, FrameworkDocumentError, FrameworkDocumentSerializer, flatten_errors
from ..models import Framework, FrameworkVersion
from . import serializers

TAGS = ["frameworks"]
VERSION_NUMBER = {"type": "integer", "minimum": 1, "maximum": 999_999_999}
VERSION_PARAMETER = Query(
    "version",
    VERSION_NUMBER,
    "A version number; without it the version in force today.",
    reason=gettext_lazy("Give a version number, for example 1."),
)
MUNICIPALITY_CODE = path_parameter(
    "statcode", {"type": "string", "pattern": MUNICIPALITY_PATTERN}, "CBS code of the municipality."
)
ASSESSMENT_EXAMPLE = OpenApiExample(
    "Buurtvereniging (Vijfheerenlanden)",
    value={
        "name": "Buurtvereniging",
        "goals": ["meeting", "looking_out"],
        "characteristics": {
            "accessible": True,
            "mainly_volunteers": True,
            "reciprocity": None,
            "requires_referral": False,
            "for_profit": False,
            "mandatory": False,
        },
    },
    request_only=True,
)


def _municipality(statcode: str) -> Municipality:
    return get_object_or_404(Municipality, statcode=statcode)


def _number(raw: str | None) -> int | None:
    # Nine digits are plenty and keep a huge number from reaching the database.
    return parse_int(raw, 1, VERSION_NUMBER["maximum"])


def _validate(serializer) -> None:
    """Like is_valid(raise_exception=True), with each field named as a path: `document.spheres[1].influence`.

    A body that breaks the OpenAPI document is a 400; one that follows it but names keys the framework does not
    have, or a document that contradicts itself, is a 422 (UnknownReference, ADR 0022).
    """
    if not serializer.is_valid():
        errors = flatten_errors(serializer.errors, root="non_field_errors")
        error_class = UnknownReference if _codes(serializer.errors) == {INCONSISTENT} else ValidationError
        raise error_class({path: [message] for path, message in errors})


def _codes(detail) -> set[str]:
    """The codes of all errors in DRF's nested error structure."""
    if isinstance(detail, dict):
        return set().union(*(_codes(value) for value in detail.values()))
    if isinstance(detail, list):
        return set().union(*(_codes(value) for value in detail))
    return {getattr(detail, "code", None) or "invalid"}


def _version(municipality: Municipality, raw_number: str | None = None) -> FrameworkVersion:
    if raw_number is None:
        version = selectors.version_in_force(municipality)
        if version is None:
            raise NotFound(_("This municipality has no framework in force yet."))
        return version
    number = _number(raw_number)
    version = selectors.version_by_number(municipality, number) if number is not None else None
    if version is None:
        raise NotFound(_("This framework has no version %(number)s.") % {"number": raw_number[:20]})
    return version


@extend_schema(
    tags=TAGS,
    summary="The local framework in force, with its criteria and their keys",
    parameters=[MUNICIPALITY_CODE],
    responses={200: serializers.FrameworkVersionSerializer, **problem_responses(404, 429)},
)
class FrameworkDetail(APIView):
    def get(self, request, statcode: str):
        version = _version(_municipality(statcode))
        return Response(serializers.FrameworkVersionSerializer(version).data)


@extend_schema(
    tags=TAGS,
    summary="Export a framework version as a JSON document (the import format)",
    parameters=[MUNICIPALITY_CODE, VERSION_PARAMETER.openapi()],
    responses={200: FrameworkDocumentSerializer, **problem_responses(400, 404, 429)},
)
class FrameworkExport(APIView):
    def get(self, request, statcode: str):
        number = read_query(request, [VERSION_PARAMETER]).get("version")
        version = _version(_municipality(statcode), None if number is None else str(number))
        response = Response(FrameworkDocumentSerializer(version.content).data)
        response["Content-Disposition"] = f'attachment; filename="kader-{statcode}-v{version.number}.json"'
        return response


class FrameworkVersionList(generics.ListAPIView):
    serializer_class = serializers.FrameworkVersionSummarySerializer

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # drf-spectacular builds the schema without a request
            return FrameworkVersion.objects.none()
        return selectors.versions_of(_municipality(self.kwargs["statcode"]))

    @extend_schema(
        tags=TAGS,
        summary="All versions of a municipality's framework, newest first",
        parameters=[MUNICIPALITY_CODE],
        responses={200: serializers.FrameworkVersionSummarySerializer(many=True), **problem_responses(404, 429)},
    )
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    @extend_schema(
        tags=TAGS,
        summary="Change the framework: store a new version",
        description=(
            "For the municipality's policy officers (and administrators), signed in with a confirmed second "
            "factor. The whole document is validated; nothing is stored when any part is wrong. The change is "
            "written to the audit log."
        ),
        request=serializers.FrameworkVersionCreateSerializer,
        parameters=[MUNICIPALITY_CODE],
        responses={
            201: serializers.FrameworkVersionSerializer,
            **problem_responses(400, 403, 404, 422, 429),
        },
    )
    def post(self, request, statcode: str):
        municipality = _municipality(statcode)
        if not request.user.is_authenticated:
            raise NotAuthenticated()
        framework = Framework.objects.filter(municipality=municipality).first() or Framework(municipality=municipality)
        if not can(request.user, "frameworks.change_framework", framework):
            raise PermissionDenied(_("Only the municipality's policy officers may change its framework."))
        serializer = serializers.FrameworkVersionCreateSerializer(data=request.data)
        _validate(serializer)
        data = serializer.validated_data
        try:
            version = services.create_version(
                municipality,
                data["document"],
                valid_from=data["valid_from"],
                note=data["note"],
                actor=request.user,
                via="api",
            )
        except FrameworkDocumentError as exc:
            raise UnknownReference({f"document.{path}": [message] for path, message in exc.errors}) from None
        return Response(serializers.FrameworkVersionSerializer(version).data, status=status.HTTP_201_CREATED)


@extend_schema(
    tags=TAGS,
    summary="One version of a municipality's framework",
    parameters=[MUNICIPALITY_CODE, path_parameter("number", VERSION_NUMBER, "The version number.")],
    responses={200: serializers.FrameworkVersionSerializer, **problem_responses(404, 429)},
)
class FrameworkVersionDetail(APIView):
    def get(self, request, statcode: str, number: str):
        version = _version(_municipality(statcode), number)
        return Response(serializers.FrameworkVersionSerializer(version).data)


@extend_schema(
    tags=TAGS,
    summary="Does this activity belong to the sociale basis?",
    description=(
        "Assesses an activity with the municipality's framework in force: the goals it primarily serves and "
        "an answer per characteristic (true, false or null for unknown). The answer gives the verdict "
        "(`inside`, `grey` or `outside`), the reasons with their sources, a suggested sphere and the "
        "framework version used; the assessment is kept with that version. Anyone may ask; the number of "
        "questions per client is limited."
    ),
    request=serializers.AssessmentRequestSerializer,
    parameters=[MUNICIPALITY_CODE],
    responses={200: serializers.AssessmentResultSerializer, **problem_responses(400, 404, 422, 429)},
    examples=[ASSESSMENT_EXAMPLE],
)
class AssessmentCreate(APIView):
    throttle_classes = [AnonRateThrottle, SignedInRateThrottle, ScopedRateThrottle]
    throttle_scope = "assessments"

    def post(self, request, statcode: str):
        version = _version(_municipality(statcode))
        serializer = serializers.AssessmentRequestSerializer(data=request.data, context={"framework": version.content})
        _validate(serializer)
        data = serializer.validated_data
        result = services.assess(
            version,
            name=data["name"],
            goals=data["goals"],
            answers=data["characteristics"],
            actor=request.user,
        )
        return Response(serializers.AssessmentResultSerializer(result).data)
