from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, extend_schema
from rest_framework import generics, status
from rest_framework.exceptions import NotAuthenticated, NotFound, PermissionDenied, ValidationError
from rest_framework.parsers import JSONParser
from rest_framework.response import Response
from rest_framework.throttling import AnonRateThrottle, ScopedRateThrottle
from rest_framework.views import APIView

from socialebasis.api.schema import problem_responses
from socialebasis.api.throttling import SignedInRateThrottle
from socialebasis.areas.models import Municipality
from socialebasis.core.permissions import can

from .. import selectors, services
from ..document import FrameworkDocumentError, FrameworkDocumentSerializer, flatten_errors
from ..models import Framework, FrameworkVersion
from . import serializers

TAGS = ["frameworks"]
VERSION_NUMBER = {"type": "integer", "minimum": 1, "maximum": 999_999_999}
VERSION_PARAMETER = OpenApiParameter(
    "version", VERSION_NUMBER, description="A version number; without it the version in force today."
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
    if raw is None or not raw.isdigit() or len(raw) > 9:
        return None
    return int(raw)


def _validate(serializer) -> None:
    """Like is_valid(raise_exception=True), with each field named as a path: `document.spheres[1].influence`."""
    if not serializer.is_valid():
        errors = flatten_errors(serializer.errors, root="non_field_errors")
        raise ValidationError({path: [message] for path, message in errors})


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
    responses={200: serializers.FrameworkVersionSerializer, **problem_responses(404, 429)},
)
class FrameworkDetail(APIView):
    def get(self, request, statcode: str):
        version = _version(_municipality(statcode))
        return Response(serializers.FrameworkVersionSerializer(version).data)


@extend_schema(
    tags=TAGS,
    summary="Export a framework version as a JSON document (the import format)",
    parameters=[VERSION_PARAMETER],
    responses={200: FrameworkDocumentSerializer, **problem_responses(400, 404, 429)},
)
class FrameworkExport(APIView):
    def get(self, request, statcode: str):
        raw = request.query_params.get("version")
        if raw is not None and _number(raw) is None:
            raise ValidationError({"version": [_("Give a version number, for example 1.")]})
        version = _version(_municipality(statcode), raw)
        response = Response(FrameworkDocumentSerializer(version.content).data)
        response["Content-Disposition"] = f'attachment; filename="kader-{statcode}-v{version.number}.json"'
        return response


class FrameworkVersionList(generics.ListAPIView):
    serializer_class = serializers.FrameworkVersionSummarySerializer
    parser_classes = [JSONParser]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # drf-spectacular builds the schema without a request
            return FrameworkVersion.objects.none()
        return selectors.versions_of(_municipality(self.kwargs["statcode"]))

    @extend_schema(
        tags=TAGS,
        summary="All versions of a municipality's framework, newest first",
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
        responses={
            201: serializers.FrameworkVersionSerializer,
            **problem_responses(400, 403, 404, 429),
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
            raise ValidationError({f"document.{path}": [message] for path, message in exc.errors}) from None
        return Response(serializers.FrameworkVersionSerializer(version).data, status=status.HTTP_201_CREATED)


@extend_schema(
    tags=TAGS,
    summary="One version of a municipality's framework",
    parameters=[OpenApiParameter("number", VERSION_NUMBER, OpenApiParameter.PATH)],
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
    responses={200: serializers.AssessmentResultSerializer, **problem_responses(400, 404, 429)},
    examples=[ASSESSMENT_EXAMPLE],
)
class AssessmentCreate(APIView):
    parser_classes = [JSONParser]
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
