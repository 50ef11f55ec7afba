"""/readyz reports the worker's heartbeat when there is a broker: ok, stale or missing; anything but ok is
"degraded" with 200, never a reason to take app servers out (ADR 0037)."""

import time

import pytest
from celery.signals import heartbeat_sent

from socialebasis.core import worker_health

pytestmark = pytest.mark.django_db


@pytest.fixture
def with_broker(settings):
    settings.CELERY_TASK_ALWAYS_EAGER = False  # as with CELERY_BROKER_URL set
    settings.WORKER_HEARTBEAT_STALE_SECONDS = 60
    from django.core.cache import cache

    cache.delete(worker_health.HEARTBEAT_KEY)


def test_without_a_broker_readyz_says_nothing_about_a_worker(client):
    assert "worker" not in client.get("/readyz").json()


def test_a_recent_heartbeat_is_ok(client, with_broker):
    worker_health.record_heartbeat(time.time() - 5)
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "worker": "ok", "worker_heartbeat_age_seconds": 5}


def test_an_old_heartbeat_is_stale_and_degraded_but_still_200(client, with_broker):
    worker_health.record_heartbeat(time.time() - 300)
    response = client.get("/readyz")
    assert response.status_code == 200
    body = response.json()
    assert (body["status"], body["database"], body["worker"]) == ("degraded", "ok", "stale")
    assert body["worker_heartbeat_age_seconds"] == 300


def test_no_heartbeat_at_all_is_missing_and_degraded(client, with_broker):
    body = client.get("/readyz").json()
    assert (body["status"], body["worker"], body["worker_heartbeat_age_seconds"]) == ("degraded", "missing", None)


def test_celerys_worker_heartbeat_signal_writes_the_heartbeat_at_most_every_interval(client, with_broker, settings):
    settings.WORKER_HEARTBEAT_SECONDS = 3600
    worker_health._last_written = 0.0
    heartbeat_sent.send(sender=None)  # as the worker's main process does every two seconds
    first = worker_health.heartbeat_age()
    assert first is not None and first < 5
    assert client.get("/readyz").json()["worker"] == "ok"
    worker_health.record_heartbeat(time.time() - 100)
    heartbeat_sent.send(sender=None)  # within the interval: not written again
    assert worker_health.heartbeat_age() >= 100
