import pytest
from django_otp.oath import TOTP

from socialebasis.accounts.tests.factories import PASSWORD, TOTPDeviceFactory

pytestmark = pytest.mark.django_db


def _code(device) -> str:
    return f"{TOTP(device.bin_key, device.step, device.t0, device.digits).token():06d}"


def _login(client, user):
    return client.post("/account/inloggen/", {"username": user.username, "password": PASSWORD})


def test_staff_must_confirm_a_second_factor_before_anything_else(client, user_factory):
    officer = user_factory(policy_officer=True)
    device = TOTPDeviceFactory(user=officer)
    response = _login(client, officer)
    assert response.status_code == 302
    # Every page and the API stay closed until the code is given.
    assert client.get("/account/").url.startswith("/account/controle/")
    api = client.get("/api/v1/divisions")
    assert api.status_code == 403
    assert api["Content-Type"] == "application/problem+json"

    wrong = client.post("/account/controle/", {"token": "000000" if _code(device) != "000000" else "111111"})
    assert "klopt niet" in wrong.content.decode()
    assert client.get("/account/").status_code == 302

    # django-otp makes the next try wait after a wrong code (1 s, then doubling); we do not sleep here.
    device.refresh_from_db()
    device.throttle_reset()
    right = client.post("/account/controle/", {"token": _code(device), "next": "/account/"})
    assert right.url == "/account/"
    assert client.get("/account/").status_code == 200
    assert client.get("/api/v1/divisions").status_code == 200


def test_staff_without_a_device_are_sent_to_set_one_up(client, user_factory):
    professional = user_factory(professional=True)
    _login(client, professional)
    assert client.get("/account/controle/").url == "/account/tweede-stap/"
    page = client.get("/account/tweede-stap/")
    assert page.status_code == 200
    assert "<svg" in page.content.decode()
    device = professional.totpdevice_set.get(confirmed=False)
    confirmed = client.post("/account/tweede-stap/", {"token": _code(device)})
    assert confirmed.url == "/account/"
    device.refresh_from_db()
    assert device.confirmed


def test_residents_need_no_second_factor(client, user_factory):
    resident = user_factory()
    _login(client, resident)
    assert client.get("/account/").status_code == 200


def test_demo_code_is_never_shown_outside_the_demo(client, user_factory, settings):
    from socialebasis.accounts.services import DEMO_TOTP_KEY

    settings.DEMO_MODE = False
    officer = user_factory(policy_officer=True)
    device = TOTPDeviceFactory(user=officer, key=DEMO_TOTP_KEY)
    _login(client, officer)
    page = client.get("/account/controle/").content.decode()
    assert _code(device) not in page
    assert "sb-demo-code" not in page

    settings.DEMO_MODE = True
    assert _code(device) in client.get("/account/controle/").content.decode()
