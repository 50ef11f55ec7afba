"""A professional's journey (issue 12 points 5 and 11): sign in with the second step, land on "Mijn werk", open a
resident's waiting contribution from there and publish it; then the wijk page shows it. Axe at every step."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e


def _submit(page, button_name):
    with page.expect_navigation():
        page.locator("main").get_by_role("button", name=button_name).click()


@pytest.fixture
def waiting_contribution(site, user_factory):
    """A resident's weekly activity in Drunen, waiting for moderation, made as the contribution form saves it."""
    from socialebasis.areas.models import District, Municipality
    from socialebasis.directory.tests.factories import ActivityFactory
    from socialebasis.directory.vocabulary import Status

    resident = user_factory(username="bewoner")
    drunen = District.objects.get(statcode="WK079701", year=2023)
    activity = ActivityFactory(
        title="Koffieochtend in de Schakel", district=drunen, owner=resident, status=Status.SUBMITTED,
        recurrence="FREQ=WEEKLY;BYDAY=TU",
    )  # fmt: skip
    heusden = Municipality.objects.get(statcode="GM0797")
    return {"activity": activity, "heusden": heusden, "drunen": drunen}


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_professional_publishes_a_residents_contribution_from_the_start_page(
    site, new_page, sign_in, assert_accessible, user_factory, waiting_contribution, javascript
):
    from socialebasis.accounts import services
    from socialebasis.accounts.tests.factories import TOTPDeviceFactory
    from socialebasis.directory.models import Activity
    from socialebasis.directory.vocabulary import Status

    professional = user_factory(
        username="opbouwwerker", professional=True, municipalities=[waiting_contribution["heusden"]],
        districts=[waiting_contribution["drunen"]],
    )  # fmt: skip
    device = TOTPDeviceFactory(user=professional)
    page = new_page(javascript=javascript)
    main = page.locator("main")

    sign_in(page, "opbouwwerker")
    expect(page).to_have_url(re.compile(r"/account/controle/\?next=%2Faccount%2Fwerk%2F$"))
    assert_accessible(page)
    main.get_by_label("Code uit uw authenticator-app").fill(services.current_code(device))
    _submit(page, "Bevestigen")

    expect(page).to_have_url(f"{site}/account/werk/")
    expect(page.locator("h1")).to_have_text("Mijn werk")
    expect(
        page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Te controleren (1)")
    ).to_be_visible()
    waiting = main.get_by_role("region", name="Wacht op beoordeling")
    expect(waiting).to_contain_text("Koffieochtend in de Schakel · activiteit · Wijk 01 Drunen, Heusden")
    assert_accessible(page)

    with page.expect_navigation():
        waiting.get_by_role("link", name="Koffieochtend in de Schakel").click()
    expect(page.locator("h1")).to_have_text("Koffieochtend in de Schakel")
    assert_accessible(page)
    main.get_by_label("Besluit").select_option(label="publiceren")
    _submit(page, "Besluit opslaan")
    expect(main).to_contain_text("De status is gewijzigd.")
    assert_accessible(page)
    assert Activity.objects.get(pk=waiting_contribution["activity"].pk).status == Status.PUBLISHED

    with page.expect_navigation():
        page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Mijn werk").click()
    expect(main.get_by_role("region", name="Wacht op beoordeling")).to_contain_text(
        "Er wachten geen nieuwe vermeldingen of wijzigingen op u."
    )
    expect(page.get_by_role("link", name="Te controleren (0)")).to_be_visible()
    assert_accessible(page)

    # From the wijken they work in to the wijk's hub, where residents now find the activity.
    with page.expect_navigation():
        main.get_by_role("region", name="De wijken waarin u werkt").get_by_role("link", name="Wijk 01 Drunen").click()
    expect(page.locator("h1")).to_have_text("Wijk 01 Drunen")
    expect(main.get_by_role("region", name="Wat er te doen is")).to_contain_text("Koffieochtend in de Schakel")
    assert_accessible(page)


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_the_wijk_hub_has_no_violations_for_a_visitor(
    site, new_page, assert_accessible, waiting_contribution, javascript
):
    from socialebasis.directory.tests.factories import ActivityFactory, MeetingPlaceFactory
    from socialebasis.profiles.models import AgendaItem

    drunen = waiting_contribution["drunen"]
    ActivityFactory(title="Wandelen langs de Maas", district=drunen)
    MeetingPlaceFactory(name="Bibliotheek Drunen")
    AgendaItem.objects.create(
        district=drunen, title="Samen tegen eenzaamheid", evidence="Eenzaamheid 18+", owner_kind="organisation",
        owner_name="Welzijn Heusden", municipal_role="stimuleren",
    )  # fmt: skip
    page = new_page(javascript=javascript)
    page.set_viewport_size({"width": 375, "height": 812})  # a phone first
    page.goto(f"{site}/gemeenten/GM0797/wijken/WK079701/?jaar=2023")
    main = page.locator("main")
    expect(main.get_by_role("region", name="Wat er te doen is")).to_contain_text("Wandelen langs de Maas")
    expect(main).not_to_contain_text("Koffieochtend in de Schakel")  # still waiting for moderation
    expect(main.get_by_role("region", name="Sociale agenda")).to_contain_text("Samen tegen eenzaamheid")
    assert_accessible(page)
