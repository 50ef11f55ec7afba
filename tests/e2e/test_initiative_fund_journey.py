"""Issue 15: a resident asks the Oss fund for money without JavaScript, the initiative table asks a question back and
decides, and the public sees what was granted; every page of the initiatives app once, each checked with axe."""

import pytest

pytestmark = pytest.mark.e2e


@pytest.fixture
def fund_site(site):
    from socialebasis.areas.models import Municipality
    from socialebasis.frameworks import services as framework_services
    from socialebasis.initiatives import selectors, services

    framework_services.load_presets(["GM0828"])
    oss = Municipality.objects.get(statcode="GM0828")
    fund = services.load_fund_preset(oss, "oss-fonds-sociale-basis")
    wijk = selectors.latest_districts(oss).get(name="Schadewijk")
    services.set_budget(fund, wijk, 2026, 5000, actor=None)
    return site, fund, wijk


def test_apply_ask_back_answer_decide_and_publish(fund_site, new_page, assert_accessible, user_factory, signed_in_as):
    from socialebasis.initiatives import services
    from socialebasis.initiatives.models import Application

    site, fund, wijk = fund_site
    applicant, member = user_factory(first_name="Fatima"), user_factory(first_name="Kees")
    services.seat_member(fund, member, actor=None)
    page = new_page(javascript=False)

    # The public fund page, then the one-page form.
    page.goto(f"{site}/initiatieven/fondsen/{fund.pk}/")
    assert_accessible(page)
    signed_in_as(page, applicant)
    page.goto(f"{site}/initiatieven/fondsen/{fund.pk}/aanvragen/")
    assert_accessible(page)
    main = page.locator("main")
    main.get_by_label("Geef uw plan een korte naam").fill("Burendag Schadewijk")
    main.get_by_label("Wat wilt u doen?").fill("Een middag met koffie en muziek op het plein.")
    main.get_by_label("Voor wie is het?").fill("Alle buren")
    main.get_by_label("In welke wijk?").select_option(label="Schadewijk")
    main.get_by_label("Waar is het?").fill("Het plein")
    main.get_by_label("Wanneer is het?").fill("Zaterdag 6 juni")
    main.get_by_label("Hoeveel geld vraagt u?").fill("20000")  # above the fund's maximum
    main.get_by_label("Waar geeft u het aan uit?").fill("Koffie, thee en muziek")
    main.get_by_role("button", name="Concept opslaan en de toets zien").click()
    assert "hoogstens € 7500" in main.inner_text()
    assert_accessible(page)  # the page with errors at the fields
    main.get_by_label("Hoeveel geld vraagt u?").fill("600")
    main.get_by_role("button", name="Concept opslaan en de toets zien").click()
    assert "Toets aan het lokale kader" in page.locator("main").inner_text()
    assert_accessible(page)  # the draft with the check and the principles
    page.locator("main").get_by_role("button", name="De aanvraag versturen").click()
    application = Application.objects.get()
    assert application.status == "submitted"

    # The table (a resident) starts the review, declares no interest and asks a question back.
    signed_in_as(page, member)
    page.goto(f"{site}/initiatieven/mijn/")
    assert_accessible(page)
    page.goto(f"{site}{application.get_absolute_url()}")
    page.locator("main").get_by_role("button", name="Beoordeling starten").click()
    main = page.locator("main")
    main.get_by_label("Nee").check()
    main.get_by_role("button", name="Mijn verklaring opslaan").click()
    main.get_by_label("Over welke vraag van het formulier?").select_option(label="Waar is het?")
    main.get_by_label("Uw vraag").fill("Heeft u toestemming voor het plein?")
    main.get_by_role("button", name="De vraag versturen").click()
    assert "Wacht op aanvrager" in page.locator("main").inner_text()
    assert_accessible(page)  # the table's view

    # The applicant answers; the review goes on.
    signed_in_as(page, applicant)
    page.goto(f"{site}{application.get_absolute_url()}")
    page.locator("main").get_by_label("Uw antwoord", exact=True).fill("Ja, de gemeente gaf toestemming.")
    page.locator("main").get_by_role("button", name="Mijn antwoord versturen").click()
    assert "In behandeling" in page.locator("main").inner_text()
    assert_accessible(page)

    # The table decides, then sends the decision as a separate moment.
    signed_in_as(page, member)
    page.goto(f"{site}{application.get_absolute_url()}")
    main = page.locator("main")
    main.get_by_label("Helemaal toegekend").check()
    main.get_by_label("Reden, in gewone woorden").fill("Een mooi plan dat buren samenbrengt.")
    main.get_by_role("button", name="Besluiten").click()
    assert "Besloten, nog niet naar de aanvrager verstuurd." in page.locator("main").inner_text()
    page.locator("main").get_by_role("button", name="Het besluit versturen").click()
    application.refresh_from_db()
    assert application.status == "published" and application.granted == 600

    # The public overview of Oss shows the grant; the division page, its what-if and a new initiative.
    page.context.clear_cookies()
    page.goto(f"{site}/initiatieven/?gemeente=GM0828&wijk={wijk.statcode}")
    assert "Burendag Schadewijk" in page.locator("main").inner_text()
    assert_accessible(page)
    page.goto(f"{site}/initiatieven/fondsen/{fund.pk}/verdeling/?year=2026&total=10000&base_share=100")
    assert "Wat als: nieuwe bedragen naast de huidige" in page.locator("main").inner_text()
    assert_accessible(page)
    signed_in_as(page, applicant)
    page.goto(f"{site}/initiatieven/nieuw/?gemeente=GM0828")
    assert_accessible(page)
    main = page.locator("main")
    main.get_by_label("Naam van het initiatief").fill("Doorgeefkast Schadewijk")
    main.get_by_label("Wat doet u?").fill("Een kast waar buren spullen in zetten voor elkaar.")
    main.get_by_label("Voor wie?").fill("Iedereen")
    main.get_by_label("Schadewijk").check()
    main.get_by_role("button", name="Opslaan").click()
    assert "Doorgeefkast Schadewijk" in page.locator("h1").inner_text()
    assert_accessible(page)  # the initiative's public page
