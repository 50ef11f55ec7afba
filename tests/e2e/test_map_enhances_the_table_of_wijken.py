"""The map only enhances: with JavaScript it draws every wijk even when no background tile loads; without
JavaScript it stays hidden and the table of wijken is complete. Either way a wijk is one click away."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e

MUNICIPALITIES = ["GM0797", "GM1961", "GM0828", "GM0668"]
TILES_FAILED = "De achtergrondkaart kan niet worden geladen. De grenzen van de wijken ziet u wel."
WIJK_URL = re.compile(r"/gemeenten/GM0797/wijken/WK0797\d\d/\?jaar=2023$")


def wijken_of(statcode: str) -> list[str]:
    from socialebasis.areas.models import District

    return list(
        District.objects.filter(municipality__statcode=statcode, year=2023)
        .order_by("statcode")
        .values_list("name", flat=True)
    )


def table_rows(page):
    return page.locator("main table tbody tr")


def open_first_wijk_from_the_table(page, site) -> None:
    with page.expect_navigation():
        table_rows(page).first.get_by_role("link", name="Wijk 01 Drunen").click()
    expect(page).to_have_url(f"{site}/gemeenten/GM0797/wijken/WK079701/?jaar=2023")
    expect(page.locator("h1")).to_have_text("Wijk 01 Drunen")


def test_map_draws_every_wijk_of_heusden_without_background_tiles(site, page):
    page.goto(f"{site}/gemeenten/GM0797/")
    area_map = page.locator("#area-map")
    expect(area_map).to_be_visible()
    expect(page.get_by_role("heading", name="Wijken op de kaart")).to_be_visible()
    expect(area_map).to_have_attribute("aria-label", "Kaart van de wijken")
    # Leaflet's own controls speak the page's language too.
    expect(area_map.get_by_role("button", name="Inzoomen")).to_be_visible()
    expect(area_map.get_by_role("button", name="Uitzoomen")).to_be_visible()
    credit = area_map.locator(".leaflet-control-attribution a", has_text="Leaflet")
    expect(credit).to_have_count(1)
    assert credit.get_attribute("title") is None  # Leaflet's own English title is gone
    # Heusden has 11 CBS wijken (2023): one shape each.
    expect(area_map.locator("path.leaflet-interactive")).to_have_count(11)
    expect(page.locator("#area-map-status")).to_have_text(TILES_FAILED)
    expect(table_rows(page)).to_have_count(11)
    expect(table_rows(page).locator("th")).to_have_text(wijken_of("GM0797"))
    open_first_wijk_from_the_table(page, site)


def test_clicking_a_wijk_on_the_map_opens_its_page_and_boundary(site, page):
    page.goto(f"{site}/gemeenten/GM0797/")
    shapes = page.locator("#area-map path.leaflet-interactive")
    expect(shapes).to_have_count(11)
    with page.expect_navigation():
        shapes.first.click(force=True)
    expect(page).to_have_url(WIJK_URL)
    # The wijk page draws that one wijk's boundary under its own heading.
    expect(page.get_by_role("heading", name="Grens op de kaart")).to_be_visible()
    expect(page.locator("#area-map path.leaflet-interactive")).to_have_count(1)


def test_without_javascript_the_map_stays_hidden_and_every_table_is_complete(site, new_page):
    page = new_page(javascript=False)
    page.goto(f"{site}/gemeenten/GM0797/wijken/WK079701/?jaar=2023")
    expect(page.locator("#area-map")).to_be_hidden()
    expect(page.get_by_role("heading", name="Grens op de kaart")).to_be_hidden()
    for statcode in MUNICIPALITIES:
        page.goto(f"{site}/gemeenten/{statcode}/")
        expect(page.locator("#area-map")).to_be_hidden()
        # Nor does a heading announce a map that is not there.
        expect(page.locator("main h2", has_text="op de kaart")).to_be_hidden()
        expect(page.locator("main h2", has_text="Wijken in 2023")).to_be_visible()
        wijken = wijken_of(statcode)
        assert wijken, f"no wijken loaded for {statcode}"
        expect(table_rows(page).locator("th")).to_have_text(wijken)
    page.goto(f"{site}/gemeenten/GM0797/")
    open_first_wijk_from_the_table(page, site)
