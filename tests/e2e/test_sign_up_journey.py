"""A resident signs up in the browser, confirms the link from the e-mail (through a real SMTP server) and signs in;
every page is axe-clean, with JavaScript and without."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e

PASSWORD = "fietsen langs de maas in mei"


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_a_resident_signs_up_confirms_and_signs_in(site, new_page, assert_accessible, smtp_server, javascript):
    page = new_page(javascript=javascript)
    page.goto(f"{site}/")
    with page.expect_navigation():
        page.locator("header").get_by_role("link", name="Aanmelden").click()
    expect(page.locator("h1")).to_have_text("Aanmelden")
    assert_accessible(page)

    main = page.locator("main")
    main.get_by_label("E-mailadres").fill("anna@example.nl")
    main.get_by_label("Wachtwoord", exact=True).fill(PASSWORD)
    main.get_by_label("Wachtwoord nog een keer").fill("iets anders")
    main.get_by_label("Gemeente waar u woont").select_option(label="Heusden")
    main.get_by_label("Postcode (mag leeg blijven)").fill("5251 AB")
    with page.expect_navigation():
        main.get_by_role("button", name="Aanmelden").click()
    expect(main.get_by_role("alert")).to_contain_text("De twee wachtwoorden zijn niet hetzelfde.")
    expect(main.get_by_role("alert")).to_contain_text("privacyverklaring")  # the unticked agreement too
    assert_accessible(page)

    main.get_by_label("Wachtwoord", exact=True).fill(PASSWORD)
    main.get_by_label("Wachtwoord nog een keer").fill(PASSWORD)
    main.get_by_label("Ik heb de privacyverklaring").check()
    with page.expect_navigation():
        main.get_by_role("button", name="Aanmelden").click()
    expect(page.locator("h1")).to_have_text("Kijk in uw e-mail")
    assert_accessible(page)

    (mail,) = smtp_server.wait_for(1)
    link = re.search(r"https://sociale-basis\.example\.nl(/account/bevestigen/\S+/)", mail.get_content()).group(1)
    page.goto(f"{site}{link}")
    assert_accessible(page)
    with page.expect_navigation():
        main.get_by_role("button", name="Mijn e-mailadres bevestigen").click()
    expect(main).to_contain_text("Uw e-mailadres is bevestigd.")

    main.get_by_label("E-mailadres of gebruikersnaam").fill("anna@example.nl")
    main.get_by_label("Wachtwoord").fill(PASSWORD)
    with page.expect_navigation():
        main.get_by_role("button", name="Inloggen").click()
    expect(page.locator("h1")).to_have_text("Mijn account")
    expect(main).to_contain_text("Heusden")
    assert_accessible(page)
