"""Every public page passes axe-core's WCAG 2.0/2.1 A and AA rules; the map pages also without JavaScript.

Pages that share a template are checked in one test (one database load), which reports all their
violations at once.
"""

import pytest

pytestmark = pytest.mark.e2e

MUNICIPALITIES = ["GM0797", "GM1961", "GM0828", "GM0668"]
DISTRICT = "/gemeenten/GM0797/wijken/WK079701/?jaar=2023"


@pytest.mark.parametrize(
    ("path", "status", "heading"),
    [
        pytest.param("/", 200, "De sociale basis, wijk voor wijk", id="home"),
        pytest.param(DISTRICT, 200, "Wijk 01 Drunen", id="district"),
        pytest.param("/gemeenten/GM0797/indelingen/wijkgerichte-aanpak/", 200, "wijkgerichte aanpak", id="division"),
        pytest.param("/deze-pagina-bestaat-niet/", 404, "Pagina niet gevonden", id="not-found"),
    ],
)
def test_public_page_has_no_violations(site, page, assert_accessible, path, status, heading):
    response = page.goto(site + path)
    assert response.status == status
    assert heading in page.locator("h1").inner_text()
    assert_accessible(page)


def test_municipality_pages_have_no_violations(site, page, assert_all_accessible):
    assert_all_accessible(page, [f"{site}/gemeenten/{code}/" for code in MUNICIPALITIES])


def test_map_pages_without_javascript_have_no_violations(site, new_page, assert_all_accessible):
    page = new_page(javascript=False)
    assert_all_accessible(page, [f"{site}/gemeenten/{code}/" for code in MUNICIPALITIES] + [site + DISTRICT])
