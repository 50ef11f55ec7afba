"""Signing in, out, the second step and a forgotten password: every page and error state passes axe-core.

People sign in through the login form in the browser, so that django-axes sees real requests.
"""

import re
from urllib.parse import urlsplit

import pytest
from django.core import mail
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e

NEW_PASSWORD = "paarse-olifant-fietst-naar-Drunen"
CODE_HELP = "Zes cijfers. De code verandert elke 30 seconden."
ONLY_DIGITS = "De code bestaat alleen uit cijfers."


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


def test_professional_without_device_sets_up_second_step(site, page, sign_in, assert_accessible, user_factory):
    user_factory(username="medewerker", professional=True)
    sign_in(page, "medewerker")
    expect(page).to_have_url(re.compile(r"/account/tweede-stap/$"))
    expect(page.locator(".sb-qr svg")).to_be_visible()
    assert_accessible(page)

    code_field = page.locator("main").get_by_label("Code uit uw authenticator-app")
    expect(code_field).to_have_accessible_description(CODE_HELP)
    code_field.fill("abcdef")
    submit(page, "Bevestigen")
    # A screen reader hears the error and the help when it reaches the field.
    expect(code_field).to_have_accessible_description(f"{CODE_HELP} {ONLY_DIGITS}")
    expect(code_field).to_have_attribute("aria-invalid", "true")
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
    expect(code_field).to_have_accessible_description(CODE_HELP)
    code_field.fill("abcdef")
    submit(page, "Bevestigen")
    expect(code_field).to_have_accessible_description(f"{CODE_HELP} {ONLY_DIGITS}")
    assert_accessible(page)

    code_field.fill(services.current_code(device))
    submit(page, "Bevestigen")
    expect(page).to_have_url(f"{site}/account/")
    expect(page.locator("main")).to_contain_text("Bevestigd voor deze sessie")


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
