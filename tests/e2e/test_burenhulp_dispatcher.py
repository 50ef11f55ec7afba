"""Issue 13 points 3 and 7: a professional of Oss (moderated mode) works the dispatcher queue from "Mijn werk":
approves a resident's request, proposes a suggested volunteer; the wijk page, the vacancies and an offer on the way.
Axe on every page."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e


def _submit(page, selector):
    with page.expect_navigation():
        page.locator(selector).click()


@pytest.fixture
def oss(site, user_factory):
    from socialebasis.areas.models import Municipality
    from socialebasis.directory.tests.factories import OrganisationFactory
    from socialebasis.neighbourhelp import services
    from socialebasis.neighbourhelp.tests.factories import HEUSDEN, category, help_request, presets, volunteer

    found = presets()
    request = help_request(user_factory(first_name="Piet"), code="GM0828", postcode="5341", text="Wie helpt mij?")
    helper = volunteer(user_factory(first_name="Lies"), code="GM0828", postcode="5342", parts=("0-0",))
    professional = user_factory(username="wijkcoach", professional=True, municipalities=[found["GM0828"]])
    organisation = OrganisationFactory(municipality=found["GM0828"], owner=professional)
    vacancy = services.create_vacancy(
        professional, organisation=organisation, title="Gastvrouw koffieochtend", task="Koffie zetten", hours="2 uur"
    )
    offer = services.create_offer(
        user_factory(),
        category=category(HEUSDEN, "klusjes"),
        text="Ik hang lampen op",
        postcode="5251",
        when="flexible",
        parts=1,
    )
    return {
        "request": request,
        "helper": helper,
        "professional": professional,
        "vacancy": vacancy,
        "offer": offer,
        "oss": Municipality.objects.get(statcode="GM0828"),
    }


def test_professional_approves_a_request_and_proposes_a_volunteer(site, new_page, sign_in, assert_accessible, oss):
    from socialebasis.accounts import services as account_services
    from socialebasis.accounts.tests.factories import TOTPDeviceFactory
    from socialebasis.neighbourhelp.models import Match

    device = TOTPDeviceFactory(user=oss["professional"])
    page = new_page()
    sign_in(page, "wijkcoach")
    page.locator("main").get_by_label("Code uit uw authenticator-app").fill(account_services.current_code(device))
    _submit(page, "main form button[type=submit]")
    expect(page).to_have_url(f"{site}/account/werk/")
    expect(page.locator("main")).to_contain_text("Burenhulp in uw wijken")
    assert_accessible(page)

    with page.expect_navigation():
        page.locator("main").get_by_role("link", name="Naar de werkvoorraad").click()
    assert_accessible(page)
    with page.expect_navigation():
        page.locator("main ul li a", has_text="Boodschappen").first.click()
    expect(page.locator("main")).to_contain_text("Wie helpt mij?")
    _submit(page, "main form.sb-steps button[value=open]")
    suggestions = page.locator("main ol li", has_text="Lies")
    expect(suggestions).to_contain_text("km")
    assert_accessible(page)
    _submit(page, "main ol li form button[type=submit]")
    expect(page).to_have_url(re.compile(r"/burenhulp/gesprekken/\d+/$"))
    assert_accessible(page)
    match = Match.objects.get()
    assert match.helper == oss["helper"] and match.proposed_by == oss["professional"]

    district = oss["request"].district
    page.goto(f"{site}/gemeenten/GM0828/wijken/{district.statcode}/")
    expect(page.locator("main")).to_contain_text("Burenhulp: Burenhulp Oss")
    assert_accessible(page)
    page.goto(f"{site}/burenhulp/vacatures/")
    assert_accessible(page)
    with page.expect_navigation():
        page.locator("main").get_by_role("link", name="Gastvrouw koffieochtend").click()
    assert_accessible(page)
    page.goto(f"{site}/burenhulp/aanbod/{oss['offer'].pk}/")
    assert_accessible(page)
    page.goto(f"{site}/burenhulp/aanbod/nieuw/")
    assert_accessible(page)
    page.goto(f"{site}/burenhulp/vacatures/nieuw/")
    assert_accessible(page)
