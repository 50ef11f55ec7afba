import json
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
from urllib.parse import quote

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db


def test_healthz_and_readyz_answer_when_all_is_well(client):
    assert client.get("/healthz").json() == {"status": "ok"}
    assert client.get("/readyz").json() == {"status": "ok", "database": "ok"}


# Runs in a separate interpreter whose database really cannot be reached: a closed PostgreSQL port, or an
# SQLite file in a folder that does not exist. Prints status and Retry-After of each path as JSON.
PROBE = """
import json, django
django.setup()
from django.test import Client
client = Client(raise_request_exception=False)
result = {}
for path in ("/healthz", "/readyz", "/", "/gemeenten/GM0797/", "/api/v1/municipalities", "/account/inloggen/"):
    response = client.get(path)
    result[path] = [response.status_code, response.get("Retry-After"), response.get("Content-Type")]
response = client.post("/account/inloggen/", {"username": "anna", "password": "geheim-wachtwoord"})
try:
    result["/readyz body"] = client.get("/readyz").json()
except Exception:
    result["/readyz body"] = None
result["POST /account/inloggen/"] = [response.status_code, response.get("Retry-After"), response.get("Content-Type")]
print(json.dumps(result))
"""


def _unreachable_database_url() -> str:
    if settings.DATABASES["default"]["ENGINE"].endswith("postgresql"):
        return f"postgres://postgres@127.0.0.1:{_closed_port()}/socialebasis"
    return "sqlite:////nonexistent-folder/socialebasis.sqlite3"


def _probe(**env_overrides) -> dict:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "socialebasis.conf.test", **env_overrides}
    out = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout.strip().splitlines()[-1])


def _closed_port() -> int:
    with socket.socket() as sock:  # a port that was free a moment ago: nothing listens there
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_every_request_answers_503_with_retry_after_when_the_database_is_unreachable():
    result = _probe(DATABASE_URL=_unreachable_database_url())
    assert result.pop("/healthz")[0] == 200
    # The login form itself needs no database; sending it does.
    assert result.pop("/account/inloggen/")[0] == 200
    result.pop("/readyz body")
    for path, (status, retry_after, content_type) in result.items():
        assert (path, status) == (path, 503)
        assert retry_after == "30"
        if path.startswith("/api/") or path == "/readyz":
            assert content_type == "application/problem+json"


@pytest.fixture(scope="module")
def _database_copy(django_db_setup, django_db_blocker, tmp_path_factory):
    """A copy of this test process's migrated, empty test database, made once for the module instead of a migration
    run of its own (about 25 s on two cores). A copy, because the probes write (a failed sign-in is recorded) and the
    test database must stay as the other tests expect it. SQLite: the in-memory database backed up to a file;
    PostgreSQL: a database made from it as a template, with this process's connection closed for that moment."""
    from django.db import connection, connections

    with django_db_blocker.unblock():
        if connection.vendor == "sqlite":
            path = tmp_path_factory.mktemp("migrated") / "db.sqlite3"
            connection.ensure_connection()
            with sqlite3.connect(path) as target:
                connection.connection.backup(target)
            yield path
            return
        import psycopg

        db = connection.settings_dict
        copy = f"{db['NAME']}_probe"
        server = {"host": db["HOST"], "port": db["PORT"], "user": db["USER"], "password": db["PASSWORD"]}
        server = {key: value for key, value in server.items() if value}
        connections.close_all()
        with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{copy}"')
            admin.execute(f'CREATE DATABASE "{copy}" TEMPLATE "{db["NAME"]}"')
        login = quote(db["USER"]) + (f":{quote(db['PASSWORD'])}" if db["PASSWORD"] else "")
        yield f"postgres://{login}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{copy}"
        with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{copy}"')


@pytest.fixture
def migrated_database(_database_copy, tmp_path) -> str:
    """A working, migrated database of the probe's own, so that only the shared cache is in question (a file copy
    per test on SQLite)."""
    if isinstance(_database_copy, str):
        return _database_copy
    copy = tmp_path / "db.sqlite3"
    shutil.copyfile(_database_copy, copy)
    return f"sqlite:///{copy}"


def test_the_api_keeps_answering_and_readyz_says_degraded_when_the_configured_redis_is_unreachable(migrated_database):
    result = _probe(DATABASE_URL=migrated_database, REDIS_URL=f"redis://127.0.0.1:{_closed_port()}/0")
    assert result["/healthz"][0] == 200
    # The database decides readiness; the missing cache only costs the quotas for a while (ADR 0020).
    assert result["/readyz"][0] == 200
    assert result["/readyz body"] == {"status": "degraded", "database": "ok", "cache": "unavailable"}
    assert result["/api/v1/municipalities"][0] == 200
    assert result["/"][0] == 200


REDIS_TEST_URL = "redis://127.0.0.1:6379/7"


@pytest.fixture
def test_redis():
    """Database 7 of the local Redis, emptied before and after."""
    import redis

    client = redis.Redis.from_url(REDIS_TEST_URL, socket_connect_timeout=2)
    try:
        client.flushdb()
    except redis.exceptions.ConnectionError:
        pytest.fail("Redis is not running on 127.0.0.1:6379 (make system-deps).")
    yield client
    client.flushdb()


def test_readyz_says_ok_and_quotas_are_counted_in_a_reachable_redis(migrated_database, test_redis):
    result = _probe(DATABASE_URL=migrated_database, REDIS_URL=REDIS_TEST_URL)
    assert result["/readyz"][0] == 200
    assert result["/readyz body"] == {"status": "ok", "database": "ok", "cache": "ok"}
    assert any(b"throttle_anon" in key for key in test_redis.scan_iter())


@pytest.fixture
def frozen_database():
    """A TCP server on 127.0.0.1 that accepts connections and never says a word: a database that froze."""
    import threading

    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    held = []
    stop = threading.Event()

    def accept():
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                held.append(server.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield server.getsockname()[1]
    stop.set()
    thread.join()
    for connection in held:
        connection.close()
    server.close()


FROZEN_PROBE = """
import json, django
django.setup()
from django.test import Client
client = Client(raise_request_exception=False)
result = {}
for path in ("/readyz", "/gemeenten/GM0797/", "/api/v1/municipalities"):
    response = client.get(path)
    result[path] = [response.status_code, response.get("Retry-After")]
print(json.dumps(result))
"""


def test_a_frozen_database_gives_503_instead_of_holding_the_request(frozen_database):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "socialebasis.conf.test",
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:{frozen_database}/socialebasis",
        "DB_CONNECT_TIMEOUT": "2",
    }
    # The overall timeout only guards the suite against a hang; it is generous and not what is being tested.
    out = subprocess.run([sys.executable, "-c", FROZEN_PROBE], env=env, capture_output=True, text=True, timeout=180)
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result == {path: [503, "30"] for path in ("/readyz", "/gemeenten/GM0797/", "/api/v1/municipalities")}


def test_database_connections_carry_the_connect_and_statement_timeouts():
    code = "import json, socialebasis.conf.production as p;print(json.dumps(p.DATABASES['default'].get('OPTIONS', {})))"
    env = {**os.environ, "SECRET_KEY": "x" * 50, "DATABASE_URL": "postgres://app@db.invalid/socialebasis"}
    env.update(DB_CONNECT_TIMEOUT="4", DB_STATEMENT_TIMEOUT_MS="15000")
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    options = json.loads(out.stdout)
    assert options["connect_timeout"] == 4
    assert options["options"] == "-c statement_timeout=15000"
    assert options["keepalives"] == 1 and options["tcp_user_timeout"] > 0
