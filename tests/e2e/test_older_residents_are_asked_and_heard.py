"""The age-friendly survey from both sides: a resident answers it (a question that only follows a "ja"), a
professional goes through the project's seven step pages, enters a paper form, closes the survey early, reads the
results and turns one into an action on the sociale agenda, which "jullie zeiden, wij deden" shows. Every page
axe-clean."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e


def test_older_residents_are_asked_and_heard(site, page, assert_accessible, user_factory, signed_in_as):
    from socialebasis.areas.models import District, Municipality
    from socialebasis.surveys import services
    from socialebasis.surveys.models import Answer

    municipality = Municipality.objects.get(statcode="GM0668")
    district = District.objects.of_year(None).filter(municipality=municipality).order_by("statcode").first()
    project = services.start_project(district, "Vitaal ouder worden")
    today = timezone.localdate()
    survey = services.make_questionnaire(project, today - timedelta(days=1), today + timedelta(days=20))

    page.goto(f"{site}/peilingen/")
    assert_accessible(page)
    page.goto(f"{site}/peilingen/{survey.pk}/")
    main = page.locator("main")
    for group in main.locator("fieldset").all():
        if group.get_by_label("Mee eens", exact=True).count():
            group.get_by_label("Mee eens", exact=True).check()
    main.locator("fieldset", has_text="scootmobiel").first.get_by_label("Ja").check()
    main.get_by_label("Waar in de buurt is dat lastig?").fill("Bij de bushalte")
    assert_accessible(page)
    with page.expect_navigation():
        main.get_by_role("button", name="Mijn antwoorden versturen").click()
    expect(page.locator("h1")).to_have_text("Dank je wel voor je antwoorden")
    assert_accessible(page)
    assert Answer.objects.get(question__key="walking_aid_hard").text == "Bij de bushalte"

    staff = user_factory(username="opbouw", professional=True, municipalities=[municipality])
    signed_in_as(page, staff, second_factor=True)
    page.goto(f"{site}/gemeenten/GM0668/wijken/{district.statcode}/ouderen-betrekken/")
    assert_accessible(page)
    for step in range(1, 8):
        page.goto(f"{site}/peilingen/projecten/{project.pk}/stap/{step}/")
        expect(page.locator("h2").first).to_contain_text(f"Stap {step}")
        assert_accessible(page)
    page.goto(f"{site}/peilingen/{survey.pk}/invoeren/")
    assert_accessible(page)
    # The working group closes the survey early; its results are published at once.
    page.goto(f"{site}/peilingen/{survey.pk}/")
    page.locator("main").get_by_role("link", name="Peiling nu sluiten").click()
    assert_accessible(page)
    with page.expect_navigation():
        page.locator("main").get_by_role("button", name="Peiling nu sluiten").click()
    expect(page.locator("main")).to_contain_text("De peiling is gesloten")
    assert_accessible(page)
    page.goto(f"{site}/peilingen/{survey.pk}/actie/")
    main = page.locator("main")
    main.get_by_label("Wat inwoners zeiden").fill("De bushalte is lastig met een rollator")
    main.get_by_label("Opgave voor de sociale agenda").fill("Bushalte toegankelijk maken")
    main.get_by_label("Naam van de groep of organisatie").fill("Gemeente")
    assert_accessible(page)
    with page.expect_navigation():
        main.get_by_role("button", name="Op de sociale agenda zetten").click()
    expect(page.locator("main")).to_contain_text("Bushalte toegankelijk maken")
    assert_accessible(page)
