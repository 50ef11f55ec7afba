"""On a real Celery worker (Redis as broker, database 12): the mail queued after commit goes out once, even when
the task is delivered twice, and the daily digest runs there too.

CI must have Redis (127.0.0.1:6379); elsewhere the tests are skipped without it. The database is read only after
the worker stopped: SQLite's shared in-memory database refuses a read of a table another connection is writing.
"""

import os
import uuid
from contextlib import contextmanager

import pytest
from django.db import transaction

from socialebasis.notifications import services
from socialebasis.notifications.models import Delivery, Preference
from socialebasis.notifications.registry import Frequency

REDIS = os.environ.get("TEST_NOTIFICATIONS_REDIS_URL", "redis://127.0.0.1:6379/12")

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def redis_answers():
    import redis

    try:
        redis.Redis.from_url(REDIS, socket_connect_timeout=1).ping()
    except redis.exceptions.ConnectionError:
        if os.environ.get("CI") == "true":
            pytest.fail(f"Redis is not reachable at {REDIS}; CI needs it for the worker tests.")
        pytest.skip(f"Redis is not reachable at {REDIS}.")


@contextmanager
def worker():
    from celery import Celery
    from celery.contrib.testing.worker import start_worker

    from socialebasis.background import app as project_app

    # Like core/tests/test_background_work.py: a fresh app configured as the project's, with Redis as broker. It
    # becomes the current app, so that notify()'s own `send_delivery.delay()` after commit goes through Redis.
    app = Celery("socialebasis-notifications-test", set_as_current=False)
    app.config_from_object("django.conf:settings", namespace="CELERY")
    # A queue of its own: a worker of a test in another process (pytest-xdist) on the same Redis would take its tasks.
    queue = f"test-{uuid.uuid4().hex}"
    app.conf.update({"CELERY_BROKER_URL": REDIS, "CELERY_TASK_ALWAYS_EAGER": False, "CELERY_TASK_DEFAULT_QUEUE": queue})
    app.autodiscover_tasks(force=True)
    app.control.purge()  # nothing left over from an interrupted run
    try:
        with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=30):
            yield app
    finally:
        project_app.set_current()
        project_app.set_default()


def test_the_mail_goes_out_on_the_worker_once_though_the_task_arrives_twice(smtp_server, user_factory):
    from socialebasis.notifications.tasks import send_delivery

    user = user_factory(email="via-de-worker@example.nl")
    other = user_factory(email="daarna@example.nl")
    with worker() as app:
        assert not app.conf.task_always_eager
        with transaction.atomic():
            message = services.notify(user, "account.security", context={"event": "Uw wachtwoord is gewijzigd."})
            # The broker delivers the same task a second time (a worker died before its acknowledgement).
            transaction.on_commit(lambda: send_delivery.delay(message.delivery_id))
            marker = services.notify(other, "account.security")
        # A solo worker takes the queue in order: once the second mail is in, both runs of the first task are done.
        received = smtp_server.wait_for(2)
    assert sorted(mail["To"] for mail in received) == ["daarna@example.nl", "via-de-worker@example.nl"]
    delivery = Delivery.objects.get(pk=message.delivery_id)
    assert delivery.status == Delivery.Status.SENT and delivery.attempts == 1
    assert Delivery.objects.get(pk=marker.delivery_id).status == Delivery.Status.SENT


def test_the_daily_digest_runs_on_the_worker(smtp_server, user_factory):
    user = user_factory(email="overzicht@example.nl")
    Preference.objects.create(user=user, kind="directory.reminder", frequency=Frequency.DAILY)
    for name in ("Koor", "Breiclub"):
        services.notify(user, "directory.reminder", context={"name": name})
    with worker() as app:
        app.tasks["notifications.send_digests"].delay()
        received = smtp_server.wait_for(1)
    [digest] = received
    assert digest["To"] == "overzicht@example.nl"
    assert "2 nieuwe berichten" in digest.get_body(preferencelist=("plain",)).get_content()
    assert Delivery.objects.get(recipient=user).status == Delivery.Status.SENT
