"""The sociale kaart's pages pass axe-core (WCAG 2.0/2.1 A and AA), with JavaScript on and off."""

import pytest

pytestmark = pytest.mark.e2e


@pytest.fixture
def directory(site):
    from django.conf import settings

    from socialebasis.demo import sociale_kaart
    from socialebasis.directory.models import Activity, MeetingPlace, Organisation

    sociale_kaart.load(settings.BASE_DIR / "data" / "demo" / "sociale-kaart.json")
    activity = Activity.objects.get(external_id="demo-activity-wandel")
    return {
        "list": "/sociale-kaart/",
        "search": "/sociale-kaart/?q=wandelen&municipality=GM0797&weekday=0",
        "nothing-found": "/sociale-kaart/?q=onvindbaarwoord",
        "invalid-search": "/sociale-kaart/?postcode=onzin&lat=99",
        "activity": f"/sociale-kaart/activiteiten/{activity.pk}/",
        "place": f"/sociale-kaart/plekken/{MeetingPlace.objects.get(external_id='demo-place-park').pk}/",
        "organisation": f"/sociale-kaart/organisaties/{Organisation.objects.get(external_id='demo-org-haren').pk}/",
        "this-weekend": "/sociale-kaart/?when=weekend&postcode=5251",
        "places": "/sociale-kaart/plekken/",
        "places-near": "/sociale-kaart/plekken/?postcode=5251&radius=10",
        "organisations": "/sociale-kaart/organisaties/?municipality=GM0797",
    }


PAGES = [
    "list",
    "search",
    "nothing-found",
    "invalid-search",
    "activity",
    "place",
    "organisation",
    "this-weekend",
    "places",
    "places-near",
    "organisations",
]


@pytest.mark.parametrize("name", PAGES)
@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_directory_page_has_no_violations(site, directory, new_page, assert_accessible, name, javascript):
    page = new_page(javascript=javascript)
    page.goto(site + directory[name])
    assert page.locator("h1").count() == 1
    assert_accessible(page)


def test_search_results_work_without_javascript(site, directory, new_page):
    page = new_page(javascript=False)
    page.goto(site + "/sociale-kaart/")
    page.locator("main").get_by_label("Zoek naar").fill("wandelen")
    page.locator("main").get_by_role("button", name="Zoeken").click()
    page.wait_for_load_state()
    assert "Wandelgroep Vlijmen" in page.locator("main").inner_text()


def test_contribution_pages_for_a_signed_in_resident(site, directory, page, sign_in, assert_accessible, user_factory):
    user_factory(username="bewoner")
    sign_in(page, "bewoner")
    for path in (
        "/sociale-kaart/nieuw/activiteit/",
        "/sociale-kaart/nieuw/plek/",
        "/sociale-kaart/mijn/",
        "/sociale-kaart/mijn/zoekopdrachten/",
    ):
        page.goto(site + path)
        assert_accessible(page)


def test_the_map_enhances_the_list_with_dutch_controls_and_the_same_activities(site, directory, new_page):
    from playwright.sync_api import expect

    page = new_page(javascript=True)
    page.goto(site + "/sociale-kaart/?municipality=GM0797")
    area = page.locator("#directory-map")
    expect(area).to_be_visible()
    expect(area.get_by_role("button", name="Inzoomen")).to_be_visible()
    markers = area.locator("path.leaflet-interactive")
    points = page.evaluate("JSON.parse(document.getElementById('directory-map-data').textContent).length")
    assert points > 0
    expect(markers).to_have_count(points)
    # No background tiles reach this browser: the page says so and keeps the activities.
    expect(page.locator("#directory-map-status")).not_to_be_empty()


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_a_resident_saves_a_search_with_the_keyboard(
    site, directory, new_page, sign_in, assert_accessible, user_factory, javascript
):
    from socialebasis.directory.models import SavedSearch

    user_factory(username="zoeker")
    page = new_page(javascript=javascript)
    sign_in(page, "zoeker")
    page.goto(site + directory["search"])
    assert_accessible(page)
    name = page.locator("main").get_by_label("Naam van deze zoekopdracht")
    name.focus()
    page.keyboard.type("Wandelen op maandag")
    page.keyboard.press("Tab")  # to the button "Deze zoekopdracht bewaren"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "Wandelen op maandag" in page.locator("main").inner_text()
    assert_accessible(page)
    saved = SavedSearch.objects.get(name="Wandelen op maandag")
    feed = page.request.get(site + saved.get_feed_url())
    assert feed.ok and "Wandelgroep Vlijmen" in feed.text()


def test_a_title_with_html_shows_as_text_in_the_list_and_the_map_tooltip(site, new_page, assert_accessible):
    from playwright.sync_api import expect

    from socialebasis.directory.tests.factories import ActivityFactory

    title = "<img src=x onerror=alert(1)>"
    ActivityFactory(title=title, latitude=51.6955, longitude=5.2150)
    page = new_page(javascript=True)
    page.goto(site + "/sociale-kaart/?municipality=GM0797")
    main = page.locator("main")
    expect(main.get_by_role("link", name=title)).to_be_visible()
    marker = page.locator("#directory-map path.leaflet-interactive")
    expect(marker).to_have_count(1)
    marker.hover()
    tooltip = page.locator(".leaflet-tooltip")
    expect(tooltip).to_have_text(title)
    assert tooltip.locator("img").count() == 0
    assert page.locator("img[src=x]").count() == 0
    assert_accessible(page)
