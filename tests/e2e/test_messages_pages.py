"""Messages (inbox), one message and the e-mail preferences: axe-clean and usable with JavaScript on and off.

The header names the unread count so that a screen reader hears "Berichten (2 ongelezen)".
"""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e


@pytest.fixture
def resident(site, user_factory):
    from socialebasis.notifications import services

    user = user_factory(username="bewoner", email="bewoner@example.nl")
    services.set_preferences(user, {"directory.reminder": "off"})  # no mail leaves the test
    for name in ("Koor De Lindeboom", "Breiclub"):
        services.notify(user, "directory.reminder", context={"name": name})
    return user


@pytest.mark.parametrize("javascript", [True, False], ids=["javascript", "no-javascript"])
def test_inbox_message_and_preferences(site, resident, new_page, sign_in, assert_accessible, javascript):
    page = new_page(javascript=javascript)
    sign_in(page, "bewoner")
    header = page.locator("header")
    messages_link = header.get_by_role("link", name="Berichten (2 ongelezen)")
    expect(messages_link).to_be_visible()
    expect(messages_link.locator("[aria-hidden=true]")).to_have_text(" (2)")  # what is seen

    with page.expect_navigation():
        messages_link.click()
    expect(page.locator("h1")).to_have_text("Berichten")
    expect(page.locator("main table tbody tr")).to_have_count(2)
    assert_accessible(page)

    with page.expect_navigation():
        page.locator("main").get_by_role("link", name="Kloppen uw gegevens op de sociale kaart nog? (Breiclub)").click()
    expect(page.locator("main")).to_contain_text("Wilt u controleren of")
    expect(page.locator("main")).to_contain_text("Breiclub")
    expect(header.get_by_role("link", name="Berichten (1 ongelezen)")).to_be_visible()
    assert_accessible(page)

    with page.expect_navigation():
        page.locator("main").get_by_role("button", name="Als ongelezen markeren").click()
    expect(page.locator("main [role=status]")).to_contain_text("Het bericht staat weer op ongelezen.")
    with page.expect_navigation():
        page.locator("main").get_by_role("button", name="Alles als gelezen markeren").click()
    expect(header.get_by_role("link", name="Berichten", exact=True)).to_be_visible()
    assert_accessible(page)

    with page.expect_navigation():
        page.locator("main").get_by_role("link", name="Kies welke berichten u ook per e-mail krijgt").click()
    expect(page.locator("h1")).to_have_text("E-mail over berichten")
    assert_accessible(page)
    reminders = page.locator("main").get_by_role(
        "group", name="Herinneringen om uw gegevens op de sociale kaart te controleren"
    )
    reminders.get_by_label("Eén keer per dag, alles in één e-mail").check()
    page.locator("main").get_by_role("group", name="Taal van uw berichten").get_by_label("Engels").check()
    with page.expect_navigation():
        page.locator("main").get_by_role("button", name="Mijn keuzes opslaan").click()
    expect(page.locator("main [role=status]")).to_contain_text("Uw keuzes zijn opgeslagen.")
    expect(reminders.get_by_label("Eén keer per dag, alles in één e-mail")).to_be_checked()
    assert_accessible(page)


def test_unsubscribe_pages_without_signing_in(site, resident, page, assert_accessible):
    from socialebasis.notifications.mail import unsubscribe_token

    page.goto(f"{site}/account/berichten/afmelden/{unsubscribe_token(resident, 'directory.reminder')}/")
    expect(page.locator("h1")).to_have_text("E-mails stoppen")
    assert_accessible(page)
    with page.expect_navigation():
        page.locator("main").get_by_role("button", name="Ja, stop deze e-mails").click()
    expect(page.locator("h1")).to_have_text("U krijgt deze e-mails niet meer")
    assert_accessible(page)

    page.goto(f"{site}/account/berichten/afmelden/niet-echt/")
    expect(page.locator("h1")).to_have_text("Deze link werkt niet")
    assert_accessible(page)
