"""Every answer carries a request id, every log line of that request carries the same id, production's JSON lines
hold no request data, and a task started by the request logs under its id (ADR 0037)."""

import io
import json
import logging
import logging.config
import os
import re
import subprocess
import sys

import pytest
import structlog
from celery.signals import before_task_publish, task_postrun, task_prerun
from django.conf import settings
from django.http import HttpResponse
from django.urls import path

from socialebasis.conf.includes.logging import logging_settings
from socialebasis.directory.tasks import review_freshness

SECRET = "Zeer-geheim-wachtwoord-4711"
SEARCH_WORDS = "schuldhulp 5261AB"


class BrokenOnPurpose(RuntimeError):
    pass


def view_that_logs(request):
    structlog.get_logger("socialebasis.test").info("looked something up", found=3)
    return HttpResponse("ok")


def view_that_breaks(request):
    password = request.POST.get("password", SECRET)  # a local variable holding a secret
    if password:
        raise BrokenOnPurpose("the view broke on purpose")
    return HttpResponse()


urlpatterns = [path("logs/", view_that_logs, name="logs"), path("breaks/", view_that_breaks)]


@pytest.fixture
def json_log(settings):
    """The production log configuration (JSON lines), writing into a buffer; the test settings' one afterwards."""
    settings.LOG_REQUESTS = True
    logging.config.dictConfig(logging_settings("json"))
    buffer = io.StringIO()
    for name in ("django", "socialebasis"):
        for handler in logging.getLogger(name).handlers:
            handler.setStream(buffer)
    yield buffer
    logging.config.dictConfig(settings.LOGGING)


def lines(buffer: io.StringIO) -> list[dict]:
    return [json.loads(line) for line in buffer.getvalue().splitlines() if line.strip()]


@pytest.mark.urls(__name__)
def test_every_json_line_of_a_request_carries_the_id_the_answer_names_and_no_query_string(client, json_log, db):
    response = client.get("/logs/", {"q": SEARCH_WORDS})
    request_id = response["X-Request-ID"]
    assert re.fullmatch(r"[0-9a-f]{32}", request_id)
    logged = lines(json_log)
    assert [line["event"] for line in logged] == ["looked something up", "request"]
    assert {line["request_id"] for line in logged} == {request_id}
    request_line = logged[-1]
    assert request_line["status"] == 200 and request_line["method"] == "GET"
    assert request_line["route"] == "logs/" and request_line["view"] == "logs"
    assert request_line["level"] == "info" and request_line["timestamp"]
    assert "schuldhulp" not in json_log.getvalue() and "5261AB" not in json_log.getvalue().upper()


def test_djangos_not_found_line_carries_the_request_id_and_nothing_is_left_bound_afterwards(client, json_log, db):
    response = client.get("/does-not-exist/")
    assert response.status_code == 404
    (warning,) = [line for line in lines(json_log) if line["logger"] == "django.request"]
    assert warning["event"] == "Not Found: /does-not-exist/"
    assert warning["request_id"] == response["X-Request-ID"]
    assert "request_id" not in structlog.contextvars.get_contextvars()


@pytest.mark.urls(__name__)
def test_two_requests_get_two_ids(client):
    assert client.get("/logs/")["X-Request-ID"] != client.get("/logs/")["X-Request-ID"]


@pytest.mark.urls(__name__)
def test_the_proxys_request_id_is_used_only_when_the_settings_trust_the_proxy(client, settings):
    given = "0f8e1c2d3b4a59687766554433221100"
    settings.REQUEST_ID_FROM_PROXY = False
    assert client.get("/logs/", headers={"X-Request-ID": given})["X-Request-ID"] != given
    settings.REQUEST_ID_FROM_PROXY = True
    assert client.get("/logs/", headers={"X-Request-ID": given})["X-Request-ID"] == given
    # Anything but a short token (here: a line break to forge a log line, and a very long value) is replaced.
    for forged in ('abc\n{"event": "forged"}', "a" * 500):
        assert client.get("/logs/", headers={"X-Request-ID": forged})["X-Request-ID"] != forged


@pytest.mark.urls(__name__)
def test_a_json_error_line_has_the_traceback_and_request_id_but_no_local_variables(client, json_log, db):
    client.raise_request_exception = False
    response = client.post("/breaks/", {"password": SECRET})
    assert response.status_code == 500
    (error,) = [line for line in lines(json_log) if line["level"] == "error"]
    assert error["logger"] == "django.request"
    assert error["request_id"] == response["X-Request-ID"]
    assert "BrokenOnPurpose: the view broke on purpose" in error["exception"]
    assert "view_that_breaks" in error["exception"]
    assert SECRET not in json_log.getvalue()


def test_a_task_sent_during_a_request_carries_its_request_id_in_the_message_headers():
    headers: dict = {}
    with structlog.contextvars.bound_contextvars(request_id="req-1234567890"):
        before_task_publish.send(sender="directory.review_freshness", body=(), headers=headers)
    assert headers["request_id"] == "req-1234567890"
    outside: dict = {}
    before_task_publish.send(sender="directory.review_freshness", body=(), headers=outside)
    assert "request_id" not in outside


def test_a_task_logs_its_outcome_under_the_request_id_of_its_message(json_log, db):
    task = review_freshness
    # As the worker runs it: the message's headers are the task's request (request_id among them).
    task.push_request(id="task-1", request_id="req-from-the-web-0001")
    try:
        task_prerun.send(sender=task, task_id="task-1", task=task, args=(), kwargs={})
        structlog.get_logger("socialebasis.test").info("inside the task")
        task_postrun.send(sender=task, task_id="task-1", task=task, args=(), kwargs={}, retval=None, state="SUCCESS")
    finally:
        task.pop_request()
    inside, done = lines(json_log)
    assert inside["request_id"] == done["request_id"] == "req-from-the-web-0001"
    assert inside["task"] == done["task"] == "directory.review_freshness"
    assert done["event"] == "task" and done["state"] == "SUCCESS"
    assert "request_id" not in structlog.contextvars.get_contextvars()  # nothing left behind for the next task


def test_production_logs_json_and_the_demo_readable_lines():
    assert settings.LOG_FORMAT == "console"  # the test settings, like the demo's
    code = "import json, socialebasis.conf.production as p; print(json.dumps([p.LOG_FORMAT, p.REQUEST_ID_FROM_PROXY]))"
    env = {name: value for name, value in os.environ.items() if name not in ("LOG_FORMAT", "REQUEST_ID_FROM_PROXY")}
    env.update(SECRET_KEY="x" * 50, DATABASE_URL="postgres://app@db.invalid/socialebasis")
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert json.loads(out.stdout) == ["json", True]
