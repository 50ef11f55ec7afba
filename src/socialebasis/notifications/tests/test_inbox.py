"""The inbox: only the recipient reads a message (everyone else gets 404), opening reads it, and the header of
every page shows the unread count with one cheap query."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from socialebasis.audit.models import Action, AuditEvent
from socialebasis.notifications import selectors, services
from socialebasis.notifications.models import Message

pytestmark = pytest.mark.django_db


def message_for(user, event="Uw wachtwoord is gewijzigd."):
    return services.notify(user, "account.security", context={"event": event})


def test_another_user_gets_404_for_every_read_path(client, user_factory):
    owner = user_factory()
    message = message_for(owner)
    other = user_factory()
    client.force_login(other)
    assert client.get(f"/account/berichten/{message.pk}/").status_code == 404
    assert client.post(f"/account/berichten/{message.pk}/ongelezen/").status_code == 404
    assert message.subject not in client.get("/account/berichten/").content.decode()
    assert selectors.inbox_of(other).count() == 0
    message.refresh_from_db()
    assert message.read_at is None  # looking did not read it


def test_staff_do_not_see_other_peoples_messages(client, verified, user_factory):
    resident = user_factory()
    message = message_for(resident)
    for staff in (user_factory(professional=True), user_factory(administrator=True)):
        client.logout()
        verified(client, staff)
        assert client.get(f"/account/berichten/{message.pk}/").status_code == 404
        assert selectors.inbox_of(staff).filter(pk=message.pk).count() == 0


def test_the_inbox_asks_to_sign_in_first(client, user_factory):
    message = message_for(user_factory())
    for path in ("/account/berichten/", f"/account/berichten/{message.pk}/", "/account/berichten/instellingen/"):
        response = client.get(path)
        assert response.status_code == 302 and response["Location"].startswith("/account/inloggen/")


def test_opening_a_message_reads_it_and_it_can_be_marked_unread_again(client, user_factory):
    user = user_factory()
    message = message_for(user, event="Er is ingelogd vanaf een nieuw apparaat.")
    client.force_login(user)
    inbox = client.get("/account/berichten/").content.decode()
    assert "Nee, nieuw" in inbox and message.subject in inbox

    page = client.get(f"/account/berichten/{message.pk}/").content.decode()
    assert "Er is ingelogd vanaf een nieuw apparaat." in page
    message.refresh_from_db()
    assert message.read_at is not None

    client.post(f"/account/berichten/{message.pk}/ongelezen/")
    message.refresh_from_db()
    assert message.read_at is None
    client.post("/account/berichten/alles-gelezen/")
    assert selectors.unread_count(user) == 0


def test_a_message_about_a_page_links_to_it(client, seed_areas, user_factory):
    from socialebasis.directory.tests.factories import ActivityFactory

    owner = user_factory()
    activity = ActivityFactory(owner=owner, title="Koor")
    message = services.notify(owner, "directory.reminder", context={"name": "Koor"}, about=activity)
    assert message.link == activity.get_absolute_url()
    client.force_login(owner)
    page = client.get(f"/account/berichten/{message.pk}/").content.decode()
    assert f'href="{activity.get_absolute_url()}"' in page


def header_link(html: str) -> str:
    match = re.search(r'<a class="utrecht-link" href="/account/berichten/">(.*?)</a>', html, re.S)
    return match.group(1) if match else ""


def test_the_header_of_every_page_shows_the_unread_count(client, seed_areas, user_factory):
    user = user_factory()
    for _ in range(2):
        message_for(user)
    client.force_login(user)
    for path in ("/", "/sociale-kaart/", "/account/"):
        html = client.get(path).content.decode()
        # Seen: "Berichten (2)"; heard by a screen reader: "Berichten (2 ongelezen)".
        assert header_link(html) == (
            'Berichten<span aria-hidden="true"> (2)</span><span class="sb-visually-hidden"> (2 ongelezen)</span>'
        )

    services.mark_all_read(user)
    assert header_link(client.get("/").content.decode()) == "Berichten"
    client.logout()
    assert "/account/berichten/" not in client.get("/").content.decode()


def test_the_unread_count_costs_one_query_per_page(client, user_factory):
    user = user_factory()
    message_for(user)
    client.force_login(user)
    with CaptureQueriesContext(connection) as queries:
        client.get("/account/")
    counted = [q["sql"] for q in queries.captured_queries if "notifications_message" in q["sql"]]
    assert len(counted) == 1 and "COUNT(" in counted[0].upper()


def test_administrators_read_messages_in_the_admin_only_and_read_only(client, verified, user_factory):
    resident = user_factory()
    message = message_for(resident)
    admin = user_factory(administrator=True)
    verified(client, admin)
    url = f"/beheer/notifications/message/{message.pk}/change/"
    assert client.get(url).status_code == 200
    assert AuditEvent.objects.filter(action=Action.VIEW, object_id=str(message.pk), actor=admin).exists()
    client.post(url, {"subject": "Anders"})
    message.refresh_from_db()
    assert message.subject != "Anders"
    assert client.get("/beheer/notifications/message/add/").status_code == 403
    assert client.post(f"/beheer/notifications/message/{message.pk}/delete/", {"post": "yes"}).status_code == 403
    assert Message.objects.filter(pk=message.pk).exists()


def test_other_staff_have_no_admin_view_of_messages(client, verified, user_factory):
    message = message_for(user_factory())
    professional = user_factory(professional=True, is_staff=True)
    verified(client, professional)
    assert client.get(f"/beheer/notifications/message/{message.pk}/change/").status_code in (302, 403)
    assert client.get("/beheer/notifications/message/").status_code in (302, 403)
