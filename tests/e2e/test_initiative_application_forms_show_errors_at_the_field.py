"""The application page's forms without JavaScript: a form sent with an error comes back with the message at its
field and a summary at the top whose link leads to that field; the page with errors has no axe violations."""

import pytest

pytestmark = pytest.mark.e2e


def test_the_table_and_the_applicant_see_their_errors_at_the_field(
    site, new_page, assert_accessible, user_factory, signed_in_as
):
    from socialebasis.areas.models import Municipality
    from socialebasis.frameworks import services as framework_services
    from socialebasis.initiatives import selectors, services
    from socialebasis.initiatives.tests.factories import ApplicationFactory
    from socialebasis.initiatives.vocabulary import ApplicationStatus as S
    from socialebasis.workflows.services import transition

    framework_services.load_presets(["GM0828"])
    oss = Municipality.objects.get(statcode="GM0828")
    fund = services.load_fund_preset(oss, "oss-fonds-sociale-basis")
    wijk = selectors.latest_districts(oss).get(name="Schadewijk")
    services.set_budget(fund, wijk, 2026, 5000, actor=None)
    applicant, member = user_factory(first_name="Fatima"), user_factory(first_name="Kees")
    services.seat_member(fund, member, actor=None)
    application = ApplicationFactory(fund=fund, district=wijk, applicant=applicant, year=2026)
    transition(application, S.SUBMITTED, actor=applicant)
    transition(application, S.IN_REVIEW, actor=member)
    page = new_page(javascript=False)

    # A member declares an interest but does not say which.
    signed_in_as(page, member)
    page.goto(f"{site}{application.get_absolute_url()}")
    main = page.locator("main")
    main.get_by_label("Ja", exact=True).check()
    main.get_by_role("button", name="Mijn verklaring opslaan").click()
    summary = main.locator(".sb-error-summary")
    assert "Zeg in een paar woorden wat uw belang is." in summary.inner_text()
    field = main.get_by_label("Zo ja: wat is uw belang?")
    assert field.get_attribute("aria-invalid") == "true"
    assert main.get_by_label("Ja", exact=True).is_checked()  # what was chosen stays chosen
    assert page.locator(".sb-messages").count() == 0  # not a message above the page
    assert_accessible(page)
    summary.get_by_role("link").first.click()
    assert page.url.endswith("#id_d-explanation")

    # An empty note: the message is at the note's field.
    main.get_by_label("Ja", exact=True).check()
    main.get_by_label("Zo ja: wat is uw belang?").fill("Ik ken de aanvrager goed.")
    main.get_by_role("button", name="Mijn verklaring opslaan").click()
    main.get_by_role("button", name="De notitie opslaan").click()
    assert "Dit veld is vereist." in main.locator("#id_n-text_error").inner_text()
    assert_accessible(page)

    # The applicant sends an answer without text.
    question = services.ask_question(application, member, "where", "Mag het op het plein?")
    signed_in_as(page, applicant)
    page.goto(f"{site}{application.get_absolute_url()}")
    page.locator("main").get_by_role("button", name="Mijn antwoord versturen").click()
    assert "Dit veld is vereist." in page.locator(f"#id_a{question.pk}-answer_error").inner_text()
    assert_accessible(page)


def test_the_one_page_application_shows_its_errors_at_the_field(
    site, new_page, assert_accessible, user_factory, signed_in_as
):
    from socialebasis.areas.models import Municipality
    from socialebasis.frameworks import services as framework_services
    from socialebasis.initiatives import selectors, services
    from socialebasis.initiatives.models import Application

    framework_services.load_presets(["GM0828"])
    oss = Municipality.objects.get(statcode="GM0828")
    fund = services.load_fund_preset(oss, "oss-fonds-sociale-basis")
    wijk = selectors.latest_districts(oss).get(name="Schadewijk")
    services.set_budget(fund, wijk, 2026, 5000, actor=None)
    page = new_page(javascript=False)
    signed_in_as(page, user_factory(first_name="Fatima"))

    # She asks for more than the fund gives and forgets the name of her plan.
    page.goto(f"{site}/initiatieven/fondsen/{fund.pk}/aanvragen/")
    main = page.locator("main")
    main.get_by_label("Geef uw plan een korte naam").fill("")
    main.get_by_label("In welke wijk?").select_option(label="Schadewijk")
    main.locator("#id_amount").fill(str(fund.maximum + 1))
    main.get_by_role("button", name="Concept opslaan en de toets zien").click()
    summary = main.locator(".sb-error-summary")
    assert "Geef uw plan een korte naam" in summary.inner_text()
    assert f"€ {fund.maximum}" in main.locator("#id_amount_error").inner_text()
    assert main.get_by_label("Geef uw plan een korte naam").get_attribute("aria-invalid") == "true"
    assert page.title().startswith("Fout:")
    assert_accessible(page)
    summary.get_by_role("link").first.click()
    assert page.url.endswith("#id_title")
    assert not Application.objects.exists()
