"""One error format for the whole API: RFC 9457 problem details, as the Dutch API Design Rules advise."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler

from socialebasis.core.dependencies import RETRY_AFTER_SECONDS, UNAVAILABLE_DETAIL, is_dependency_unavailable

PROBLEM_CONTENT_TYPE = "application/problem+json"


class UnknownReference(exceptions.ValidationError):
    """422: the request follows the OpenAPI document but names something that does not exist or breaks a rule the
    document cannot express (a key the framework does not have, a postcode nobody knows). Validation against the
    document itself stays a 400 (ADR 0022)."""

    status_code = status.HTTP_422_UNPROCESSABLE_ENTITY
    default_code = "unprocessable"


def _invalid_params(detail, prefix: str = "") -> list[dict]:
    params = []
    if isinstance(detail, dict):
        for key, value in detail.items():
            name = f"{prefix}.{key}" if prefix else str(key)
            params.extend(_invalid_params(value, name))
    elif isinstance(detail, list):
        for index, value in enumerate(detail):
            if isinstance(value, dict | list):
                params.extend(_invalid_params(value, f"{prefix}[{index}]"))
            else:
                params.append(
                    {
                        "name": prefix or "nonFieldErrors",
                        "code": getattr(value, "code", "invalid"),
                        "reason": str(value),
                    }
                )
    else:
        params.append(
            {
                "name": prefix or "nonFieldErrors",
                "code": getattr(detail, "code", "invalid"),
                "reason": str(detail),
            }
        )
    return params


def problem(status_code: int, title: str, detail: str, request=None, **extra) -> Response:
    body = {"type": "about:blank", "title": title, "status": status_code, "detail": detail}
    if request is not None:
        body["instance"] = request.get_full_path()
    body.update(extra)
    return Response(body, status=status_code, content_type=PROBLEM_CONTENT_TYPE)


def problem_exception_handler(exc, context):
    request = context.get("request")
    if is_dependency_unavailable(exc):
        response = problem(
            status.HTTP_503_SERVICE_UNAVAILABLE,
            "Service Unavailable",
            UNAVAILABLE_DETAIL,
            request,
        )
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()
    response = exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, exceptions.ValidationError):
        unprocessable = isinstance(exc, UnknownReference)
        body = {
            "type": "about:blank",
            "title": "Unprocessable Content" if unprocessable else "Bad Request",
            "status": response.status_code,
            "detail": "De invoer past niet bij de gegevens." if unprocessable else "De invoer is niet geldig.",
            "invalid_params": _invalid_params(exc.detail),
        }
    else:
        detail = exc.detail if isinstance(exc, exceptions.APIException) else str(exc)
        body = {
            "type": "about:blank",
            "title": response.status_text,
            "status": response.status_code,
            "detail": str(detail),
            "code": getattr(detail, "code", None) or getattr(exc, "default_code", "error"),
        }
    if request is not None:
        body["instance"] = request.get_full_path()
    response.data = body
    response.content_type = PROBLEM_CONTENT_TYPE
    return response
