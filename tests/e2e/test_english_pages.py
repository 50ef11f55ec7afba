"""The language button in the header switches the site to English; the English pages pass axe-core too."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e


def test_switching_to_english_and_back(site, page, assert_accessible):
    page.goto(f"{site}/")
    with page.expect_navigation():
        page.locator("header").get_by_role("button", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("h1")).to_have_text("The sociale basis, wijk by wijk")
    expect(page.locator(".utrecht-skip-link")).to_have_text("Skip to content")
    assert_accessible(page)

    with page.expect_navigation():
        page.locator("main").get_by_role("link", name="Heusden").click()
    expect(page.locator("h1")).to_have_text("Municipality Heusden")
    expect(page.locator("#area-map")).to_have_attribute("aria-label", "Map of the wijken")
    expect(page.locator("#area-map").get_by_role("button", name="Zoom in")).to_be_visible()
    expect(page.locator("#area-map-status")).to_have_text(
        "The background map cannot be loaded. The wijk boundaries are still shown."
    )
    assert_accessible(page)

    with page.expect_navigation():
        page.locator("header").get_by_role("button", name="Nederlands").click()
    expect(page).to_have_url(f"{site}/gemeenten/GM0797/")
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    expect(page.locator("h1")).to_have_text("Gemeente Heusden")
