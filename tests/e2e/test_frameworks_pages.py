"""Local framework pages (issue 3) pass axe-core's WCAG 2.0/2.1 A and AA rules, with and without JavaScript,
and the "Hoort dit bij de sociale basis?" check works by keyboard alone."""

import pytest
from django.test import Client

pytestmark = pytest.mark.e2e

CODES = ["GM1961", "GM0797", "GM0828", "GM0668"]
# A choir in Vijfheerenlanden with one answer unknown, and with an exclusion that holds.
GREY = "&".join(
    [
        "naam=Koor",
        "doel=meeting",
        "k_accessible=ja",
        "k_mainly_volunteers=weet-niet",
        "k_reciprocity=ja",
        "k_requires_referral=nee",
        "k_for_profit=nee",
        "k_mandatory=nee",
        "toets=1",
    ]
)
OUTSIDE = GREY.replace("k_for_profit=nee", "k_for_profit=ja")


@pytest.fixture
def frameworks_site(site):
    from socialebasis.frameworks import services

    services.load_presets()
    return site


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_framework_and_check_pages_have_no_violations(frameworks_site, new_page, assert_all_accessible, javascript):
    page = new_page(javascript=javascript)
    urls = [f"{frameworks_site}/gemeenten/{code}/kader/" for code in CODES]
    urls += [f"{frameworks_site}/gemeenten/{code}/kader/toets/" for code in CODES]
    urls += [
        f"{frameworks_site}/gemeenten/GM1961/kader/toets/?{GREY}",
        f"{frameworks_site}/gemeenten/GM1961/kader/toets/?{OUTSIDE}",
    ]
    assert_all_accessible(page, urls)


def test_the_check_can_be_done_with_the_keyboard_alone(frameworks_site, page, assert_accessible):
    page.goto(f"{frameworks_site}/gemeenten/GM1961/kader/toets/")
    answers = {
        "k_accessible": "ja",
        "k_mainly_volunteers": "ja",
        "k_reciprocity": "ja",
        "k_requires_referral": "nee",
        "k_for_profit": "nee",
        "k_mandatory": "nee",
    }
    page.locator("input[name=doel][value=meeting]").focus()
    page.keyboard.press("Space")
    for name, value in answers.items():
        page.locator(f"input[name={name}][value={value}]").focus()
        page.keyboard.press("Space")
    page.locator("form button[type=submit]").last.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "Ja, dit hoort bij de sociale basis" in page.locator("main").inner_text()
    assert_accessible(page)


def test_the_edit_page_for_a_policy_officer_has_no_violations(
    frameworks_site, page, assert_accessible, user_factory, verified
):
    from socialebasis.areas.models import Municipality

    officer = user_factory(policy_officer=True, municipalities=[Municipality.objects.get(statcode="GM1961")])
    client = Client()
    verified(client, officer)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": frameworks_site}]
    )
    page.goto(f"{frameworks_site}/gemeenten/GM1961/kader/bewerken/")
    assert page.locator("h1").count() == 1
    assert "/account/" not in page.url
    assert_accessible(page)
    # The JSON document stays, for experts.
    page.goto(f"{frameworks_site}/gemeenten/GM1961/kader/bewerken/json/")
    assert page.locator("h1").count() == 1
    assert_accessible(page)
