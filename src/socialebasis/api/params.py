"""Query parameters: declared once, documented from that declaration and enforced by it.

A `Query` holds the JSON schema of one parameter (type, minimum, maximum, pattern, enum, length) as the OpenAPI
document shows it; `read_query` checks a request against the same schema, so the document and the code cannot
drift apart. Numbers are ASCII digits only (`socialebasis.core.numbers`), booleans are `true` or `false`, and a
pattern is matched against the whole value. Every refusal is a 400 naming the parameter, in Dutch.

Names are lowerCamelCase (NL API Design Rules, linter rule `nlgov:query-keys-camel-case`); a parameter that had a
snake_case name before still answers to it (`old_name`), undocumented, so that existing clients keep working.
"""

import re
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.validators import RegexValidator
from django.utils.deconstruct import deconstructible
from drf_spectacular.utils import OpenApiParameter
from rest_framework.exceptions import ValidationError

from socialebasis.core.numbers import parse_float, parse_int

MUNICIPALITY_PATTERN = "^GM[0-9]{4}$"
DISTRICT_PATTERN = "^WK[0-9]{6}$"
NEIGHBOURHOOD_PATTERN = "^BU[0-9]{8}$"
ASK_FOR_MUNICIPALITY = "Geef de CBS-code van een gemeente op, bijvoorbeeld GM0797."
YEAR = {"type": "integer", "minimum": 1900, "maximum": 2999}


def python_pattern(pattern: str) -> re.Pattern:
    """An ECMA-262 pattern of the document as Python reads it: `$` at the very end only (not before a newline).

    Write patterns with `[0-9]`, not `\\d`: Python's `\\d` also matches other scripts' digits.
    """
    if pattern.endswith("$") and not pattern.endswith("\\$"):
        pattern = pattern[:-1] + r"\Z"
    return re.compile(pattern)


@deconstructible
class DocumentedPattern(RegexValidator):
    """A RegexValidator whose pattern drf-spectacular copies into the OpenAPI document, matched as the document
    means it (see python_pattern), so that the server accepts exactly what the document allows."""

    def __init__(self, pattern: str, message=None, **kwargs):
        super().__init__(pattern, message, **kwargs)
        self.strict = python_pattern(pattern)

    def __call__(self, value):
        super().__call__(value)
        if not self.strict.search(str(value)):
            raise DjangoValidationError(self.message, code=self.code, params={"value": value})


@dataclass(frozen=True)
class Query:
    name: str
    schema: dict
    description: str
    required: bool = False
    old_name: str = ""
    # Dutch words for a refused value; without it a message is made from the schema.
    reason: str = ""

    def openapi(self) -> OpenApiParameter:
        return OpenApiParameter(
            self.name,
            self.schema,
            OpenApiParameter.QUERY,
            required=self.required,
            description=self.description,
        )

    def raw(self, params) -> str | None:
        if self.name in params:
            return params.get(self.name)
        if self.old_name and self.old_name in params:
            return params.get(self.old_name)
        return None

    def read(self, raw: str) -> Any:
        """The value as the schema types it; raises ValueError with the Dutch reason when it does not fit."""
        schema = self.schema
        kind = schema.get("type", "string")
        if kind == "integer":
            value = parse_int(raw, schema.get("minimum"), schema.get("maximum"))
        elif kind == "number":
            value = parse_float(raw, schema.get("minimum"), schema.get("maximum"))
        elif kind == "boolean":
            value = {"true": True, "false": False}.get(raw)
        else:
            value = raw if self._fits_text(raw) else None
        if value is None or ("enum" in schema and value not in schema["enum"]):
            raise ValueError(self.reason or self._reason())
        return value

    def _fits_text(self, raw: str) -> bool:
        schema = self.schema
        if not schema.get("minLength", 0) <= len(raw) <= schema.get("maxLength", len(raw)):
            return False
        return "pattern" not in schema or python_pattern(schema["pattern"]).search(raw) is not None

    def _reason(self) -> str:
        schema = self.schema
        kind = schema.get("type", "string")
        if "enum" in schema:
            return "Kies uit: " + ", ".join(str(v) for v in schema["enum"]) + "."
        if kind in ("integer", "number"):
            noun = "een geheel getal" if kind == "integer" else "een getal (met een punt als decimaalteken)"
            low, high = schema.get("minimum"), schema.get("maximum")
            if low is not None and high is not None:
                return f"Geef {noun} van {low} tot en met {high}."
            return f"Geef {noun}."
        if kind == "boolean":
            return "Geef true of false."
        if "maxLength" in schema:
            return f"Geef hooguit {schema['maxLength']} tekens."
        return "Deze waarde is niet geldig."


def read_query(request, parameters: list[Query]) -> dict[str, Any]:
    """The declared parameters that the request carries, typed; absent ones are left out. Any wrong one is a 400."""
    params = request.query_params
    values: dict[str, Any] = {}
    errors: dict[str, list[str]] = {}
    for parameter in parameters:
        raw = parameter.raw(params)
        if raw is None:
            if parameter.required:
                errors[parameter.name] = [parameter.reason or "Deze parameter is verplicht."]
            continue
        try:
            values[parameter.name] = parameter.read(raw)
        except ValueError as exc:
            errors[parameter.name] = [str(exc)]
    if errors:
        raise ValidationError(errors)
    return values


def openapi_parameters(parameters: list[Query]) -> list[OpenApiParameter]:
    return [parameter.openapi() for parameter in parameters]


def path_parameter(name: str, schema: dict, description: str = "") -> OpenApiParameter:
    """A path parameter with its schema; a value that does not fit finds no resource (404)."""
    return OpenApiParameter(name, schema, OpenApiParameter.PATH, description=description)


def municipality_parameter(required: bool = False) -> Query:
    return Query(
        "municipality",
        {"type": "string", "pattern": MUNICIPALITY_PATTERN},
        "Municipality CBS code, e.g. GM0797.",
        required=required,
        reason=ASK_FOR_MUNICIPALITY,
    )


def municipality_code(request, required: bool = False) -> str:
    """The `municipality` parameter as a CBS code, or "" when it is absent and not required."""
    return read_query(request, [municipality_parameter(required)]).get("municipality", "")
