import os
import subprocess
import sys

import pytest

pytestmark = pytest.mark.django_db


def test_pages_send_a_strict_content_security_policy_and_friends(client, seed_areas):
    response = client.get("/gemeenten/GM0797/")
    csp = response["Content-Security-Policy"]
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert "script-src 'self'" in csp and "style-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


def test_pages_have_no_inline_scripts_or_styles(client, seed_areas):
    html = client.get("/gemeenten/GM0797/").content.decode()
    assert " style=" not in html
    for script in html.split("<script")[1:]:
        tag = script.split(">", 1)[0]
        assert "src=" in tag or 'type="application/json"' in tag, tag


def test_production_settings_demand_https_and_secure_cookies():
    code = (
        "import socialebasis.conf.production as p;"
        "print(p.SECURE_HSTS_SECONDS, p.SESSION_COOKIE_SECURE, p.CSRF_COOKIE_SECURE, p.SECURE_SSL_REDIRECT, p.DEBUG)"
    )
    env = {**os.environ, "SECRET_KEY": "x" * 50, "DEBUG": "true"}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    hsts, session_secure, csrf_secure, redirect, debug = out.stdout.split()
    assert int(hsts) >= 31536000
    assert (session_secure, csrf_secure, redirect, debug) == ("True", "True", "True", "False")
