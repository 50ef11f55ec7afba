"""A policy officer chooses, with the form editor, which figures speak to a goal of Oss's framework, by their Dutch
names and with a source; the framework page then lists them under the goal (issue 14 point 4, ADR 0035).

Signed in with the second step; axe on the editor with the choice unfolded and on the framework page; once with and
once without JavaScript.
"""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e

SOURCE = "Beleidsvisie §4.2.3 (vrijwilligers)"


def _submit(page, name: str) -> None:
    with page.expect_navigation():
        page.locator("main").get_by_role("button", name=name).click()


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_policy_officer_links_a_figure_to_a_goal_and_the_framework_page_shows_it(
    site, new_page, sign_in, assert_accessible, user_factory, javascript
):
    from socialebasis.accounts import services as accounts
    from socialebasis.accounts.tests.factories import TOTPDeviceFactory
    from socialebasis.areas.models import Municipality
    from socialebasis.frameworks import selectors, services

    services.load_presets()
    oss = Municipality.objects.get(statcode="GM0828")
    officer = user_factory(username="beleid", policy_officer=True, municipalities=[oss])
    device = TOTPDeviceFactory(user=officer)
    page = new_page(javascript=javascript)
    sign_in(page, "beleid")
    expect(page).to_have_url(re.compile(r"/account/controle/"))
    page.locator("main").get_by_label("Code uit uw authenticator-app").fill(accounts.current_code(device))
    _submit(page, "Bevestigen")

    page.goto(f"{site}/gemeenten/GM0828/kader/bewerken/")
    goal = page.locator("fieldset.sb-editor-row").filter(has=page.locator("input[value='Meedoen']"))
    choice = goal.locator("details.sb-indicators")
    expect(choice.locator("summary")).to_have_text("Indicatoren bij dit doel: geen gekozen")
    choice.locator("summary").click()
    expect(choice.get_by_role("group", name="Meedoen en verbinding")).to_be_visible()
    assert_accessible(page)
    choice.get_by_label("Doet vrijwilligerswerk").check()
    choice.get_by_label("Bron van de indicatoren die u nu kiest").fill(SOURCE)
    page.locator("main").get_by_label("Wat is er veranderd en waarom").fill("Vrijwilligerswerk bij meedoen")
    _submit(page, "Opslaan als nieuwe versie")

    expect(page).to_have_url(f"{site}/gemeenten/GM0828/kader/")
    goal_item = page.locator("li.sb-item").filter(has=page.get_by_role("heading", name="Meedoen", exact=True))
    expect(goal_item.locator(".sb-indicator-list")).to_contain_text("Doet vrijwilligerswerk")
    expect(goal_item.locator(".sb-indicator-list")).to_contain_text(f"Bron: {SOURCE}")
    assert_accessible(page)
    cited = {g["key"]: g["indicators"] for g in selectors.version_in_force(oss).content["goals"]}["participation"]
    assert cited == [{"code": "Vrijwilligerswerk", "source": SOURCE, "derived": False}]
