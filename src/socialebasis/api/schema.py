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
        **DESCRIPTIONS,
        401: "Not signed in.",
    }
    return {
        (status, PROBLEM_CONTENT_TYPE): OpenApiResponse(
            response=ValidationProblemSerializer if status in (400, 422) else ProblemSerializer,
            description=descriptions[status],
        )
        for status in statuses
    }


DESCRIPTIONS = {
    400: (
        "The request does not follow this document (a parameter or field out of range, not matching its pattern, "
        "of the wrong type; a body that is no JSON, nested deeper than 32 levels or with a NUL character); "
        "`invalid_params` names each wrong parameter or field where there is one."
    ),
    403: "Not allowed (or the second factor is not confirmed yet).",
    404: "Not found.",
    413: "The body is larger than 1 MB.",
    415: "The body is not JSON (send Content-Type: application/json).",
    422: (
        "The request follows this document but cannot be processed: it names keys the municipality's framework "
        "does not have, a framework document contradicts itself, or a postcode is not known. `invalid_params` "
        "names each field."
    ),
    429: "Too many requests; try again later (see Retry-After).",
    503: "A service this answer needs (the database, the postcode service) cannot be reached; try again later.",
}


# Serializers that refuse fields they do not know register their component name here, so that the
# OpenAPI document says `additionalProperties: false` for them (see `closed_objects`).
CLOSED_COMPONENTS: set[str] = set()
# The sizes such serializers enforce on nested lists and dicts, which drf-spectacular leaves out of the document:
# component → field → {"minItems": …, "maxItems": …, "minProperties": …}.
LIMITS: dict[str, dict[str, dict[str, int]]] = {}


def register_closed_serializer(serializer_class) -> None:
    name = serializer_class.__name__.removesuffix("Serializer")
    CLOSED_COMPONENTS.add(name)
    for field_name, field in getattr(serializer_class, "_declared_fields", {}).items():
        limits = {}
        if isinstance(field, serializers.ListSerializer):
            if field.min_length is not None:
                limits["minItems"] = field.min_length
            if field.max_length is not None:
                limits["maxItems"] = field.max_length
        elif isinstance(field, serializers.DictField) and not field.allow_empty:
            limits["minProperties"] = 1
        if limits:
            LIMITS.setdefault(name, {})[field_name] = limits


def closed_objects(result, generator, request, public):
    """drf-spectacular postprocessing hook: mark the components of closed serializers as closed, with the sizes
    of their nested lists and dicts."""
    schemas = result.get("components", {}).get("schemas", {})
    for name in CLOSED_COMPONENTS:
        for component in (name, f"{name}Request"):
            if schemas.get(component, {}).get("type") == "object":
                schemas[component]["additionalProperties"] = False
                properties = schemas[component].get("properties", {})
                for field_name, limits in LIMITS.get(name, {}).items():
                    if field_name in properties:
                        properties[field_name].update(limits)
    return result


VERSION_HEADER = {
    "description": "The full version of the API that answered (NL API Design Rules, /core/version-header).",
    "required": True,
    "schema": {"type": "string", "example": "1.0.0"},
}
RETRY_AFTER_HEADER = {
    "description": "Seconds to wait before trying again.",
    "required": False,
    "schema": {"type": "string", "example": "30"},
}
WRITE_METHODS = ("post", "put", "patch")


RESPONSE_NAMES = {
    400: "BadRequest",
    403: "Forbidden",
    404: "NotFound",
    413: "ContentTooLarge",
    415: "UnsupportedMediaType",
    429: "TooManyRequests",
    503: "ServiceUnavailable",
}


def _problem(status: int) -> dict:
    component = "ValidationProblem" if status in (400, 422) else "Problem"
    response = {
        "description": DESCRIPTIONS[status],
        "headers": {"API-Version": {"$ref": "#/components/headers/API-Version"}},
        "content": {PROBLEM_CONTENT_TYPE: {"schema": {"$ref": f"#/components/schemas/{component}"}}},
    }
    if status in (429, 503):
        response["headers"]["Retry-After"] = {"$ref": "#/components/headers/Retry-After"}
    return response


def common_responses(result, generator, request, public):
    """drf-spectacular postprocessing hook: the answers any operation can give, documented on every operation.

    Every request can be refused as a 400 (also by the middleware that refuses NUL characters), by the second-factor
    check (403), by the quota (429) or for want of the database (503); an operation with a path parameter or page
    numbers can answer 404, a write 413 and 415. Every answer carries the API-Version header.
    """
    components = result.setdefault("components", {})
    schemas = components.get("schemas", {})
    missing = {"Problem", "ValidationProblem"} - set(schemas)
    if missing:  # every problem answer refers to them; a view must have used problem_responses()
        raise ValueError(f"problem components missing from the schema: {sorted(missing)}")
    headers = components.setdefault("headers", {})
    headers["API-Version"] = VERSION_HEADER
    headers["Retry-After"] = RETRY_AFTER_HEADER
    shared = components.setdefault("responses", {})
    for status, name in RESPONSE_NAMES.items():
        shared[name] = _problem(status)
    for path_item in result.get("paths", {}).values():
        for method, operation in path_item.items():
            responses = operation.setdefault("responses", {})
            parameters = operation.get("parameters", [])
            statuses = [400, 403, 429, 503]
            if any(p["in"] == "path" for p in parameters) or any(p["name"] == "pageSize" for p in parameters):
                statuses.append(404)
            if method in WRITE_METHODS:
                statuses += [413, 415]
            for status in statuses:
                responses.setdefault(str(status), {"$ref": f"#/components/responses/{RESPONSE_NAMES[status]}"})
            for status, response in responses.items():
                if "$ref" in response:
                    continue
                response_headers = response.setdefault("headers", {})
                response_headers["API-Version"] = {"$ref": "#/components/headers/API-Version"}
                if status in ("429", "503"):
                    response_headers.setdefault("Retry-After", {"$ref": "#/components/headers/Retry-After"})
            operation["responses"] = dict(sorted(responses.items()))
    return result
