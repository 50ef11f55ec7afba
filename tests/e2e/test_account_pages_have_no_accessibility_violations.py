"""Signing in, out, the second step and a forgotten password: every page and error state passes axe-core.

People sign in through the login form in the browser, so that django-axes sees real requests.
"""

import re
from urllib.parse import urlsplit

import pytest
from django.core import mail
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e

PASSWORD = "correct-horse-battery-staple"
NEW_PASSWORD = "paarse-olifant-fietst-naar-Drunen"
CODE_HELP = "Zes cijfers. De code verandert elke 30 seconden."
ONLY_DIGITS = "De code bestaat alleen uit cijfers."
VERIFY_HELP = f"{CODE_HELP} Telefoon kwijt? Vul dan een van uw herstelcodes in."
NOT_A_CODE = "Vul de zes cijfers uit uw app in, of een herstelcode van acht letters en cijfers."


def submit(page, button_name):
    with page.expect_navigation():
        page.locator("main").get_by_role("button", name=button_name).click()


def test_failed_login_shows_an_accessible_error(site, page, assert_accessible, user_factory):
    user_factory(username="bewoner")
    page.goto(f"{site}/account/inloggen/")
    assert_accessible(page)

    main = page.locator("main")
    main.get_by_label("Gebruikersnaam").fill("bewoner")
    main.get_by_label("Wachtwoord").fill("niet-het-goede-wachtwoord")
    submit(page, "Inloggen")

    expect(main.get_by_role("alert")).to_contain_text("De gebruikersnaam of het wachtwoord klopt niet")
    assert_accessible(page)


def test_resident_sees_account_page_and_signed_out_page(site, page, sign_in, assert_accessible, user_factory):
    user_factory(username="bewoner")
    sign_in(page, "bewoner")
    expect(page).to_have_url(f"{site}/account/")
    expect(page.locator("main")).to_contain_text("bewoner")
    assert_accessible(page)

    with page.expect_navigation():
        page.locator("header").get_by_role("button", name="Uitloggen").click()
    expect(page.locator("h1")).to_have_text("U bent uitgelogd")
    expect(page.locator("header").get_by_role("link", name="Inloggen")).to_be_visible()
    assert_accessible(page)


def test_professional_without_device_is_asked_to_get_an_enrolment_link(
    site, page, sign_in, assert_accessible, user_factory
):
    user_factory(username="medewerker", professional=True)
    sign_in(page, "medewerker")
    expect(page).to_have_url(re.compile(r"/account/tweede-stap/$"))
    expect(page.locator("h1")).to_have_text("Vraag uw beheerder om een koppellink")
    expect(page.locator(".sb-qr svg")).to_have_count(0)
    assert_accessible(page)


def test_professional_links_an_app_with_an_enrolment_link(site, page, assert_accessible, user_factory):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from socialebasis.accounts import services

    user = user_factory(username="medewerker", professional=True)
    token = services.create_enrolment_link(user, actor=None, via="command")
    # Opened before signing in: first the password, then on to linking the app.
    page.goto(site + services.enrolment_path(token))
    expect(page).to_have_url(re.compile(r"/account/inloggen/\?next="))
    main = page.locator("main")
    main.get_by_label("Gebruikersnaam").fill("medewerker")
    main.get_by_label("Wachtwoord").fill(PASSWORD)
    submit(page, "Inloggen")
    expect(page).to_have_url(re.compile(r"/account/tweede-stap/$"))
    expect(page.locator(".sb-qr svg")).to_be_visible()
    assert_accessible(page)

    code_field = main.get_by_label("Code uit uw authenticator-app")
    expect(code_field).to_have_accessible_description(CODE_HELP)
    code_field.fill("abcdef")
    submit(page, "Bevestigen")
    # A screen reader hears the error and the help when it reaches the field.
    expect(code_field).to_have_accessible_description(f"{CODE_HELP} {ONLY_DIGITS}")
    expect(code_field).to_have_attribute("aria-invalid", "true")
    assert_accessible(page)

    code_field.fill(services.current_code(TOTPDevice.objects.get(user=user, confirmed=False)))
    submit(page, "Bevestigen")
    expect(page).to_have_url(f"{site}/account/herstelcodes/")
    expect(page.locator(".sb-recovery-codes li")).to_have_count(10)
    assert_accessible(page)

    # Used up: a second visit says so, plainly.
    page.goto(site + services.enrolment_path(token))
    expect(page.locator("h1")).to_have_text("Deze link werkt niet")
    assert_accessible(page)


