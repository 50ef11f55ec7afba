"""A resident looks for something to do near "5251" (issue 12, points 1, 2 and 11): the results are the first
thing on the screen after a search, on a desktop and on a phone, and the whole journey passes axe, with
JavaScript on and off."""

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.e2e

DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def demo(site):
    from django.conf import settings

    from socialebasis.demo import sociale_kaart

    sociale_kaart.load(settings.BASE_DIR / "data" / "demo" / "sociale-kaart.json")


def _top(page: Page, selector: str) -> float | None:
    box = page.locator(selector).first.bounding_box() if page.locator(selector).count() else None
    return box["y"] if box else None


def _assert_results_first(page: Page, viewport: dict) -> None:
    heading = page.locator("#resultaten")
    expect(heading).to_be_visible()
    box = heading.bounding_box()
    # The heading with the number found lies wholly within the first screen …
    assert box["y"] >= 0 and box["y"] + box["height"] <= viewport["height"], box
    # … and before the folded form and the map (on a phone too: the list comes before the map).
    for later in ("details.sb-refine", "#directory-map:not([hidden])", ".sb-map__status"):
        top = _top(page, later)
        assert top is None or top > box["y"], later
    assert page.locator("main .sb-results li").count() > 0


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
@pytest.mark.parametrize("path", ["/sociale-kaart/", "/sociale-kaart/plekken/"], ids=["activities", "places"])
def test_after_a_search_the_results_are_the_first_thing_on_the_screen(site, demo, new_page, viewport, path):
    page = new_page(javascript=True)
    page.set_viewport_size(viewport)
    page.goto(site + path)
    main = page.locator("main")
    main.get_by_label("In de buurt van postcode").fill("5251")
    with page.expect_navigation():
        main.get_by_role("button", name="Zoeken").click()
    _assert_results_first(page, viewport)


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_a_resident_on_a_phone_finds_an_activity_near_5251(site, demo, new_page, assert_accessible, javascript):
    page = new_page(javascript=javascript)
    page.set_viewport_size(PHONE)
    page.goto(site + "/")
    assert_accessible(page)
    with page.expect_navigation():
        page.locator("header").get_by_role("link", name="Activiteiten").click()
    assert_accessible(page)

    main = page.locator("main")
    main.get_by_label("In de buurt van postcode").fill("5251")
    with page.expect_navigation():
        main.get_by_role("button", name="Zoeken").click()
    _assert_results_first(page, PHONE)
    assert_accessible(page)
    first = main.locator(".sb-results li").first
    expect(first).to_contain_text("km verderop")

    # Narrow down to this week: the form is folded under "Verfijnen" and works without JavaScript.
    main.locator("details.sb-refine > summary").click()
    main.get_by_label("Wanneer").select_option(label="deze week")
    with page.expect_navigation():
        main.get_by_role("button", name="Zoeken").click()
    assert "when=week" in page.url and "postcode=5251" in page.url
    expect(main.get_by_label("Wanneer")).to_have_value("week")
    assert_accessible(page)

    # Back to every date, then open the nearest activity.
    page.go_back()
    page.wait_for_load_state()
    link = main.locator(".sb-results li a").first
    title = link.inner_text()
    with page.expect_navigation():
        link.click()
    expect(page.locator("h1")).to_have_text(title)
    expect(main.get_by_role("heading", name="Volgende data")).to_be_visible()
    assert_accessible(page)


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_the_menu_leads_to_the_places_and_the_tabs_to_the_organisations(
    site, demo, new_page, assert_accessible, javascript
):
    page = new_page(javascript=javascript)
    page.set_viewport_size(PHONE)
    page.goto(site + "/")
    with page.expect_navigation():
        page.locator("header").get_by_role("link", name="Plekken").click()
    expect(page.locator("h1")).to_have_text("Ontmoetingsplekken")
    assert_accessible(page)
    main = page.locator("main")
    main.get_by_label("Zoek naar").fill("drunen")
    with page.expect_navigation():
        main.get_by_role("button", name="Zoeken").click()
    expect(main.locator(".sb-results li")).to_have_count(1)
    assert_accessible(page)
    with page.expect_navigation():
        main.get_by_role("navigation", name="Wat zoekt u?").get_by_role("link", name="Organisaties").click()
    assert "q=drunen" in page.url
    expect(main.locator(".sb-results")).to_contain_text("Doorgeefwinkel Drunen")
    assert_accessible(page)


def test_a_field_turns_red_only_once_the_server_found_an_error(site, new_page):
    page = new_page(javascript=True)
    page.goto(site + "/account/inloggen/")
    main = page.locator("main")
    username, password = main.get_by_label("Gebruikersnaam"), main.get_by_label("Wachtwoord")
    border = "e => getComputedStyle(e).borderTopColor"
    password.focus()  # the user name has autofocus: compare it unfocused
    untouched = username.evaluate(border)
    # Typed and emptied again: the browser calls the required field invalid, the page does not show it yet.
    username.fill("x")
    username.fill("")
    password.focus()
    assert username.evaluate("e => e.matches(':user-invalid')")
    assert username.evaluate(border) == untouched
    # After a search the server refused, the field it names is marked.
    page.goto(site + "/sociale-kaart/plekken/?postcode=52")
    postcode = page.locator("main").get_by_label("In de buurt van postcode")
    expect(postcode).to_have_attribute("aria-invalid", "true")
    assert postcode.evaluate(border) != page.locator("main").get_by_label("Zoek naar").evaluate(border)
