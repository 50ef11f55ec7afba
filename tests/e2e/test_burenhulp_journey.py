"""Issue 13 points 7 and 9: the burenhulp journey in the browser, axe on every page it passes.

A resident of Vlijmen asks for help with her shopping; a volunteer finds it among the suggestions for him, offers
help with a message; they write, she says yes, both agree to share contact details and only then each sees the
other's; after the follow-up days both are asked how it went and the volunteer records his hours.
"""

import re
from datetime import timedelta

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e

PHONE, ADDRESS = "0687654321", "Molenstraat 12"


def _submit(page, selector):
    with page.expect_navigation():
        page.locator(selector).click()


@pytest.fixture
def people(site, user_factory):
    from socialebasis.neighbourhelp.tests.factories import presets, volunteer

    presets()
    riet = user_factory(username="riet", first_name="Riet", email="riet@example.nl")
    harm = volunteer(user_factory(username="harm", first_name="Harm", role="volunteer"), parts=("1-0", "1-1"))
    return riet, harm


def test_request_suggestion_messages_consent_contact_and_follow_up(site, new_page, sign_in, assert_accessible, people):
    from django.utils import timezone

    from socialebasis.neighbourhelp import services
    from socialebasis.neighbourhelp.models import FollowUp, HelpRequest, VolunteerProfile

    riet_page, harm_page = new_page(), new_page()

    # The resident asks for help.
    sign_in(riet_page, "riet")
    riet_page.goto(f"{site}/burenhulp/")
    assert_accessible(riet_page)
    riet_page.goto(f"{site}/burenhulp/vragen/nieuw/")
    assert_accessible(riet_page)
    main = riet_page.locator("main")
    main.locator("#id_postcode").fill("5251 AB")
    main.locator("#id_category").select_option(label="Boodschappen · Heusden")
    main.locator("#id_text").fill("Wie neemt dinsdag mijn boodschappen mee?")
    main.locator("input[name=parts][value='1-0']").check()
    main.locator("#id_address").fill(ADDRESS)
    main.locator("#id_phone").fill(PHONE)
    _submit(riet_page, "main form button[type=submit]")
    request = HelpRequest.objects.get()
    expect(riet_page).to_have_url(f"{site}/burenhulp/vragen/{request.pk}/")
    assert_accessible(riet_page)

    # The volunteer sees it among the requests that fit him, with the reasons, and offers help.
    sign_in(harm_page, "harm")
    harm_page.goto(f"{site}/burenhulp/vrijwilliger/")
    suggestion = harm_page.locator("main ol li", has_text="Boodschappen")
    expect(suggestion).to_contain_text("km")
    assert_accessible(harm_page)
    with harm_page.expect_navigation():
        suggestion.get_by_role("link").click()
    assert_accessible(harm_page)
    harm_page.locator("#id_message").fill("Ik kom dinsdagochtend langs de supermarkt.")
    _submit(harm_page, "main form[action$='/helpen/'] button[type=submit]")
    expect(harm_page).to_have_url(re.compile(r"/burenhulp/gesprekken/\d+/$"))
    conversation = harm_page.url
    for secret in (PHONE, ADDRESS, "riet@example.nl"):
        expect(harm_page.locator("body")).not_to_contain_text(secret)
    assert_accessible(harm_page)

    # The resident reads it from her own list, answers, says yes and agrees to share her details.
    riet_page.goto(f"{site}/burenhulp/mijn/")
    assert_accessible(riet_page)
    with riet_page.expect_navigation():
        riet_page.locator("main section", has=riet_page.locator("#my-conversations")).get_by_role("link").first.click()
    expect(riet_page.locator("main")).to_contain_text("Ik kom dinsdagochtend")
    riet_page.locator("#id_body").fill("Graag! Bel maar even aan.")
    _submit(riet_page, "main form[action$='/bericht/'] button[type=submit]")
    _submit(riet_page, "main form.sb-steps button[value=accepted]")
    _submit(riet_page, "main form[action$='/contact/'] button[type=submit]")
    assert_accessible(riet_page)
    expect(riet_page.locator("main")).not_to_contain_text("harm@example.nl")

    # Only once he agrees too, he sees her phone number and address (and she his e-mail address).
    harm_page.goto(conversation)
    expect(harm_page.locator("main")).to_contain_text("Bel maar even aan")
    expect(harm_page.locator("body")).not_to_contain_text(PHONE)
    _submit(harm_page, "main form[action$='/contact/'] button[type=submit]")
    expect(harm_page.locator("main")).to_contain_text(PHONE)
    expect(harm_page.locator("main")).to_contain_text(ADDRESS)
    assert_accessible(harm_page)
    riet_page.goto(conversation)
    expect(riet_page.locator("main")).to_contain_text("harm@example.nl")

    # After the follow-up days both are asked how it went; he answers and records his hours.
    request.refresh_from_db()
    assert request.status == "matched"
    days = request.municipality.help_settings.follow_up_days
    assert services.ask_follow_ups(timezone.now() + timedelta(days=days + 1)) == 1
    harm_page.goto(f"{site}/burenhulp/mijn/")
    with harm_page.expect_navigation():
        harm_page.locator("main .utrecht-alert").get_by_role("link").first.click()
    assert_accessible(harm_page)
    harm_page.locator("input[name=happened][value=yes]").check()
    harm_page.locator("#id_how_it_went").fill("Leuk contact.")
    harm_page.locator("#id_hours").fill("1,5")
    _submit(harm_page, "main form button[type=submit]")
    follow_up = FollowUp.objects.get(user__username="harm")
    assert follow_up.happened is True and str(follow_up.hours) == "1.5"
    assert str(VolunteerProfile.objects.get(user__username="harm").hours) == "1.5"
    request.refresh_from_db()
    assert request.status == "done"
