"""A resident's own data and deleting the account, and the register for policy officers: axe-clean, with and without
JavaScript, reached from "Mijn account"."""

import pytest
from playwright.sync_api import expect

from socialebasis.accounts.tests.factories import PASSWORD

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_a_resident_finds_their_data_and_deletes_their_account(
    site, new_page, sign_in, assert_accessible, user_factory, javascript
):
    from socialebasis.accounts.models import User
    from socialebasis.directory.models import SavedSearch

    resident = user_factory(username="bewoner", email="bewoner@example.nl")
    SavedSearch.objects.create(owner=resident, name="Koffie in de buurt", query="q=koffie")
    page = new_page(javascript=javascript)
    sign_in(page, "bewoner")

    with page.expect_navigation():
        page.locator("main").get_by_role("link", name="Bekijk of download wat wij over u bewaren").click()
    expect(page.locator("h1")).to_have_text("Mijn gegevens")
    expect(page.locator("main")).to_contain_text("Koffie in de buurt")
    assert_accessible(page)

    with page.expect_navigation():
        page.locator("main").get_by_role("link", name="Mijn account verwijderen").click()
    assert_accessible(page)
    page.locator("main").get_by_label("Uw wachtwoord").fill("niet-goed")
    with page.expect_navigation():
        page.locator("main").get_by_role("button", name="Mijn account definitief verwijderen").click()
    expect(page.locator("main")).to_contain_text("Dit wachtwoord is niet goed.")
    assert_accessible(page)

    page.locator("main").get_by_label("Uw wachtwoord").fill(PASSWORD)
    with page.expect_navigation():
        page.locator("main").get_by_role("button", name="Mijn account definitief verwijderen").click()
    expect(page.locator("main")).to_contain_text("Uw account en uw gegevens zijn verwijderd.")
    assert not User.objects.filter(username="bewoner").exists()
    assert_accessible(page)


def test_the_register_page_for_a_policy_officer(site, page, assert_accessible, user_factory, signed_in_as):
    officer = user_factory(username="beleid", policy_officer=True)
    signed_in_as(page, officer, second_factor=True)
    page.goto(f"{site}/account/verwerkingsregister/")
    expect(page.locator("h1")).to_have_text("Verwerkingsregister")
    expect(page.locator("main")).to_contain_text("Mislukte inlogpogingen")
    assert_accessible(page)
