"""Verhalen en signalen in the browser (issue 14 points 8 and 10): a resident tells a story and raises a signal, a
professional reads and publishes, combines signals into one agenda action and opens a reporter's contact details;
every page of the two apps once, with axe, without JavaScript (the pages need none)."""

import re
from datetime import date

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e


def _submit(page, button_name):
    with page.expect_navigation():
        page.locator("main").get_by_role("button", name=button_name).click()


@pytest.fixture
def oss(site):
    from socialebasis.areas.models import District, Municipality
    from socialebasis.frameworks import services as frameworks
    from socialebasis.signalling import services as signals

    frameworks.load_presets(["GM0828"])
    oss = Municipality.objects.get(statcode="GM0828")
    signals.add_theme(oss, "Eenzaamheid", target_days=14)
    centrum = District.objects.get(statcode="WK082800", year=2023)
    return {"oss": oss, "centrum": centrum}


def test_a_resident_tells_a_story_raises_a_signal_and_reads_the_yearly_report(
    site, new_page, sign_in, assert_accessible, assert_all_accessible, user_factory, oss
):
    from socialebasis.stories import services
    from socialebasis.stories.factories import PanelFactory, StoryFactory
    from socialebasis.stories.models import Story

    user_factory(username="fatima", first_name="Fatima", home_municipality=oss["oss"], home_district=oss["centrum"])
    chosen = StoryFactory(district=oss["centrum"], title="Een bankje om samen op te zitten")
    panel = PanelFactory(district=oss["centrum"], name="Wijkpanel Centrum")
    year = date.today().year
    held = services.import_completed_round(
        panel=panel, title="Verhalenronde Centrum", period_start=date(year, 1, 1), period_end=date(year, 12, 31),
        selections=[(chosen, "meeting", "Klein maar echt.")], feedback="Dank voor alle verhalen.",
    )  # fmt: skip
    page = new_page(javascript=False)
    main = page.locator("main")
    sign_in(page, "fatima")

    page.goto(f"{site}/verhalen/vertellen/")
    expect(page.locator("h1")).to_have_text("Een verhaal vertellen")
    assert_accessible(page)
    main.get_by_label("Titel").fill("De koffieochtend")
    main.get_by_label("Uw verhaal", exact=True).fill("Sinds de koffieochtend ken ik mijn buren.")
    main.get_by_label("Elkaar ontmoeten").check()
    main.get_by_label("Goed", exact=True).check()
    main.get_by_label("Mijzelf").check()
    main.get_by_label("Iedereen, met mijn naam").check()
    _submit(page, "Verhaal versturen")  # without a name: the error is at the field, nothing is saved
    expect(main).to_contain_text("Schrijf de naam die we mogen tonen, of kies iets anders.")
    assert not Story.objects.filter(title="De koffieochtend").exists()
    assert_accessible(page)
    main.get_by_label("Uw naam").fill("Fatima")
    _submit(page, "Verhaal versturen")
    expect(page.locator("h1")).to_have_text("De koffieochtend")
    expect(main).to_contain_text("Wacht op lezen")
    assert_accessible(page)

    page.goto(f"{site}/signalen/melden/")
    expect(page.locator("h1")).to_have_text("Signaal doorgeven")
    assert_accessible(page)
    main.get_by_label("Wat is u opgevallen?").fill("Veel ouderen zitten 's avonds alleen.")
    main.get_by_label("Inwoner").check()
    _submit(page, "Signaal versturen")
    expect(page.locator("h1")).to_have_text("Signaal: Eenzaamheid")
    expect(main).to_contain_text("Nieuw")
    assert_accessible(page)

    centrum = f"{site}/gemeenten/GM0828/wijken/WK082800"
    assert_all_accessible(
        page,
        [
            f"{site}/verhalen/", f"{site}/verhalen/?q=bankje", f"{site}/verhalen/mijn/", f"{site}/signalen/",
            f"{site}/verhalen/rondes/", f"{site}{held.get_absolute_url()}", f"{centrum}/",
            f"{centrum}/tellen-en-vertellen/", f"{site}/gemeenten/GM0828/tellen-en-vertellen/",
        ],
    )  # fmt: skip
    expect(main).to_contain_text("Een bankje om samen op te zitten")
    expect(main).to_contain_text("Klein maar echt.")


