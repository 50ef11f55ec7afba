"""The Celery worker's heartbeat and task counts, kept in the shared cache for /readyz and /metrics (ADR 0037).

A worker that runs sends Celery's own heartbeat every two seconds from its main process, as long as it is connected
to the broker; on that signal it writes the time into the shared cache (Redis, `REDIS_URL`), at most every
`WORKER_HEARTBEAT_SECONDS`. /readyz reads the age of the last heartbeat of any worker: older than
`WORKER_HEARTBEAT_STALE_SECONDS`, or none at all, is "stale" or "missing" and makes the status "degraded" (an alarm,
not a reason to take app servers out of the load balancer: the site works without the worker, its tasks wait in
Redis). Each finished task counts one up per task name and outcome, for the metrics.

The cache is the one place every app server and worker shares besides the database; a write every ten seconds
costs Redis nothing. Without `REDIS_URL` each process has its own cache and the app never sees the worker's
heartbeat: an installation with a worker needs Redis anyway (it is the broker).
"""

import time

import structlog
from celery.signals import heartbeat_sent, task_postrun, worker_ready
from django.conf import settings
from django.core.cache import cache

from .dependencies import is_dependency_unavailable

HEARTBEAT_KEY = "worker:heartbeat"
TASK_COUNT_KEY = "worker:tasks:{task}:{state}"
# The outcomes counted (task_postrun's states).
COUNTED_STATES = ("SUCCESS", "FAILURE", "RETRY")

log = structlog.get_logger(__name__)
_last_written = 0.0


def record_heartbeat(now: float | None = None) -> None:
    cache.set(HEARTBEAT_KEY, time.time() if now is None else now, timeout=None)


def heartbeat_age() -> float | None:
    """Seconds since the last heartbeat of any worker; None when there never was one (or the cache lost it)."""
    beat = cache.get(HEARTBEAT_KEY)
    return None if beat is None else max(0.0, time.time() - float(beat))


def worker_state() -> dict:
    """For /readyz: the worker's state ("ok", "stale", "missing" or "unknown") and the heartbeat's age."""
    try:
        age = heartbeat_age()
    except Exception as exc:
        if not is_dependency_unavailable(exc):
            raise
        return {"worker": "unknown", "worker_heartbeat_age_seconds": None}
    if age is None:
        state = "missing"
    elif age > settings.WORKER_HEARTBEAT_STALE_SECONDS:
        state = "stale"
    else:
        state = "ok"
    return {"worker": state, "worker_heartbeat_age_seconds": None if age is None else round(age)}


def task_counts(task_names) -> dict[tuple[str, str], int]:
    """Finished tasks per (task name, outcome), as counted since Redis last lost its data."""
    keys = {
        TASK_COUNT_KEY.format(task=name, state=state): (name, state) for name in task_names for state in COUNTED_STATES
    }
    found = cache.get_many(list(keys))
    return {keys[key]: int(value) for key, value in found.items()}


# -- in the worker -------------------------------------------------------------------------------------------------


@worker_ready.connect
@heartbeat_sent.connect
def _heartbeat(**kwargs) -> None:
    global _last_written
    now = time.time()
    if now - _last_written < settings.WORKER_HEARTBEAT_SECONDS:
        return
    try:
        record_heartbeat(now)
        _last_written = now
    except Exception as exc:  # Redis away: the worker goes on; /readyz will say so
        log.warning("worker heartbeat not written", error=type(exc).__name__)


@task_postrun.connect
def _count_task(task=None, state=None, **kwargs) -> None:
    if state not in COUNTED_STATES:
        return
    key = TASK_COUNT_KEY.format(task=task.name, state=state)
    try:
        cache.add(key, 0, timeout=None)
        cache.incr(key)
    except Exception as exc:
        log.warning("task not counted", error=type(exc).__name__)
