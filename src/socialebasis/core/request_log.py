"""Request ids: one per request, in every log line written while it is handled, in the answer's `X-Request-ID`
header, and carried into the tasks the request starts (docs/adr/0037-operations.md).

The id is nginx's `$request_id` when the settings trust the proxy to set the header (`REQUEST_ID_FROM_PROXY`, on
in production: the site's nginx configuration replaces whatever a client sent); otherwise, or when the header
holds anything but a short token, the platform makes one. So the id in nginx's access log, in the application's
log and in the worker's log is one and the same.

Each request writes one line (`LOG_REQUESTS`): method, URL pattern, view, status and duration. Not the path or
the query string: a path may hold a password-reset token and a query a resident's search words or postcode
(issue 10 point 5: no request data in logs). The URL pattern (`sociale-kaart/activiteiten/<int:pk>/`) says which
page it was without any of that.
"""

import re
import time
import uuid

import structlog
from celery.signals import before_task_publish, task_postrun, task_prerun
from django.conf import settings
from django.core.signals import request_finished
from django.dispatch import receiver
from django.http import HttpRequest

HEADER = "X-Request-ID"
# nginx's $request_id is 32 hexadecimal characters; other proxies use UUIDs or similar tokens.
_ACCEPTED = re.compile(r"[A-Za-z0-9._-]{8,64}")

log = structlog.get_logger("socialebasis.requests")
task_log = structlog.get_logger("socialebasis.tasks")


def request_id_for(request: HttpRequest) -> str:
    if settings.REQUEST_ID_FROM_PROXY:
        given = request.headers.get(HEADER, "")
        if _ACCEPTED.fullmatch(given):
            return given
    return uuid.uuid4().hex


def url_pattern(request: HttpRequest) -> tuple[str, str]:
    """The matched URL pattern and view name; empty when no pattern matched (a 404, or an answer of middleware)."""
    match = getattr(request, "resolver_match", None)
    if match is None:
        return "", ""
    return match.route or "", match.view_name or ""


class RequestLogMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request_id = request_id_for(request)
        request.request_id = request_id
        began = time.perf_counter()
        # Bound until the answer is sent (request_finished, below), not only while the middleware runs: Django logs
        # a 4xx ("Not Found: ...") after every middleware has returned, and that line belongs to the request too.
        structlog.contextvars.bind_contextvars(request_id=request_id)
        response = self.get_response(request)
        response[HEADER] = request_id
        if settings.LOG_REQUESTS:
            route, view = url_pattern(request)
            log.info(
                "request",
                method=request.method,
                route=route,
                view=view,
                status=response.status_code,
                duration_ms=round((time.perf_counter() - began) * 1000, 1),
            )
        return response


@receiver(request_finished, dispatch_uid="socialebasis.core.request_log")
def _forget_request_id(**kwargs) -> None:
    """The answer has been sent: the thread's next request starts without this one's id."""
    structlog.contextvars.unbind_contextvars("request_id")


# -- the request id in the worker --------------------------------------------------------------------------------


@before_task_publish.connect
def _carry_request_id(headers=None, **kwargs) -> None:
    """A task sent while a request is handled carries its id in the message's headers."""
    request_id = structlog.contextvars.get_contextvars().get("request_id")
    if request_id and headers is not None:
        headers.setdefault("request_id", request_id)


_bound: dict[str, tuple[dict, float]] = {}


@task_prerun.connect
def _bind_task(task_id=None, task=None, **kwargs) -> None:
    """Every line the task writes carries the task's name and id, and the request id it was sent with."""
    values = {"task": task.name, "task_id": task_id}
    if request_id := getattr(task.request, "request_id", None):
        values["request_id"] = request_id
    _bound[task_id] = (structlog.contextvars.bind_contextvars(**values), time.perf_counter())


@task_postrun.connect
def _log_task(task_id=None, task=None, state=None, **kwargs) -> None:
    tokens, began = _bound.pop(task_id, ({}, None))
    # On the worker only: without a broker a task runs inside the request (or command) that sent it, whose own
    # line covers it.
    if began is not None and not task.request.is_eager:
        task_log.info("task", state=state, duration_ms=round((time.perf_counter() - began) * 1000, 1))
    if tokens:
        structlog.contextvars.reset_contextvars(**tokens)
