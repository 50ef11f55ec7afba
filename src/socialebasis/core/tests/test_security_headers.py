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


@pytest.mark.parametrize(
    "path", ["/", "/gemeenten/GM0797/", "/api/v1/municipalities", "/healthz", "/readyz", "/bestaat-niet/"]
)
def test_every_answer_has_a_permissions_policy_that_denies_what_we_do_not_use(client, seed_areas, path):
    policy = client.get(path)["Permissions-Policy"]
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert f"{feature}=()" in policy


def test_no_script_of_ours_asks_for_a_feature_the_policy_denies():
    from pathlib import Path

    from django.conf import settings

    scripts = [p for p in (Path(settings.SRC_DIR)).glob("**/static/**/*.js") if "vendor" not in p.parts]
    assert scripts
    for script in scripts:
        text = script.read_text(encoding="utf-8")
        for call in ("geolocation", "getUserMedia", "PaymentRequest", "navigator.usb"):
            assert call not in text, f"{script} uses {call}: allow it in core.middleware.PERMISSIONS_POLICY"


@pytest.mark.parametrize(
    "path",
    ["/account/inloggen/", "/account/controle/", "/account/tweede-stap/", "/account/wachtwoord-vergeten/"],
)
def test_sign_in_pages_are_never_cached_even_before_signing_in(client, path):
    response = client.get(path)
    assert {"no-store", "private"} <= _directives(response)


@pytest.mark.parametrize("path", ["/", "/gemeenten/GM0797/", "/account/", "/api/v1/municipalities", "/beheer/"])
def test_every_answer_to_a_signed_in_user_is_never_cached(client, seed_areas, user_factory, verified, path):
    verified(client, user_factory(administrator=True))
    response = client.get(path)
    assert {"no-store", "private"} <= _directives(response)
    assert "public" not in _directives(response)


def _directives(response) -> set[str]:
    return {part.split("=")[0].strip() for part in response.get("Cache-Control", "").split(",")}


def test_public_pages_for_anonymous_visitors_may_still_be_cached(client, seed_areas):
    assert "no-store" not in client.get("/gemeenten/GM0797/").get("Cache-Control", "")


def test_signing_in_answers_with_no_store_as_well(client, user_factory):
    from socialebasis.accounts.tests.factories import PASSWORD

    user = user_factory()
    response = client.post("/account/inloggen/", {"username": user.username, "password": PASSWORD})
    assert response.status_code == 302
    assert {"no-store", "private"} <= _directives(response)