def test_a_professional_publishes_a_story_and_puts_two_signals_on_the_sociale_agenda(
    site, new_page, sign_in, assert_accessible, user_factory, oss
):
    from socialebasis.accounts import services
    from socialebasis.accounts.tests.factories import TOTPDeviceFactory
    from socialebasis.signalling.factories import SignalFactory
    from socialebasis.signalling.models import ReporterContact, Signal, SignalStatus
    from socialebasis.stories.factories import PanelFactory, StoryFactory
    from socialebasis.stories.models import StoryStatus

    professional = user_factory(username="opbouwwerker", professional=True, municipalities=[oss["oss"]])
    device = TOTPDeviceFactory(user=professional)
    story = StoryFactory(district=oss["centrum"], title="Het speeltuintje", new=True, teller=user_factory())
    PanelFactory(district=oss["centrum"], name="Wijkpanel Centrum")
    reporters = [user_factory(), user_factory()]
    signals = [SignalFactory(district=oss["centrum"], reporter=r) for r in reporters]
    ReporterContact.objects.filter(signal=signals[0]).update(may_contact=True, contact_name="Ans", contact_phone="0612")

    page = new_page(javascript=False)
    main = page.locator("main")
    sign_in(page, "opbouwwerker")
    main.get_by_label("Code uit uw authenticator-app").fill(services.current_code(device))
    _submit(page, "Bevestigen")
    expect(page).to_have_url(f"{site}/account/werk/")
    expect(main.get_by_role("region", name="Verhalen om te lezen")).to_contain_text("Het speeltuintje")
    assert_accessible(page)

    page.goto(f"{site}/verhalen/controle/")
    assert_accessible(page)
    with page.expect_navigation():
        main.get_by_role("link", name="Het speeltuintje").click()
    assert_accessible(page)
    _submit(page, "Publiceren")
    story.refresh_from_db()
    assert story.status == StoryStatus.PUBLISHED

    page.goto(f"{site}/verhalen/rondes/?gemeente=GM0828")
    expect(main.get_by_role("heading", name="Een ronde starten in Oss")).to_be_visible()
    assert_accessible(page)

    page.goto(f"{site}/signalen/{signals[0].pk}/")
    assert_accessible(page)
    with page.expect_navigation():
        main.get_by_role("link", name=re.compile("Contactgegevens van de melder openen")).click()
    expect(main).to_contain_text("0612")
    assert_accessible(page)

    page.goto(f"{site}/signalen/")
    for signal in signals:
        main.locator(f"#signal-{signal.pk}").check()
    main.get_by_label("Opgave op de sociale agenda").fill("Avondactiviteit voor ouderen")
    main.get_by_label("Wat er gaat gebeuren").fill("Een avondsoos in de buurtkamer.")
    main.get_by_label("Naam van de groep, organisatie of afdeling").fill("Welzijn Oss")
    main.get_by_label("Bericht aan iedereen die een van deze signalen gaf").fill("We pakken het samen op.")
    assert_accessible(page)
    _submit(page, "Op de sociale agenda zetten")
    expect(main).to_contain_text("Avondactiviteit voor ouderen")
    assert_accessible(page)
    assert set(Signal.objects.values_list("status", flat=True)) == {SignalStatus.ON_AGENDA}


def test_a_professional_sets_up_a_panel_with_a_resident_and_starts_its_round(
    site, new_page, sign_in, assert_accessible, user_factory, oss
):
    """Issue 14 point 3 without JavaScript: make a wijk panel, try an address without an account, add a resident,
    take a colleague off again and start a round on two of the goals; axe on every step."""
    from socialebasis.accounts import services
    from socialebasis.accounts.tests.factories import TOTPDeviceFactory
    from socialebasis.stories.models import Panel, Round

    professional = user_factory(username="opbouwwerker", professional=True, municipalities=[oss["oss"]])
    device = TOTPDeviceFactory(user=professional)
    user_factory(username="anja", email="anja@example.nl", first_name="Anja", last_name="de Vries")
    user_factory(username="collega", email="collega@example.nl", first_name="Karim", last_name="Bakker")

    page = new_page(javascript=False)
    main = page.locator("main")
    sign_in(page, "opbouwwerker")
    main.get_by_label("Code uit uw authenticator-app").fill(services.current_code(device))
    _submit(page, "Bevestigen")

    page.goto(f"{site}/verhalen/rondes/")
    with page.expect_navigation():
        main.get_by_role("link", name="Panels en hun leden").click()
    expect(page.locator("h1")).to_have_text("Panels in Oss")
    assert_accessible(page)
    main.get_by_label("Naam van het panel").fill("Wijkpanel Centrum")
    main.get_by_label("Niveau").select_option(label=oss["centrum"].name)
    _submit(page, "Panel maken")
    expect(page.locator("h1")).to_have_text("Wijkpanel Centrum")
    expect(main).to_contain_text("Dit panel heeft nog geen leden.")
    assert_accessible(page)

    main.get_by_label("E-mailadres van het nieuwe lid").fill("niemand@example.nl")
    _submit(page, "Toevoegen aan het panel")
    expect(main).to_contain_text("Er is geen account met dit e-mailadres.")
    assert_accessible(page)
    for address in ("anja@example.nl", "collega@example.nl"):
        main.get_by_label("E-mailadres van het nieuwe lid").fill(address)
        _submit(page, "Toevoegen aan het panel")
    expect(main).to_contain_text("Anja de Vries")
    _submit(page, "Haal Karim Bakker van het panel")
    panel = Panel.objects.get(name="Wijkpanel Centrum")
    assert [m.username for m in panel.members.all()] == ["anja"]
    assert_accessible(page)

    main.get_by_label("Titel").fill("Verhalenronde voorjaar")
    main.get_by_label("Verhalen verteld vanaf").fill(f"{date.today().year}-01-01")
    main.get_by_label("Verhalen verteld tot en met").fill(f"{date.today().year}-06-30")
    for goal in ("Meedoen", "Je ontwikkelen en samen leren", "Een sociaal netwerk hebben"):
        main.get_by_label(goal).uncheck()
    _submit(page, "Ronde starten")
    expect(page.locator("h1")).to_have_text("Verhalenronde voorjaar")
    assert_accessible(page)
    round_ = Round.objects.get(panel=panel)
    assert [d["key"] for d in round_.domains] == ["meeting", "looking_out"]
