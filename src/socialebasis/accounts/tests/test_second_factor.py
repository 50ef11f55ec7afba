"""The second step: it cannot be skipped, an app is linked only with the second step or an administrator's link,
the owner hears of every change, and recovery codes get a member of staff in without their phone."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from socialebasis.accounts import services
from socialebasis.accounts.models import EnrolmentLink
from socialebasis.accounts.tests.factories import PASSWORD, TOTPDeviceFactory
from socialebasis.audit.models import AuditEvent
from socialebasis.notifications.models import Message

pytestmark = pytest.mark.django_db


def _code(device) -> str:
    return f"{TOTP(device.bin_key, device.step, device.t0, device.digits).token():06d}"


def _login(client, user, **extra):
    return client.post("/account/inloggen/", {"username": user.username, "password": PASSWORD, **extra})


def _notices(user) -> list[str]:
    return [m.body for m in Message.objects.filter(recipient=user, kind="account.security").order_by("pk")]


def _events(user) -> list[str]:
    return [e.details.get("event") for e in AuditEvent.objects.filter(actor=user).order_by("pk") if e.details]


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

    # The right code straight after a mistyped one is accepted (no waiting, no reset of the throttle here).
    before = client.session.session_key
    right = client.post("/account/controle/", {"token": _code(device), "next": "/account/"})
    assert right.url == "/account/"
    assert client.get("/account/").status_code == 200
    assert client.get("/api/v1/divisions").status_code == 200
    # A session key someone saw before the second step is worth nothing after it.
    assert client.session.session_key != before


def test_staff_with_only_a_password_cannot_link_an_app_of_their_own(client, user_factory):
    professional = user_factory(professional=True)
    _login(client, professional)
    assert client.get("/account/controle/").url == "/account/tweede-stap/"
    page = client.get("/account/tweede-stap/")
    assert page.status_code == 403
    assert "Vraag uw beheerder om een koppellink" in page.content.decode()
    assert "<svg" not in page.content.decode()
    assert not TOTPDevice.objects.filter(user=professional).exists()
    # Even with a device made behind the page's back, confirming it is refused.
    device = TOTPDevice.objects.create(user=professional, name="Aanvaller", confirmed=False)
    assert client.post("/account/tweede-stap/", {"token": _code(device)}).status_code == 403
    device.refresh_from_db()
    assert not device.confirmed
    assert client.get("/beheer/").status_code == 302
    assert client.get("/account/").url.startswith("/account/controle/")
    assert not AuditEvent.objects.filter(object_type="otp_totp.totpdevice").exists()


def test_an_enrolment_link_lets_its_user_link_an_app_after_the_password_step(client, user_factory):
    administrator = user_factory(administrator=True)
    professional = user_factory(professional=True, email="pro@example.nl")
    token = services.create_enrolment_link(professional, actor=administrator, via="admin")
    link = EnrolmentLink.objects.get(user=professional)
    assert token not in link.token_hash and link.created_by == administrator
    assert link.expires_at - link.created_at == timedelta(hours=72)
    assert AuditEvent.objects.filter(actor=administrator, object_type="accounts.enrolmentlink").exists()
    path = services.enrolment_path(token)

    # Not signed in: first the password, then on to the link.
    opened = client.get(path)
    assert opened.url.startswith("/account/inloggen/?next=")
    after_login = _login(client, professional, next=path)
    assert after_login.url == path
    assert client.get(path).url == "/account/tweede-stap/"
    page = client.get("/account/tweede-stap/")
    assert page.status_code == 200 and "<svg" in page.content.decode()
    device = professional.totpdevice_set.get(confirmed=False)

    before = client.session.session_key
    confirmed = client.post("/account/tweede-stap/", {"token": _code(device)})
    assert confirmed.url == "/account/herstelcodes/"
    device.refresh_from_db()
    assert device.confirmed
    assert client.session.session_key != before
    assert client.get("/account/").status_code == 200  # signed in with both steps now

    # The ten recovery codes are shown once.
    codes_page = client.get("/account/herstelcodes/").content.decode()
    codes = list(StaticToken.objects.filter(device__user=professional).values_list("token", flat=True))
    assert len(codes) == 10 and all(code in codes_page for code in codes)
    assert not any(code in client.get("/account/herstelcodes/").content.decode() for code in codes)

    link.refresh_from_db()
    assert link.used_at is not None
    assert _events(professional) == ["authenticator_linked", "recovery_codes_made"]
    assert len(_notices(professional)) == 2
    assert "authenticator-app gekoppeld" in _notices(professional)[0]

    # Once only.
    client.logout()
    _login(client, professional, next=path)
    assert client.get(path).status_code == 404


def test_an_enrolment_link_works_only_for_its_own_user_and_only_until_it_expires(client, user_factory):
    owner = user_factory(professional=True)
    other = user_factory(professional=True)
    token = services.create_enrolment_link(owner, actor=None, via="command")
    _login(client, other)
    refused = client.get(services.enrolment_path(token))
    assert refused.status_code == 404
    assert "werkt niet" in refused.content.decode()
    assert client.get("/account/tweede-stap/").status_code == 403

    client.logout()
    EnrolmentLink.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    _login(client, owner)
    assert client.get(services.enrolment_path(token)).status_code == 404


def test_a_link_opened_and_then_expired_no_longer_allows_linking(client, user_factory):
    professional = user_factory(professional=True)
    token = services.create_enrolment_link(professional, actor=None, via="command")
    _login(client, professional)
    client.get(services.enrolment_path(token))
    client.get("/account/tweede-stap/")
    device = professional.totpdevice_set.get(confirmed=False)
    EnrolmentLink.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    assert client.post("/account/tweede-stap/", {"token": _code(device)}).status_code == 403
    device.refresh_from_db()
    assert not device.confirmed


def test_a_new_link_replaces_an_unused_one(user_factory):
    professional = user_factory(professional=True)
    first = services.create_enrolment_link(professional, actor=None, via="command")
    services.create_enrolment_link(professional, actor=None, via="command")
    assert services.valid_enrolment_link(professional, token=first) is None


def test_after_the_second_step_staff_may_replace_their_app_and_the_owner_hears_of_it(client, user_factory, verified):
    officer = user_factory(policy_officer=True)
    old = verified(client, officer)
    page = client.get("/account/tweede-stap/")
    assert page.status_code == 200
    new = officer.totpdevice_set.get(confirmed=False)
    assert client.post("/account/tweede-stap/", {"token": _code(new)}).url == "/account/herstelcodes/"
    assert list(TOTPDevice.objects.filter(user=officer)) == [new]
    assert not TOTPDevice.objects.filter(pk=old.pk).exists()
    assert _events(officer) == ["authenticator_removed", "authenticator_linked", "recovery_codes_made"]
    assert any("verwijderd" in notice for notice in _notices(officer))


def test_recovery_codes_sign_in_once_and_the_owner_hears_of_it(client, user_factory):
    officer = user_factory(policy_officer=True)
    TOTPDeviceFactory(user=officer)
    code = services.make_recovery_codes(officer)[0]
    _login(client, officer)
    used = client.post("/account/controle/", {"token": code.upper()[:4] + "-" + code[4:], "next": "/account/"})
    # Signed in; asked to link a new app in case the phone is lost.
    assert used.url.startswith("/account/tweede-stap/")
    assert client.get("/account/").status_code == 200
    assert services.recovery_codes_left(officer) == 9
    assert _events(officer)[-1] == "recovery_code_used"
    assert "herstelcode" in _notices(officer)[-1]

    client.logout()
    _login(client, officer)
    again = client.post("/account/controle/", {"token": code})
    assert "klopt niet" in again.content.decode()


def test_recovery_codes_are_renewed_only_after_the_second_step(client, user_factory, verified):
    officer = user_factory(policy_officer=True)
    _login(client, officer)
    assert client.post("/account/herstelcodes/").status_code == 302
    assert not StaticToken.objects.exists()

    client.logout()
    verified(client, officer)
    assert client.post("/account/herstelcodes/").url == "/account/herstelcodes/"
    assert services.recovery_codes_left(officer) == 10
    assert "10 herstelcodes" in client.get("/account/herstelcodes/").content.decode()


def test_the_enrolment_link_command_prints_a_link_and_refuses_unknown_names(user_factory, settings):
    settings.SITE_URL = "https://sociale-basis.example"
    professional = user_factory(professional=True, username="pro")
    out = StringIO()
    call_command("enrolment_link", "pro", stdout=out, stderr=StringIO())
    token = out.getvalue().strip().rsplit("/", 2)[-2]
    assert out.getvalue().startswith("https://sociale-basis.example/account/tweede-stap/koppelen/")
    assert services.valid_enrolment_link(professional, token=token) is not None
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="geen account"):
        call_command("enrolment_link", "niemand")


def test_administrators_make_enrolment_links_in_the_admin(client, user_factory, verified):
    administrator = user_factory(administrator=True)
    professional = user_factory(professional=True)
    verified(client, administrator)
    change = client.get(f"/beheer/accounts/user/{professional.pk}/change/")
    assert f"/beheer/accounts/user/{professional.pk}/koppellink/" in change.content.decode()
    made = client.post(f"/beheer/accounts/user/{professional.pk}/koppellink/")
    assert made.status_code == 200
    assert "/account/tweede-stap/koppelen/" in made.content.decode()
    assert EnrolmentLink.objects.get(user=professional).created_by == administrator

    removed = client.post(
        "/beheer/accounts/user/",
        {"action": "remove_second_step", "_selected_action": [administrator.pk]},
    )
    assert removed.status_code == 302
    assert not TOTPDevice.objects.filter(user=administrator).exists()


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


def _wrong(device) -> str:
    return "000000" if _code(device) != "000000" else "111111"


def test_the_right_code_after_two_mistyped_ones_signs_in_at_once(client, user_factory):
    officer = user_factory(professional=True)
    device = TOTPDeviceFactory(user=officer)
    _login(client, officer)
    for _attempt in range(services.FREE_TRIES - 1):
        assert "klopt niet" in client.post("/account/controle/", {"token": _wrong(device)}).content.decode()
    right = client.post("/account/controle/", {"token": _code(device), "next": "/account/"})
    assert right.status_code == 302 and right.url == "/account/"
    device.refresh_from_db()
    assert device.throttling_failure_count == 0


def test_repeated_wrong_codes_still_lock_the_second_step_for_a_while(client, user_factory):
    officer = user_factory(professional=True)
    device = TOTPDeviceFactory(user=officer)
    _login(client, officer)
    for _attempt in range(services.FREE_TRIES):
        page = client.post("/account/controle/", {"token": _wrong(device)}).content.decode()
    assert "Te veel verkeerde codes. Wacht 4 seconden" in page
    refused = client.post("/account/controle/", {"token": _code(device), "next": "/account/"})
    assert refused.status_code == 200 and "Te veel verkeerde codes" in refused.content.decode()
    assert client.get("/account/").url.startswith("/account/controle/")
    # Once the waiting time has passed, the right code works.
    device.refresh_from_db()
    TOTPDevice.objects.filter(pk=device.pk).update(
        throttling_failure_timestamp=device.throttling_failure_timestamp - timedelta(seconds=5)
    )
    right = client.post("/account/controle/", {"token": _code(device), "next": "/account/"})
    assert right.status_code == 302 and right.url == "/account/"
