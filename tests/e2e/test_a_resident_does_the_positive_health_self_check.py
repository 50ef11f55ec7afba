"""The positive-health self-check as a resident goes through it: without an account and with JavaScript (result
once, then giving the numbers to the wijk), and signed in without JavaScript (result kept, beside an earlier one,
the own results, the wijk figures, deleting). Every page axe-clean. Two browser contexts, one journey."""

from datetime import date

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e


def _fill(page, value: str) -> None:
    boxes = page.locator("main input[type=number]")
    for index in range(boxes.count()):
        boxes.nth(index).fill(value)


def test_a_resident_does_the_self_check_with_and_without_javascript(
    site, new_page, sign_in, assert_accessible, user_factory
):
    from socialebasis.areas.models import Municipality, PostcodeArea
    from socialebasis.health import services
    from socialebasis.health.dimensions import STATEMENT_KEYS
    from socialebasis.health.models import Contribution, SelfCheck

    municipality = Municipality.objects.get(statcode="GM0668")
    postcode = PostcodeArea.objects.filter(municipality_code="GM0668").order_by("code").first().code
    Contribution.objects.bulk_create(
        Contribution(municipality=municipality, period=date.today().year - 1, body=6, mind=6, meaning=7, quality=7,
                     participation=5, daily=8)
        for _ in range(6)
    )  # fmt: skip

    # With JavaScript, no account: the result is shown once, then the numbers go to the wijk figures.
    page = new_page(javascript=True)
    page.goto(f"{site}/gezondheid/")
    expect(page.locator("h1")).to_have_text("Hoe gaat het met je? Een zelftest in zes delen")
    assert_accessible(page)
    page.locator("main").get_by_role("button", name="Laat mijn uitslag zien").click()
    expect(page.locator("main")).to_contain_text("Kijk het formulier na")
    _fill(page, "4")
    page.locator("main").get_by_label("Hier wil ik over praten").first.check()
    with page.expect_navigation():
        page.locator("main").get_by_role("button", name="Laat mijn uitslag zien").click()
    expect(page.get_by_role("img", name="Je uitslag als spinnenweb")).to_be_visible()
    expect(page.locator("main table").first).to_contain_text("Lichaamsfuncties")
    assert_accessible(page)
    assert not SelfCheck.objects.exists()
    page.locator("main").get_by_label("Je postcode").fill(postcode)
    page.locator("main").get_by_label("Ik geef mijn zes cijfers").check()
    with page.expect_navigation():
        page.locator("main").get_by_role("button", name="Mijn cijfers geven aan de wijkcijfers").click()
    expect(page.locator("h1")).to_have_text("Dank je wel voor je cijfers")
    assert_accessible(page)
    assert Contribution.objects.count() == 7

    # Without JavaScript, signed in: kept, beside the earlier result; the own list; the wijk figures; deleting.
    resident = user_factory(username="inwoner")
    services.save_self_check(resident, dict.fromkeys(STATEMENT_KEYS, 7), [])
    page = new_page(javascript=False)
    sign_in(page, "inwoner")
    page.goto(f"{site}/gezondheid/")
    _fill(page, "3")
    with page.expect_navigation():
        page.locator("main").get_by_role("button", name="Laat mijn uitslag zien").click()
    expect(page.locator("h1")).to_have_text("Je uitslag")
    expect(page.locator("main table").first).to_contain_text("7,0")
    assert_accessible(page)
    page.goto(f"{site}/gezondheid/mijn-uitslagen/")
    assert_accessible(page)
    page.goto(f"{site}/gemeenten/GM0668/gezondheid/")
    expect(page.locator("main")).to_contain_text(str(date.today().year - 1))
    assert_accessible(page)
    page.goto(f"{site}/gezondheid/mijn-uitslagen/")
    with page.expect_navigation():
        page.locator("main").get_by_role("button", name="Al mijn uitslagen verwijderen").click()
    expect(page.locator("main")).to_contain_text("Je hebt (nog) geen uitslagen.")
    assert not SelfCheck.objects.filter(owner=resident).exists()
