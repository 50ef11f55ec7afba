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
        with socket.socket() as sock:  # a port that was free a moment ago: nothing listens there
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        return f"postgres://postgres@127.0.0.1:{port}/socialebasis"
    return "sqlite:////nonexistent-folder/socialebasis.sqlite3"


def test_every_request_answers_503_with_retry_after_when_the_database_is_unreachable():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "socialebasis.conf.test",
        "DATABASE_URL": _unreachable_database_url(),
    }
    out = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result.pop("/healthz")[0] == 200
    # The login form itself needs no database; sending it does.
    assert result.pop("/account/inloggen/")[0] == 200
    for path, (status, retry_after, content_type) in result.items():
        assert (path, status) == (path, 503)
        assert retry_after == "30"
        if path.startswith("/api/") or path == "/readyz":
            assert content_type == "application/problem+json"
