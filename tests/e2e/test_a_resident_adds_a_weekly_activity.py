"""A resident adds "elke dinsdag 10:00-12:00" by picking a day and times, without JavaScript and with it: a mistake
is listed at the top and at its field, the activity lands in the wijk of the postcode, and the resident reads that
it is being looked at. axe-core checks every step (issue 12 points 4 and 11)."""

import io

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e


@pytest.fixture
def resident(site, user_factory):
    from django.core.management import call_command

    from socialebasis.areas.models import Municipality

    call_command("load_framework_presets", stdout=io.StringIO())
    return user_factory(username="bewoner", home_municipality=Municipality.objects.get(statcode="GM0797"))


@pytest.mark.parametrize("javascript", [False, True], ids=["no-js", "js"])
def test_a_resident_adds_a_weekly_activity_and_sees_it_is_being_looked_at(
    site, resident, new_page, sign_in, assert_accessible, javascript
):
    from socialebasis.directory.models import Activity

    page = new_page(javascript=javascript)
    sign_in(page, "bewoner")
    page.goto(f"{site}/sociale-kaart/nieuw/activiteit/")
    main = page.locator("main")
    expect(page.locator("h1")).to_have_text("Toevoegen: activiteit")
    expect(main).not_to_contain_text("RRULE")
    assert_accessible(page)

    main.get_by_label("Titel").fill("Koffieochtend aan de Vliet")
    main.get_by_label("Omschrijving").fill("Elke week koffie en een praatje met de buren.")
    main.get_by_label("elke week", exact=True).check()
    main.get_by_label("Van", exact=True).fill("12:00")
    main.get_by_label("Tot", exact=True).fill("10:00")
    main.get_by_label("Postcode van de plek waar het is").fill("5251 AB")
    main.get_by_label("Ontmoeten en verbinden").check()
    with page.expect_navigation():
        main.get_by_role("button", name="Opslaan").click()
    summary = main.get_by_role("alert")
    expect(summary).to_contain_text("Kijk het formulier na")
    expect(summary).to_contain_text("Kies de dag of dagen waarop het is.")
    expect(summary).to_contain_text("De eindtijd moet na de begintijd liggen.")
    expect(main.locator("#id_end_time_error")).to_contain_text("De eindtijd moet na de begintijd liggen.")
    assert_accessible(page)

    main.get_by_label("dinsdag").check()
    main.get_by_label("Van", exact=True).fill("10:00")
    main.get_by_label("Tot", exact=True).fill("12:00")
    with page.expect_navigation():
        main.get_by_role("button", name="Opslaan").click()
    expect(page.locator("h1")).to_have_text("Koffieochtend aan de Vliet")
    expect(main).to_contain_text("wordt bekeken")
    expect(main).to_contain_text("dinsdag")
    expect(main).to_contain_text("10:00")
    expect(main).not_to_contain_text("buiten")
    assert_accessible(page)

    activity = Activity.objects.get(title="Koffieochtend aan de Vliet")
    assert activity.recurrence == "FREQ=WEEKLY;BYDAY=TU" and activity.duration_minutes == 120
    assert activity.municipality.statcode == "GM0797" and activity.district is not None
    assert activity.status == "submitted" and activity.goals
