"""/metrics: Prometheus figures for requests, their duration, the database and the task queue, only for whoever has
the token (ADR 0037)."""

import pytest
from django.test import Client

from socialebasis.core import worker_health
from socialebasis.directory.tasks import review_freshness

pytestmark = pytest.mark.django_db

TOKEN = "metrics-token-for-the-test-4f1d"
REDIS_TEST_URL = "redis://127.0.0.1:6379/11"  # a database of its own: test_health.py empties 7


def scrape(client: Client, token: str | None = TOKEN, **extra):
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return client.get("/metrics", headers=headers, **extra)


def value(text: str, series: str) -> float:
    """The value of one series (name with its labels, as Prometheus writes it) in a scrape; 0 when absent."""
    for line in text.splitlines():
        if line.startswith(series + " "):
            return float(line.rsplit(" ", 1)[1])
    return 0.0


def test_without_a_configured_token_there_is_no_metrics_page(client, settings):
    settings.METRICS_TOKEN = ""
    for token in (None, "", "anything"):
        response = scrape(client, token)
        assert response.status_code == 404
        assert b"socialebasis_http_requests" not in response.content


def test_without_the_right_token_metrics_answers_as_an_unknown_page(client, settings):
    settings.METRICS_TOKEN = TOKEN
    unknown = client.get("/does-not-exist")
    wrong = ("Bearer wrong", TOKEN, f"Basic {TOKEN}", f"Bearer {TOKEN}x")
    for headers in ({}, *({"Authorization": header} for header in wrong)):
        response = client.get("/metrics", headers=headers)
        assert response.status_code == unknown.status_code == 404
        assert b"socialebasis_" not in response.content


def test_requests_their_duration_and_database_statements_are_counted(client, settings):
    settings.METRICS_TOKEN = TOKEN
    before = scrape(client).content.decode()
    for _ in range(3):
        assert client.get("/readyz").status_code == 200
    client.get("/does-not-exist")
    after = scrape(client)
    assert after.status_code == 200
    assert after["Content-Type"].startswith("text/plain; version=")  # the Prometheus text format
    text = after.content.decode()
    series = 'socialebasis_http_requests_total{method="GET",status="200",view="core:readyz"}'
    assert value(text, series) - value(before, series) == 3
    unmatched = 'socialebasis_http_requests_total{method="GET",status="404",view="<unmatched>"}'
    assert value(text, unmatched) - value(before, unmatched) == 1
    duration = 'socialebasis_http_request_duration_seconds_count{method="GET",view="core:readyz"}'
    assert value(text, duration) - value(before, duration) == 3
    queries = 'socialebasis_db_query_duration_seconds_count{alias="default"}'
    assert value(text, queries) - value(before, queries) >= 3  # readyz's SELECT 1, each time
    assert "socialebasis_db_query_duration_seconds_bucket" in text
    assert "does-not-exist" not in text  # labels are URL names, never paths


def test_metrics_are_answered_on_the_internal_address_without_https_or_a_public_host_name(settings):
    """Prometheus scrapes each app server over plain HTTP at its own address; the production transport settings
    (HTTPS redirect, ALLOWED_HOSTS) would refuse that for any page, and still do."""
    settings.METRICS_TOKEN = TOKEN
    settings.SECURE_SSL_REDIRECT = True
    settings.ALLOWED_HOSTS = ["sociale-basis.gemeente.nl"]
    client = Client(raise_request_exception=False)
    assert scrape(client, HTTP_HOST="10.0.3.7:8001").status_code == 200
    assert client.get("/readyz", HTTP_HOST="10.0.3.7:8001").status_code == 400
    assert client.get("/readyz", HTTP_HOST="sociale-basis.gemeente.nl").status_code == 301


@pytest.fixture
def broker(settings):
    """Database 11 of the local Redis as the broker, emptied before and after."""
    import redis

    client = redis.Redis.from_url(REDIS_TEST_URL, socket_connect_timeout=2)
    try:
        client.flushdb()
    except redis.exceptions.ConnectionError:
        pytest.fail("Redis is not running on 127.0.0.1:6379 (make system-deps).")
    settings.CELERY_BROKER_URL = REDIS_TEST_URL
    settings.CELERY_TASK_ALWAYS_EAGER = False
    yield client
    client.flushdb()


def test_the_queue_unacknowledged_tasks_heartbeat_and_finished_tasks_are_reported(client, settings, broker):
    settings.METRICS_TOKEN = TOKEN
    broker.rpush("celery", b"{}", b"{}")  # two messages waiting in the default queue
    broker.hset("unacked", "tag-1", b"{}")  # one taken by a worker
    worker_health.record_heartbeat()
    series = 'socialebasis_celery_tasks_total{state="SUCCESS",task="directory.review_freshness"}'
    before = value(scrape(client).content.decode(), series)
    review_freshness.apply()  # the task's own code and signals, as in the worker
    text = scrape(client).content.decode()
    assert value(text, "socialebasis_broker_up") == 1
    assert value(text, 'socialebasis_celery_queue_length{queue="celery"}') == 2
    assert value(text, "socialebasis_celery_tasks_unacknowledged") == 1
    assert 0 <= value(text, "socialebasis_worker_heartbeat_age_seconds") < 5
    assert value(text, series) - before == 1


def test_an_unreachable_broker_is_reported_as_down_not_as_an_empty_queue(client, settings):
    settings.METRICS_TOKEN = TOKEN
    settings.CELERY_TASK_ALWAYS_EAGER = False
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:1/1"  # nothing listens on port 1
    text = scrape(client).content.decode()
    assert value(text, "socialebasis_broker_up") == 0 and "socialebasis_broker_up 0.0" in text
    assert "socialebasis_celery_queue_length" not in text
