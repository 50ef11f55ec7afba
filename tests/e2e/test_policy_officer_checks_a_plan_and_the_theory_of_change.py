"""A policy officer of Oss checks a plan against the six principles, looks at the theory of change and a map, and
scores a wijk's social quality (issue 17 points 1 to 5); every page once, with axe. Without JavaScript: plain forms."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e


def _submit(page, name: str) -> None:
    with page.expect_navigation():
        page.locator("main").get_by_role("button", name=name).click()


def test_policy_officer_checks_a_plan_and_works_on_the_theory_of_change(
    site, new_page, sign_in, assert_accessible, user_factory
):
    from socialebasis.accounts import services as accounts
    from socialebasis.accounts.tests.factories import TOTPDeviceFactory
    from socialebasis.areas.models import Municipality
    from socialebasis.frameworks import services
    from socialebasis.policy.models import Box, BoxKind, ChangeMap

    services.load_presets(["GM0828"])
    oss = Municipality.objects.get(statcode="GM0828")
    officer = user_factory(username="beleid", policy_officer=True, municipalities=[oss])
    device = TOTPDeviceFactory(user=officer)
    change_map = ChangeMap.objects.create(municipality=oss, title="Ontmoeten in Schadewijk")
    Box.objects.create(change_map=change_map, kind=BoxKind.OUTCOME, title="Minder eenzaamheid")

    page = new_page(javascript=False)
    sign_in(page, "beleid")
    expect(page).to_have_url(re.compile(r"/account/controle/"))
    page.locator("main").get_by_label("Code uit uw authenticator-app").fill(accounts.current_code(device))
    _submit(page, "Bevestigen")

    base = f"{site}/gemeenten/GM0828/beleid/"
    page.goto(base)
    assert_accessible(page)
    page.goto(base + "toetsen/nieuw/")
    assert_accessible(page)
    main = page.locator("main")
    main.get_by_label("Titel van het plan of de maatregel").fill("Subsidieregeling sociale basis")
    main.get_by_label("Samenvatting").fill("Subsidie voor organisaties die inwoners helpen elkaar te helpen.")
    main.get_by_label("Eigenaar").fill("Team Samenleving")
    _submit(page, "De toets beginnen")
    expect(page.locator("h1")).to_contain_text("Subsidieregeling sociale basis")
    expect(page.locator("main fieldset legend", has_text="We werken gemeenschapsgericht")).to_have_count(1)
    assert_accessible(page)
    page.locator("#id_room_for_initiative-answer_2").check()  # does not meet the principle
    _submit(page, "Opslaan als nieuwe versie")
    expect(page.locator(".sb-error-summary")).to_contain_text("Zeg wat zou helpen")
    assert_accessible(page)
    page.locator("#id_room_for_initiative-what_would_help").fill("Een snelle subsidie voor inwonersinitiatieven.")
    _submit(page, "Opslaan als nieuwe versie")
    expect(page.locator("main")).to_contain_text("Deze uitgangspunten komen in gevaar")
    assert_accessible(page)
    shared = page.locator("main a", has_text="/beleidstoets/").first.get_attribute("href")
    page.goto(shared)
    expect(page.locator("main")).to_contain_text("gedeelde kopie")
    assert_accessible(page)

    page.goto(base + "verandertheorie/")
    assert_accessible(page)
    page.goto(base + "verandertheorie/zelfevaluatie/2025/")
    assert_accessible(page)
    page.goto(base + f"verandertheorie/kaarten/{change_map.pk}/")
    expect(page.locator("main")).to_contain_text("heeft geen pijl")
    assert_accessible(page)
    page.goto(base + f"verandertheorie/kaarten/{change_map.pk}/pijl/nieuw/")
    assert_accessible(page)
    page.goto(base + "sociale-kwaliteit/")
    assert_accessible(page)
    page.goto(base + "sociale-kwaliteit/WK082801/2025/")
    assert_accessible(page)
    page.goto(base + "zichtbaarheid/")
    assert_accessible(page)
