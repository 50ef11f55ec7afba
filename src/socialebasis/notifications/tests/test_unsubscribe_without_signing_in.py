"""The unsubscribe link in a mail works without signing in; opening it only asks, a POST (or a mail program's
one-click POST, RFC 8058) turns the e-mails off. A link that was not made here changes nothing."""

import re
from urllib.parse import urlsplit

import pytest
from django.test import Client
from hypothesis import given, settings
from hypothesis import strategies as st

from socialebasis.audit.models import AuditEvent
from socialebasis.notifications import selectors, services
from socialebasis.notifications.mail import unsubscribe_token
from socialebasis.notifications.models import Preference
from socialebasis.notifications.registry import Frequency

from .conftest import text_of

pytestmark = pytest.mark.django_db


def reminder(user, commit, name="Koor"):
    with commit():
        return services.notify(user, "directory.reminder", context={"name": name})


def link_in(mail) -> str:
    return urlsplit(re.search(r"https://\S+/afmelden/\S+/", text_of(mail)).group(0)).path


def test_the_link_in_the_mail_asks_first_and_then_stops_that_kind(smtp_server, commit, user_factory):
    user = user_factory(email="bewoner@example.nl")
    reminder(user, commit)
    [mail] = smtp_server.received
    path = link_in(mail)
    anonymous = Client(enforce_csrf_checks=True)

    # Opening the link (as a mail filter's link scanner does) only asks.
    page = anonymous.get(path)
    assert page.status_code == 200
    assert "Herinneringen om uw gegevens op de sociale kaart te controleren" in page.content.decode()
    assert selectors.preferences_of(user)["directory.reminder"] == Frequency.IMMEDIATELY

    done = anonymous.post(path)
    assert done.status_code == 200 and "U krijgt deze e-mails niet meer" in done.content.decode()
    assert selectors.preferences_of(user)["directory.reminder"] == Frequency.OFF
    assert AuditEvent.objects.filter(object_type="notifications.preference", object_id=str(user.pk)).exists()

    message = reminder(user, commit, name="Breiclub")
    assert message.delivery is None  # in the inbox, no mail
    assert len(smtp_server.received) == 1


def test_a_mail_program_unsubscribes_with_one_click_from_the_headers(smtp_server, commit, user_factory):
    user = user_factory(email="bewoner@example.nl")
    reminder(user, commit)
    [mail] = smtp_server.received
    assert mail["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    address = mail["List-Unsubscribe"].strip("<>")
    assert address.startswith("https://sociale-basis.example.nl/account/berichten/afmelden/")
    assert urlsplit(address).path == link_in(mail)

    response = Client(enforce_csrf_checks=True).post(
        urlsplit(address).path,
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    assert selectors.preferences_of(user)["directory.reminder"] == Frequency.OFF


def test_security_mails_have_no_unsubscribe_link_and_say_why(smtp_server, commit, user_factory):
    user = user_factory()
    with commit():
        services.notify(user, "account.security", context={"event": "Uw tweede stap is opnieuw ingesteld."})
    [mail] = smtp_server.received
    assert mail["List-Unsubscribe"] is None
    assert "afmelden" not in text_of(mail)
    assert "Dit soort e-mails kunt u niet uitzetten" in text_of(mail)


def test_the_digest_link_stops_the_daily_mail_for_every_kind_in_it(smtp_server, commit, user_factory):
    user = user_factory(email="dagelijks@example.nl")
    Preference.objects.create(user=user, kind="directory.reminder", frequency=Frequency.DAILY)
    reminder(user, commit)
    with commit():
        services.send_digests()
    [digest] = smtp_server.received
    assert "Geen e-mail per dag meer" in text_of(digest)
    response = Client().post(link_in(digest))
    assert response.status_code == 200
    assert selectors.preferences_of(user)["directory.reminder"] == Frequency.OFF


def test_a_changed_link_changes_nothing(client, user_factory):
    user = user_factory()
    token = unsubscribe_token(user, "directory.reminder")
    forged = token[:-3] + ("aaa" if not token.endswith("aaa") else "bbb")
    for path in (f"/account/berichten/afmelden/{forged}/", "/account/berichten/afmelden/niets/"):
        assert client.get(path).status_code == 404
        response = client.post(path)
        assert response.status_code == 404 and "Deze link werkt niet" in response.content.decode()
    assert not Preference.objects.filter(user=user).exists()


def test_a_link_for_a_kind_that_cannot_be_turned_off_is_refused(client, user_factory):
    user = user_factory()
    response = client.post(f"/account/berichten/afmelden/{unsubscribe_token(user, 'account.security')}/")
    assert response.status_code == 404
    assert selectors.preferences_of(user)["account.security"] == Frequency.IMMEDIATELY


@settings(max_examples=60, deadline=None)
@given(token=st.text(min_size=1, max_size=200))
def test_no_made_up_token_is_accepted(token):
    assert selectors.read_unsubscription(token) is None
