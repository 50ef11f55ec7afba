"""OpenAPI descriptions of the shared error format (RFC 9457 problem details, see errors.py)."""

from drf_spectacular.utils import OpenApiResponse
from rest_framework import serializers

from .errors import PROBLEM_CONTENT_TYPE


class InvalidParamSerializer(serializers.Serializer):
    name = serializers.CharField(help_text="The field, e.g. `characteristics` or `document.spheres[0].influence`.")
    code = serializers.CharField()
    reason = serializers.CharField(help_text="What is wrong, in Dutch.")


class ProblemSerializer(serializers.Serializer):
    type = serializers.CharField()
    title = serializers.CharField()
    status = serializers.IntegerField()
    detail = serializers.CharField()
    instance = serializers.CharField(required=False)
    code = serializers.CharField(required=False, allow_null=True)


class ValidationProblemSerializer(ProblemSerializer):
    invalid_params = InvalidParamSerializer(many=True, required=False)


def problem_responses(*statuses: int) -> dict:
    """`responses` entries for extend_schema: each status as application/problem+json."""
    descriptions = {
        400: "The input is not valid; `invalid_params` names each wrong field (absent when the body is no JSON).",
        401: "Not signed in.",
        403: "Not allowed (or the second factor is not confirmed yet).",
        404: "Not found.",
        429: "Too many requests; try again later (see Retry-After).",
    }
    return {
        (status, PROBLEM_CONTENT_TYPE): OpenApiResponse(
            response=ValidationProblemSerializer if status == 400 else ProblemSerializer,
            description=descriptions[status],
        )
        for status in statuses
    }


# Serializers that refuse fields they do not know register their component name here, so that the
# OpenAPI document says `additionalProperties: false` for them (see `closed_objects`).
CLOSED_COMPONENTS: set[str] = set()


def register_closed_serializer(serializer_class) -> None:
    CLOSED_COMPONENTS.add(serializer_class.__name__.removesuffix("Serializer"))


def closed_objects(result, generator, request, public):
    """drf-spectacular postprocessing hook: mark the components of closed serializers as closed."""
    schemas = result.get("components", {}).get("schemas", {})
    for name in CLOSED_COMPONENTS:
        for component in (name, f"{name}Request"):
            if schemas.get(component, {}).get("type") == "object":
                schemas[component]["additionalProperties"] = False
    return result