def test_professional_with_device_confirms_second_step(site, page, sign_in, assert_accessible, user_factory):
    from socialebasis.accounts import services
    from socialebasis.accounts.tests.factories import TOTPDeviceFactory

    user = user_factory(username="medewerker", professional=True)
    device = TOTPDeviceFactory(user=user)
    sign_in(page, "medewerker")
    expect(page).to_have_url(re.compile(r"/account/controle/\?next="))
    assert_accessible(page)

    code_field = page.locator("main").get_by_label("Code uit uw authenticator-app")
    expect(code_field).to_have_accessible_description(VERIFY_HELP)
    code_field.fill("abcdef")
    submit(page, "Bevestigen")
    expect(code_field).to_have_accessible_description(f"{VERIFY_HELP} {NOT_A_CODE}")
    assert_accessible(page)

    code_field.fill(services.current_code(device))
    submit(page, "Bevestigen")
    expect(page).to_have_url(f"{site}/account/werk/")  # staff start on their work
    assert_accessible(page)
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Mijn account").click()
    expect(page).to_have_url(f"{site}/account/")
    expect(page.locator("main")).to_contain_text("Bevestigd voor deze sessie")

    # Recovery codes on request, shown once.
    page.locator("main").get_by_role("link", name="Herstelcodes").click()
    expect(page).to_have_url(f"{site}/account/herstelcodes/")
    assert_accessible(page)
    submit(page, "Nieuwe herstelcodes maken")
    expect(page.locator(".sb-recovery-codes li")).to_have_count(10)
    assert_accessible(page)


def test_professional_signs_in_with_a_recovery_code(site, page, sign_in, assert_accessible, user_factory):
    from socialebasis.accounts import services
    from socialebasis.accounts.tests.factories import TOTPDeviceFactory

    user = user_factory(username="medewerker", professional=True)
    TOTPDeviceFactory(user=user)
    code = services.make_recovery_codes(user)[0]
    sign_in(page, "medewerker")
    page.locator("main").get_by_label("Code uit uw authenticator-app").fill(code)
    submit(page, "Bevestigen")
    # Signed in, and offered to link the app of a new phone.
    expect(page).to_have_url(re.compile(r"/account/tweede-stap/"))
    expect(page.locator(".sb-messages")).to_contain_text("herstelcode")
    assert_accessible(page)


def test_forgotten_password_pages(site, page, assert_accessible, user_factory):
    user_factory(username="bewoner", email="bewoner@example.nl")
    page.goto(f"{site}/account/wachtwoord-herstellen/MQ/ongeldige-link/")
    expect(page.locator("main")).to_contain_text("Deze link werkt niet meer")
    assert_accessible(page)

    page.goto(f"{site}/account/wachtwoord-vergeten/")
    assert_accessible(page)
    page.locator("main").get_by_label("E-mailadres").fill("bewoner@example.nl")
    submit(page, "Link versturen")
    expect(page).to_have_url(f"{site}/account/wachtwoord-vergeten/verstuurd/")
    assert_accessible(page)

    [message] = mail.outbox
    link = re.search(r"https?://\S+/account/wachtwoord-herstellen/\S+/", message.body).group(0)
    page.goto(site + urlsplit(link).path)
    main = page.locator("main")
    password = main.get_by_label("Nieuw wachtwoord", exact=True)
    confirmation = main.get_by_label("Nieuw wachtwoord bevestigen")
    password.fill(NEW_PASSWORD)
    confirmation.fill("iets-anders-dan-hierboven")
    submit(page, "Wachtwoord opslaan")
    expect(main.locator(".utrecht-form-field--invalid")).to_have_count(1)
    expect(confirmation).to_have_accessible_description(re.compile("De twee wachtwoordvelden komen niet overeen"))
    assert_accessible(page)

    # Several errors on one field: each must be announced, and no id may repeat.
    password.fill("12345678")
    confirmation.fill("12345678")
    submit(page, "Wachtwoord opslaan")
    expect(confirmation).to_have_accessible_description(re.compile("te algemeen.*alleen cijfers"))
    assert_accessible(page)

    password.fill(NEW_PASSWORD)
    confirmation.fill(NEW_PASSWORD)
    submit(page, "Wachtwoord opslaan")
    expect(page).to_have_url(f"{site}/account/wachtwoord-herstellen/klaar/")
    assert_accessible(page)
