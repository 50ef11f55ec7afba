"""Prometheus metrics: requests, their duration, database queries, and the task queue (docs/adr/0037-operations.md).

Counted in each process with prometheus_client. gunicorn's workers share their counts through files in
`PROMETHEUS_MULTIPROC_DIR` (prometheus_client's multiprocess mode; deploy/gunicorn.conf.py sets it up), so one
scrape of an app server shows all its workers. The worker's side (queue length, tasks not yet acknowledged,
finished tasks per outcome, heartbeat age) is read from Redis at the moment of the scrape, so any app server
reports it.

`/metrics` is answered by the middleware below, before Django looks at the host name or redirects to HTTPS:
Prometheus scrapes each app server on its internal address (`GUNICORN_BIND`) over plain HTTP. It answers only
with `Authorization: Bearer <METRICS_TOKEN>`; any other request for it goes on as if the path did not exist (a
404 like every unknown path), and nginx never passes it on (deploy/nginx/sociale-basis.conf).
"""

import os
import time

from django.conf import settings
from django.db.backends.signals import connection_created
from django.http import HttpRequest, HttpResponse
from django.utils.crypto import constant_time_compare
from prometheus_client import CONTENT_TYPE_LATEST, REGISTRY, CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily

from .request_log import url_pattern

PATH = "/metrics"
_METHODS = {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"}

REQUESTS = Counter(
    "socialebasis_http_requests",
    "Requests answered, by view (URL name), method and status.",
    ["view", "method", "status"],
)
REQUEST_DURATION = Histogram(
    "socialebasis_http_request_duration_seconds",
    "Time from the request reaching Django to its answer, by view and method.",
    ["view", "method"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30),
)
DB_ERRORS = Counter("socialebasis_db_errors", "Database statements that raised, by error.", ["alias", "error"])
# Its `_count` is the number of statements: one figure per statement, not two (each costs a few microseconds).
DB_DURATION = Histogram(
    "socialebasis_db_query_duration_seconds",
    "Time per database statement; _count is the number of statements.",
    ["alias"],
    buckets=(0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 5, 30),
)


class MetricsMiddleware:
    """Counts and times every answer, and answers `/metrics` to whoever has the token."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path == PATH and self._authorised(request):
            return metrics_response()
        began = time.perf_counter()
        response = self.get_response(request)
        view = url_pattern(request)[1] or "<unmatched>"  # a bounded label: URL names, never paths
        method = request.method if request.method in _METHODS else "other"
        REQUESTS.labels(view, method, str(response.status_code)).inc()
        REQUEST_DURATION.labels(view, method).observe(time.perf_counter() - began)
        return response

    @staticmethod
    def _authorised(request: HttpRequest) -> bool:
        token = settings.METRICS_TOKEN
        return bool(token) and constant_time_compare(request.headers.get("Authorization", ""), f"Bearer {token}")


def metrics_response() -> HttpResponse:
    if "PROMETHEUS_MULTIPROC_DIR" in os.environ:
        from prometheus_client import multiprocess

        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
        own = generate_latest(registry)
    else:
        own = generate_latest(REGISTRY)
    background = CollectorRegistry()
    background.register(BackgroundWorkCollector())
    return HttpResponse(own + generate_latest(background), content_type=CONTENT_TYPE_LATEST)


# -- database ----------------------------------------------------------------------------------------------------


_durations: dict[str, Histogram] = {}  # the histogram of each database alias, looked up once


def _instrument(execute, sql, params, many, context):
    alias = context["connection"].alias
    began = time.perf_counter()
    try:
        return execute(sql, params, many, context)
    except Exception as exc:
        DB_ERRORS.labels(alias, type(exc).__name__).inc()
        raise
    finally:
        if (duration := _durations.get(alias)) is None:
            duration = _durations[alias] = DB_DURATION.labels(alias)
        duration.observe(time.perf_counter() - began)


def _instrument_connection(sender, connection, **kwargs) -> None:
    """Django's own hook for wrapping every statement (execute_wrapper), on each connection once."""
    if _instrument not in connection.execute_wrappers:
        connection.execute_wrappers.append(_instrument)


connection_created.connect(_instrument_connection, dispatch_uid="socialebasis.core.metrics")


# -- the task queue, read at scrape time --------------------------------------------------------------------------


class BackgroundWorkCollector:
    """The queue in the broker's Redis, and the heartbeat and task counts in the shared cache."""

    def collect(self):
        from socialebasis.background import app

        from . import worker_health

        if settings.CELERY_TASK_ALWAYS_EAGER:
            return  # no broker: tasks run at once, in the process that sends them
        up = GaugeMetricFamily("socialebasis_broker_up", "1 when the broker's Redis answered this scrape.")
        try:
            length, unacked = _broker_figures(app.conf.task_default_queue)
        except Exception:
            up.add_metric([], 0)
            yield up
        else:
            up.add_metric([], 1)
            yield up
            queue = GaugeMetricFamily(
                "socialebasis_celery_queue_length", "Tasks waiting for a worker.", labels=["queue"]
            )
            queue.add_metric([app.conf.task_default_queue], length)
            yield queue
            yield GaugeMetricFamily(
                "socialebasis_celery_tasks_unacknowledged",
                "Tasks a worker has taken and not finished (running, or a lost worker's until given out again).",
                value=unacked,
            )
        app.loader.import_default_modules()  # the apps' tasks modules (once): every task has its series
        try:
            age = worker_health.heartbeat_age()
            counts = worker_health.task_counts(name for name in app.tasks if not name.startswith("celery."))
        except Exception:
            return  # the cache is away: /readyz says so; no made-up figures here
        if age is not None:
            yield GaugeMetricFamily(
                "socialebasis_worker_heartbeat_age_seconds",
                "Seconds since a worker last wrote its heartbeat.",
                value=age,
            )
        tasks = CounterMetricFamily(
            "socialebasis_celery_tasks",
            "Tasks finished, by task and outcome (SUCCESS, FAILURE, RETRY).",
            labels=["task", "state"],
        )
        for (name, state), count in sorted(counts.items()):
            tasks.add_metric([name, state], count)
        yield tasks


def _broker_figures(queue: str) -> tuple[int, int]:
    """Length of the default queue and the number of unacknowledged tasks, from the broker's Redis."""
    import redis

    timeout = settings.REDIS_TIMEOUT_MS / 1000
    client = redis.Redis.from_url(settings.CELERY_BROKER_URL, socket_connect_timeout=timeout, socket_timeout=timeout)
    try:
        with client.pipeline(transaction=False) as pipe:
            pipe.llen(queue)
            pipe.hlen("unacked")  # kombu's Redis transport keeps taken, unacknowledged tasks in this hash
            length, unacked = pipe.execute()
    finally:
        client.close()
    return int(length), int(unacked)
