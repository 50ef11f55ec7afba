"""Operations in the production shape (issue 18 point 7, docs/adr/0037-operations.md): gunicorn's and the worker's
log lines are JSON with the request id nginx gave, a task started by a request logs under that id, /metrics is
reachable only on gunicorn's own address with the token, and /readyz sees a lost worker through its heartbeat.

These run after the drills (the module is not in conftest's ORDER): the last one kills the worker and starts a new
one.
"""

import json
import re
import time

import pytest
import requests
from shape_client import Person

pytestmark = pytest.mark.production

SEARCH_WORDS = "schuldhulp 5261AB"


def _json_lines(path, start: int = 0) -> list[dict]:
    """The log's lines from byte `start` as JSON objects; a line that is not JSON fails the test with its text."""
    found = []
    for line in path.read_bytes()[start:].decode(errors="replace").splitlines():
        if not line.strip():
            continue
        try:
            found.append(json.loads(line))
        except ValueError:
            pytest.fail(f"{path.name}: a line that is not JSON: {line[:300]!r}")
    return found


def _until(condition, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while not (result := condition()):
        assert time.monotonic() < deadline, f"{what}: not within {timeout:.0f} s"
        time.sleep(0.25)
    return result


def test_log_lines_are_json_with_nginxs_request_id_also_in_the_task_the_request_started(shape, drill_accounts):
    began = time.monotonic()
    worker = shape.processes["worker"]
    worker_start = worker.log.stat().st_size
    person = Person(shape.session(), shape.base_url)

    search = person.get(f"/sociale-kaart/?q={SEARCH_WORDS.replace(' ', '+')}")
    assert search.status_code == 200
    request_id = search.headers["X-Request-ID"]
    assert re.fullmatch(r"[0-9a-f]{32}", request_id)  # nginx's $request_id
    # Whatever the client sends is replaced by nginx's own.
    forged = person.session.get(f"{shape.base_url}/healthz", headers={"X-Request-ID": "forged-by-a-client"}, timeout=10)
    assert re.fullmatch(r"[0-9a-f]{32}", forged.headers["X-Request-ID"])

    # A request that starts a task: the password-reset e-mail, sent by the worker (to a mail server that is not
    # there, so the task logs a warning and is retried: more lines under the same id).
    page, form = person.form("/account/wachtwoord-vergeten/", having="email")
    form.fields["email"] = "resident@example.invalid"
    sent = person.submit(form, page.url)
    assert sent.status_code == 302
    reset_id = sent.headers["X-Request-ID"]

    # Every line gunicorn's processes wrote, gunicorn's own included, from the start of the run, is JSON.
    app_lines = _json_lines(shape.processes["gunicorn"].log)

    def request_lines(of: str) -> list[dict]:
        return [line for line in app_lines if line.get("request_id") == of and line.get("event") == "request"]

    (search_line,) = request_lines(request_id)
    assert search_line["route"] == "sociale-kaart/"
    assert search_line["status"] == 200 and search_line["duration_ms"] > 0
    assert any(line.get("logger", "").startswith("gunicorn") for line in app_lines)
    assert [line["method"] for line in request_lines(reset_id)] == ["POST"]
    text = shape.processes["gunicorn"].log.read_text(errors="replace")
    # The postcode's digits count only on their own: a port ("port 55261"), a hex address or a uuid may hold them too.
    secrets = re.compile(r"schuldhulp|(?<![\w.-])5261(?![\d.-])|resident@example\.invalid", re.IGNORECASE)
    leaking = [line for line in text.splitlines() if secrets.search(_without_ids(line))]
    assert not leaking, "search words or an address in the log:\n" + "\n".join(leaking[:5])

    def task_lines():
        # The worker's log also holds Celery's own lines (its banner, "Task ... received"); ours are the JSON ones.
        lines = worker.log.read_bytes()[worker_start:].decode(errors="replace").splitlines()
        ours = [json.loads(line[line.index("{") :]) for line in lines if '"request_id"' in line]
        return [line for line in ours if line.get("request_id") == reset_id and line.get("event") == "task"]

    (task_line, *_retries) = _until(task_lines, 30, "the e-mail task's line with the request id")
    assert task_line["task"] == "notifications.send_account_mail"
    assert task_line["state"] == "RETRY"  # the mail server is not there
    shape.steps.record(
        f"logs: gunicorn's lines JSON ({len(app_lines)} lines), the request id nginx gave in the request's line and "
        "in the worker's lines of the task it started; no search words or e-mail address in the log",
        time.monotonic() - began,
    )


def _value(text: str, series: str) -> float | None:
    for line in text.splitlines():
        if line.startswith(series + " "):
            return float(line.rsplit(" ", 1)[1])
    return None


def test_metrics_only_on_gunicorns_address_with_the_token_and_all_workers_in_one_scrape(shape):
    began = time.monotonic()
    session = shape.session()
    token = {"Authorization": f"Bearer {shape.metrics_token}"}
    # Never through nginx, not even with the token.
    for headers in ({}, token):
        public = session.get(f"{shape.base_url}/metrics", headers=headers, timeout=10)
        assert public.status_code == 404 and "socialebasis_" not in public.text
    internal = requests.Session()
    internal.trust_env = False
    # On gunicorn's address without the token: what any other request there gets (here the HTTPS redirect).
    bare = internal.get(f"{shape.app_url}/metrics", timeout=10, allow_redirects=False)
    assert bare.status_code != 200 and "socialebasis_" not in bare.text

    def scrape() -> str:
        answer = internal.get(f"{shape.app_url}/metrics", headers=token, timeout=10)
        assert answer.status_code == 200
        return answer.text

    series = 'socialebasis_http_requests_total{method="GET",status="200",view="core:healthz"}'
    before = _value(scrape(), series) or 0
    for _ in range(30):  # through nginx, shared out over gunicorn's three workers
        assert session.get(f"{shape.base_url}/healthz", timeout=10).status_code == 200
    text = scrape()
    assert _value(text, series) - before == 30  # one scrape counts every worker's requests
    assert _value(text, 'socialebasis_db_query_duration_seconds_count{alias="default"}') > 0
    assert _value(text, "socialebasis_broker_up") == 1
    assert _value(text, 'socialebasis_celery_queue_length{queue="celery"}') is not None
    assert _value(text, "socialebasis_celery_tasks_unacknowledged") is not None
    assert _value(text, "socialebasis_worker_heartbeat_age_seconds") < 5
    # The freshness round ran in the earlier checks and drills.
    assert _value(text, 'socialebasis_celery_tasks_total{state="SUCCESS",task="directory.review_freshness"}') >= 1
    shape.steps.record(
        "metrics: /metrics 404 through nginx (also with the token) and without the token on gunicorn; with it, one "
        "scrape counts the requests of all three workers, the database statements, the queue and the heartbeat",
        time.monotonic() - began,
    )


def test_readyz_reports_the_worker_ok_then_stale_when_it_is_lost_and_ok_again_with_a_new_one(shape):
    session = shape.session()

    def ready() -> dict:
        answer = session.get(f"{shape.base_url}/readyz", timeout=10)
        assert answer.status_code == 200
        return answer.json()

    body = ready()
    assert (body["status"], body["database"], body["cache"], body["worker"]) == ("ok", "ok", "ok", "ok")
    began = time.monotonic()
    shape.processes["worker"].kill()
    stale = _until(lambda: (body := ready())["worker"] == "stale" and body, 30, "readyz: worker stale")
    noticed = time.monotonic() - began
    # Degraded, not unavailable: the site keeps serving, and only the alarm goes.
    assert (stale["status"], stale["database"]) == ("degraded", "ok")
    assert stale["worker_heartbeat_age_seconds"] >= 5
    restarted = time.monotonic()
    shape.start_worker().wait_for_log(" ready.", 60)
    _until(lambda: ready()["worker"] == "ok", 30, "readyz: worker ok again")
    shape.steps.record(
        f"readyz and the worker: ok; worker killed, 'stale' (degraded, 200) after {noticed:.1f} s; a new worker, "
        f"'ok' again after {time.monotonic() - restarted:.1f} s",
        time.monotonic() - began,
    )


def _without_ids(line: str) -> str:
    """A log line's words without its request id, time stamp and numbers (durations, ports, process ids), whose
    digits may hold any four digits ("…952615Z")."""
    try:
        record = json.loads(line)
    except ValueError:
        return line
    if not isinstance(record, dict):
        return line
    return json.dumps(
        {
            key: value
            for key, value in record.items()
            if key not in ("request_id", "timestamp") and not isinstance(value, int | float)
        }
    )
