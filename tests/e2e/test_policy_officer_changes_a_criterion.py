"""A policy officer changes a criterion of Heusden's framework with the form editor and sees an activity's
assessment change, first in the preview and then on the sociale kaart after saving (issue 12, points 8 and 11).

Signed in as a person would, with the second step; axe at every step; once with and once without JavaScript.
"""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e

ROLE_LABEL = "Wat \u2018ja\u2019 betekent voor de toets"
OUTSIDE_IF_YES = "Bij \u2018ja\u2019 valt de activiteit erbuiten"
OUTSIDE = "valt buiten de sociale basis"


def _submit(page, name: str) -> None:
    with page.expect_navigation():
        page.locator("main").get_by_role("button", name=name).click()


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_policy_officer_changes_a_criterion_and_sees_the_assessment_change(
    site, new_page, sign_in, assert_accessible, user_factory, javascript
):
    from socialebasis.accounts import services as accounts
    from socialebasis.accounts.tests.factories import TOTPDeviceFactory
    from socialebasis.areas.models import Municipality
    from socialebasis.directory.models import Activity
    from socialebasis.directory.tests.factories import ActivityFactory
    from socialebasis.directory.vocabulary import Cost
    from socialebasis.frameworks import selectors, services

    services.load_presets()
    heusden = Municipality.objects.get(statcode="GM0797")
    # Paid, so "commercial" is yes: today Heusden's framework only writes that down, so the answer is grey.
    activity = ActivityFactory(title="Betaalde yogales", goals=["positive_health"], cost=Cost.PRICE)
    assert activity.assessment_verdict == "grey"
    officer = user_factory(username="beleid", policy_officer=True, municipalities=[heusden])
    device = TOTPDeviceFactory(user=officer)

    page = new_page(javascript=javascript)
    sign_in(page, "beleid")
    expect(page).to_have_url(re.compile(r"/account/controle/"))
    page.locator("main").get_by_label("Code uit uw authenticator-app").fill(accounts.current_code(device))
    _submit(page, "Bevestigen")

    page.goto(f"{site}/gemeenten/GM0797/kader/")
    assert_accessible(page)
    with page.expect_navigation():
        page.locator("main").get_by_role("link", name="Kader veranderen").click()
    expect(page.locator("h1")).to_have_text("Kader van Heusden veranderen")
    assert_accessible(page)

    if not javascript:
        # Adding a row is a plain form submit; an empty new row asks nothing and is not saved.
        rows = page.locator("section:has(#criteria) fieldset")
        before = rows.count()
        _submit(page, "Nog een criterium toevoegen")
        expect(rows).to_have_count(before + 1)
        assert_accessible(page)

    criterion = page.locator("fieldset").filter(has=page.locator("input[value='Commercieel']"))
    criterion.get_by_label(ROLE_LABEL).select_option(label=OUTSIDE_IF_YES)
    _submit(page, "Laat zien wat er verandert")
    preview = page.locator("section.sb-preview")
    expect(preview.locator("tr", has_text="Betaalde yogales")).to_contain_text(OUTSIDE)
    expect(preview).to_contain_text("Horecalocatie als ontmoetingsplek")
    assert_accessible(page)

    # Saving now is refused at the example the change contradicts, with the error summary on top.
    _submit(page, "Opslaan als nieuwe versie")
    summary = page.locator(".sb-error-summary")
    expect(summary).to_contain_text("Horecalocatie als ontmoetingsplek")
    assert_accessible(page)
    page.locator("main").get_by_label("Horecalocatie als ontmoetingsplek").select_option(label=OUTSIDE)
    page.locator("main").get_by_label("Wat is er veranderd en waarom").fill("Commercieel valt erbuiten")
    _submit(page, "Opslaan als nieuwe versie")

    expect(page).to_have_url(f"{site}/gemeenten/GM0797/kader/")
    expect(page.locator("body")).to_contain_text("Versie 2 van het kader is opgeslagen.")
    assert_accessible(page)
    assert selectors.version_in_force(heusden).number == 2
    # The new version made the sociale kaart assess its activities again (version_created, on the worker).
    assert Activity.objects.get(pk=activity.pk).assessment_verdict == "outside"
    page.goto(f"{site}/sociale-kaart/activiteiten/{activity.pk}/")
    expect(page.locator("h1")).to_have_text("Betaalde yogales")
    assert_accessible(page)


def test_the_editor_works_with_the_keyboard_alone(site, page, assert_accessible, user_factory, verified):
    from django.test import Client

    from socialebasis.areas.models import Municipality
    from socialebasis.frameworks import services

    services.load_presets()
    officer = user_factory(policy_officer=True, municipalities=[Municipality.objects.get(statcode="GM0828")])
    client = Client()
    verified(client, officer)
    page.context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": site}])
    page.goto(f"{site}/gemeenten/GM0828/kader/bewerken/")
    # A new goal row by keyboard: focus the button, Enter; the new row's first field takes typing.
    page.locator("main").get_by_role("button", name="Nog een doel toevoegen").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    # A goal row holds fieldsets of its own (the choice of indicators), so the row is found by its class.
    new_row = page.locator("section:has(#doelen) fieldset.sb-editor-row").last
    expect(new_row.locator("legend").first).to_contain_text("(nieuw)")
    new_row.get_by_label("Naam").focus()
    page.keyboard.type("Samen koken")
    # Tab moves on to the description, as the page reads.
    page.keyboard.press("Tab")
    expect(new_row.get_by_label("Beschrijving")).to_be_focused()
    page.locator("main").get_by_role("button", name="Laat zien wat er verandert").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    # The new row is only half filled in: the summary names its fields, and its link leads to the field.
    summary = page.locator(".sb-error-summary")
    expect(summary).to_contain_text("Doel")
    summary.get_by_role("link").first.focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"#id_doelen-\d+-description$"))
    assert_accessible(page)
