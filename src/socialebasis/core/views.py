import sys

import structlog
from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect, JsonResponse
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.views import defaults
from django.views.decorators.cache import never_cache

from .dependencies import RETRY_AFTER_SECONDS, UNAVAILABLE_DETAIL, is_dependency_unavailable
from .worker_health import worker_state

log = structlog.get_logger(__name__)

BAD_REQUEST_DETAIL = "Deze vraag kunnen wij niet lezen."


@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    """Alive: the process answers. Touches nothing else."""
    return JsonResponse({"status": "ok"})


@never_cache
def readyz(request: HttpRequest) -> JsonResponse:
    """Ready: the database answers a query (503 when not). The shared cache is reported, but does not decide.

    Without Redis the quotas are not counted, but every page and the API still work (ADR 0020); taking every app
    process out of the load balancer because the one shared Redis is down would turn that into a full outage. So a
    missing cache answers 200 with `"status": "degraded"`, for monitoring to raise an alarm on.

    With a broker configured the worker's heartbeat is reported too ("worker": "ok", "stale", "missing" or
    "unknown", with the heartbeat's age in seconds); anything but "ok" is "degraded", for the same reason.
    """
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:
        if not is_dependency_unavailable(exc):
            raise
        return unavailable_response(request)
    body = {"status": "ok", "database": "ok"}
    if settings.CACHES["default"]["BACKEND"].endswith("RedisCache"):
        try:
            cache.get("readyz")
            body["cache"] = "ok"
        except Exception as exc:
            if not is_dependency_unavailable(exc):
                raise
            log.warning("readyz: the shared cache is unreachable", error=type(exc).__name__)
            body.update(status="degraded", cache="unavailable")
    if not settings.CELERY_TASK_ALWAYS_EAGER:
        # With a broker, the worker's heartbeat (ADR 0037). A worker that is gone or stuck leaves tasks waiting in
        # Redis, but every page and the API still work: degraded, for an alarm, never a reason to take app servers
        # out of the load balancer. The heartbeat is in the cache: when that is away, it is not asked again.
        if body.get("cache") == "unavailable":
            body.update(worker="unknown", worker_heartbeat_age_seconds=None)
        else:
            body.update(worker_state())
        if body["worker"] != "ok":
            body["status"] = "degraded"
    return JsonResponse(body)


def favicon(request: HttpRequest) -> HttpResponse:
    """Browsers and feed readers ask for /favicon.ico whatever a page links: send them to the static file (its
    name carries a hash in production, so it is looked up per request and not when the URLs are loaded)."""
    return HttpResponsePermanentRedirect(static("core/favicon.ico"))


def problem_response(status: int, title: str, detail: str, request: HttpRequest | None = None) -> JsonResponse:
    """An RFC 9457 problem document outside DRF (middleware, Django's error handlers)."""
    body = {"type": "about:blank", "title": title, "status": status, "detail": detail}
    if request is not None:
        body["instance"] = request.get_full_path()
    return JsonResponse(body, status=status, content_type="application/problem+json")


def is_api(request: HttpRequest) -> bool:
    return request.path.startswith("/api/")


def unavailable_response(request: HttpRequest) -> HttpResponse:
    """503 with Retry-After; rendered without the request context, which may need the database."""
    if is_api(request) or request.path in ("/readyz", "/healthz"):
        response = problem_response(503, "Service Unavailable", UNAVAILABLE_DETAIL)
    else:
        response = HttpResponse(render_to_string("503.html"), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def server_error(request: HttpRequest) -> HttpResponse:
    """handler500: a dead dependency answers 503, anything else is a real 500 (problem+json under /api/)."""
    if is_dependency_unavailable(sys.exc_info()[1]):
        return unavailable_response(request)
    if is_api(request):
        return problem_response(
            500, "Internal Server Error", "Er ging iets mis aan onze kant. Wij zijn op de hoogte; probeer het later."
        )
    return HttpResponse(render_to_string("500.html"), status=500)


# Django answers a path that no URL matches, and errors raised outside DRF, with these; under /api/ the answer is a
# problem document like every other API error.


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    if is_api(request):
        return problem_response(400, "Bad Request", BAD_REQUEST_DETAIL, request)
    return defaults.bad_request(request, exception)


def permission_denied(request: HttpRequest, exception: Exception) -> HttpResponse:
    if is_api(request):
        return problem_response(403, "Forbidden", "U mag dit niet doen.", request)
    return defaults.permission_denied(request, exception)


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    if is_api(request):
        return problem_response(404, "Not Found", "Niet gevonden. Zie /api/v1/openapi.json voor de paden.", request)
    return defaults.page_not_found(request, exception)
