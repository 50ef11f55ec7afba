import sys

from django.core.cache import cache
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.views.decorators.cache import never_cache

from .dependencies import RETRY_AFTER_SECONDS, UNAVAILABLE_DETAIL, is_dependency_unavailable


@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    """Alive: the process answers. Touches nothing else."""
    return JsonResponse({"status": "ok"})


@never_cache
def readyz(request: HttpRequest) -> JsonResponse:
    """Ready: the database answers a query, and the shared cache (when one is configured) answers too."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        cache.get("readyz")
    except Exception as exc:
        if not is_dependency_unavailable(exc):
            raise
        return unavailable_response(request)
    return JsonResponse({"status": "ok", "database": "ok"})


def unavailable_response(request: HttpRequest) -> HttpResponse:
    """503 with Retry-After; rendered without the request context, which may need the database."""
    if request.path.startswith("/api/") or request.path in ("/readyz", "/healthz"):
        response = JsonResponse(
            {
                "type": "about:blank",
                "title": "Service Unavailable",
                "status": 503,
                "detail": UNAVAILABLE_DETAIL,
            },
            status=503,
            content_type="application/problem+json",
        )
    else:
        response = HttpResponse(render_to_string("503.html"), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def server_error(request: HttpRequest) -> HttpResponse:
    """handler500: a dead dependency answers 503, anything else is a real 500."""
    if is_dependency_unavailable(sys.exc_info()[1]):
        return unavailable_response(request)
    return HttpResponse(render_to_string("500.html"), status=500)
