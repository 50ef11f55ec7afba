import json
import os
import socket
import subprocess
import sys

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
    for path, (status, retry_after, content_type) in result.items():
        assert (path, status) == (path, 503)
        assert retry_after == "30"
        if path.startswith("/api/") or path == "/readyz":
            assert content_type == "application/problem+json"


def test_api_and_readyz_answer_503_when_the_configured_redis_is_unreachable(tmp_path):
    # A working, migrated database, so that only the shared cache is missing.
    database_url = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "socialebasis.conf.test", "DATABASE_URL": database_url}
    subprocess.run([sys.executable, "manage.py", "migrate", "-v", "0"], cwd=settings.BASE_DIR, env=env, check=True)
    assert _probe(DATABASE_URL=database_url)["/api/v1/municipalities"][0] == 200

    result = _probe(DATABASE_URL=database_url, REDIS_URL=f"redis://127.0.0.1:{_closed_port()}/0")
    assert result["/healthz"][0] == 200
    assert result["/readyz"][:2] == [503, "30"]
    # Throttling counts API calls in the cache, so the API cannot answer without it.
    assert result["/api/v1/municipalities"][:2] == [503, "30"]
