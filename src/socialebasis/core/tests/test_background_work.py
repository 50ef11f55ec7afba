"""Background work runs on a real Celery worker with Redis as broker, and does what the cron command does.

CI must have Redis (127.0.0.1:6379, database 15 for this test); elsewhere the test is skipped without it.
"""

import os
import time
import uuid
from datetime import timedelta

import pytest
from django.utils import timezone

REDIS = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


def _redis_answers() -> bool:
    import redis

    try:
        return bool(redis.Redis.from_url(REDIS, socket_connect_timeout=1).ping())
    except redis.exceptions.ConnectionError:
        return False


@pytest.fixture
def worker():
    if not _redis_answers():
        if os.environ.get("CI") == "true":
            pytest.fail(f"Redis is not reachable at {REDIS}; CI needs it for the background-work test.")
        pytest.skip(f"Redis is not reachable at {REDIS}.")
    from celery import Celery
    from celery.contrib.testing.worker import start_worker

    # A fresh app configured like the project's (socialebasis.background), with Redis as broker: the project's
    # app is shared by the whole test session and has been used eagerly by then. The tasks are shared tasks,
    # so they are registered on this app too. Django's CELERY_* names win over Celery's own: set those.
    app = Celery("socialebasis-test", set_as_current=False)
    app.config_from_object("django.conf:settings", namespace="CELERY")
    # A queue of its own: a worker of a test in another process (pytest-xdist) on the same Redis would take its tasks.
    queue = f"test-{uuid.uuid4().hex}"
    app.conf.update({"CELERY_BROKER_URL": REDIS, "CELERY_TASK_ALWAYS_EAGER": False, "CELERY_TASK_DEFAULT_QUEUE": queue})
    app.autodiscover_tasks(force=True)
    try:
        with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=30):
            yield app
    finally:
        # start_worker makes the test app the current and default one; later .delay() calls in this process would
        # go to Redis and never run. Give the project's (eager) app its place back.
        from socialebasis.background import app as project_app

        project_app.set_current()
        project_app.set_default()


@pytest.mark.django_db(transaction=True)
def test_the_freshness_round_runs_on_a_worker(seed_areas, worker):
    from django.db import connection

    from socialebasis.audit.models import AuditEvent
    from socialebasis.directory.models import Activity
    from socialebasis.directory.tests.factories import ActivityFactory
    from socialebasis.directory.vocabulary import Status

    if connection.vendor == "sqlite":
        # A worker is a production part (PostgreSQL); the demo's SQLite has no broker and runs tasks at once (the
        # test below). The test's in-memory SQLite, shared between threads, locks whole tables against the worker.
        pytest.skip("A real worker runs against PostgreSQL; on SQLite tasks run at once.")
    stale = ActivityFactory(title="Al lang niet gecontroleerd")
    fresh = ActivityFactory(title="Net gecontroleerd")
    now = timezone.now()
    Activity.objects.filter(pk=stale.pk).update(
        checked_at=now - timedelta(days=400), created_at=now - timedelta(days=400)
    )
    Activity.objects.filter(pk=fresh.pk).update(checked_at=now)

    assert not worker.conf.task_always_eager  # really through Redis and the worker thread
    worker.tasks["directory.review_freshness"].delay()
    # What the worker did shows in the database (results are not kept: the tasks report through the audit log).
    deadline = time.monotonic() + 60
    while Activity.objects.get(pk=stale.pk).status != Status.ARCHIVED and time.monotonic() < deadline:
        time.sleep(0.2)
    assert Activity.objects.get(pk=stale.pk).status == Status.ARCHIVED
    assert Activity.objects.get(pk=fresh.pk).status == Status.PUBLISHED
    assert AuditEvent.objects.filter(object_id=str(stale.pk), details__target="archived").exists()


def test_without_a_broker_a_task_runs_at_once_in_the_calling_process(db, seed_areas):
    from django.conf import settings

    from socialebasis.indicators.models import IndicatorValue
    from socialebasis.profiles.tasks import snapshot_registrations

    assert settings.CELERY_TASK_ALWAYS_EAGER and settings.CELERY_BROKER_URL == "memory://"
    summary = snapshot_registrations.delay().get()
    stored = IndicatorValue.objects.filter(indicator__source__key="sociale-kaart").count()
    assert stored > 0 and summary.startswith(f"{stored} nieuw")
