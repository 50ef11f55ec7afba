"""Residents and volunteers sign up themselves: confirmed by a link through a real SMTP server, nobody learns who has
an account, the accepted versions are recorded, and the account's e-mail address changes only when confirmed."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from socialebasis.accounts.documents import CURRENT_VERSIONS
from socialebasis.accounts.models import Consent, User
from socialebasis.audit.models import AuditEvent
from socialebasis.notifications.tests.conftest import text_of

pytestmark = pytest.mark.django_db

PASSWORD = "fietsen langs de maas in mei"
FORM = {
    "email": "Anna.de.Vries@example.nl",
    "password1": PASSWORD,
    "password2": PASSWORD,
    "role": "resident",
    "municipality": "GM0797",
    "postcode": "5251 ab",
    "accept": "on",
}
LINK = re.compile(r"https://sociale-basis\.example\.nl(/account/[^\s]+/)")


@pytest.fixture
def sign_up(client, seed_areas, smtp_server, django_capture_on_commit_callbacks):
    def post(**changes):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post("/account/aanmelden/", {**FORM, **changes})

    return post


def _link_in(message) -> str:
    return LINK.search(text_of(message)).group(1)


def test_a_resident_signs_up_confirms_the_link_and_signs_in_with_the_address(client, sign_up, smtp_server):
    response = sign_up()
    assert response.status_code == 302 and response.url == "/account/aanmelden/verstuurd/"
    user = User.objects.get(email="Anna.de.Vries@example.nl")
    assert not user.is_active and user.email_verified_at is None
    assert user.home_municipality.statcode == "GM0797" and user.home_district is not None
    assert user.postcode_area == "5251"  # only the four digits are kept
    assert {(c.document, c.version) for c in Consent.objects.filter(user=user)} == set(CURRENT_VERSIONS.items())

    (mail,) = smtp_server.to("Anna.de.Vries@example.nl")
    assert mail["Subject"] == "Bevestig uw e-mailadres voor Sociale Basis"
    link = _link_in(mail)
    assert (
        client.post("/account/inloggen/", {"username": "anna.de.vries@example.nl", "password": PASSWORD}).status_code
        == 200
    )

    page = client.get(link)  # opening the link only asks: a link checker in a mail program confirms nothing
    assert page.status_code == 200 and "Mijn e-mailadres bevestigen" in page.content.decode()
    assert not User.objects.get(pk=user.pk).is_active
    assert client.post(link).status_code == 302
    user.refresh_from_db()
    assert user.is_active and user.email_verified_at is not None
    assert client.post(link).status_code == 400  # spent

    signed_in = client.post("/account/inloggen/", {"username": "ANNA.de.vries@example.nl", "password": PASSWORD})
    assert signed_in.status_code == 302
    page = client.get("/account/").content.decode()
    assert "Waar u woont" in page and "Heusden" in page
    assert "Uw bewaarde zoekopdrachten" in page and "Uw berichten" in page
    assert "Bekijk of download wat wij over u bewaren" in page and "Verwerkingsregister" not in page
    assert AuditEvent.objects.filter(object_id=str(user.pk), details__email_confirmed=True).exists()


def test_signing_up_with_a_known_address_looks_the_same_and_tells_the_owner(client, sign_up, smtp_server, user_factory):
    owner = user_factory(username="anna", email="anna.de.vries@example.nl")
    first = sign_up()
    assert first.status_code == 302 and first.url == "/account/aanmelden/verstuurd/"
    assert User.objects.filter(email__iexact="anna.de.vries@example.nl").count() == 1
    (mail,) = smtp_server.received
    assert mail["To"] == owner.email
    assert "U hebt al een account" in text_of(mail)


@pytest.mark.parametrize(
    "changes, field",
    [
        ({"password2": "iets heel anders dan eerst"}, "password2"),
        ({"password1": "aaaaaaaaaaaa", "password2": "aaaaaaaaaaaa"}, "password1"),
        ({"accept": ""}, "accept"),
        ({"postcode": "6621"}, "postcode"),  # Dreumel lies in West Maas en Waal, not in Heusden
        ({"postcode": "52"}, "postcode"),
        ({"role": "administrator"}, "role"),  # staff accounts are made by an administrator
        ({"municipality": "GM9999"}, "municipality"),
        ({"email": "geen-adres"}, "email"),
    ],
)
def test_a_wrong_answer_is_named_at_its_field_and_nothing_is_made(sign_up, smtp_server, changes, field):
    response = sign_up(**changes)
    assert response.status_code == 400
    assert field in response.context["form"].errors
    assert "Kijk het formulier na" in response.content.decode()  # the summary at the top
    assert not User.objects.exists() and smtp_server.received == []


def test_sign_ups_from_one_connection_are_limited(sign_up, settings):
    from django.core.cache import cache

    cache.clear()  # the count lives in the cache, shared by the tests of this process
    settings.SIGN_UP_LIMIT_PER_ADDRESS = 1
    assert sign_up().status_code == 302
    refused = sign_up(email="bram@example.nl")
    assert refused.status_code == 400 and "Te veel aanmeldingen" in refused.content.decode()
    assert not User.objects.filter(email="bram@example.nl").exists()


def test_a_made_up_link_does_not_work(client, sign_up):
    sign_up()
    assert client.get("/account/bevestigen/MQ/abc-123/").status_code == 400
    assert client.post("/account/bevestigen/%00/x/").status_code == 400


def test_an_unconfirmed_sign_up_is_deleted_after_a_week(sign_up):
    from socialebasis.privacy.services import apply_retention

    sign_up()
    sign_up(email="bram@example.nl")
    User.objects.filter(email="bram@example.nl").update(date_joined=timezone.now() - timedelta(days=8))
    assert apply_retention()["accounts.User"] == 1
    assert list(User.objects.values_list("email", flat=True)) == ["Anna.de.Vries@example.nl"]


def test_a_new_e_mail_address_counts_once_confirmed_and_the_old_one_is_told(
    client,
    seed_areas,
    smtp_server,
    user_factory,
    django_capture_on_commit_callbacks,
):
    from socialebasis.accounts.tests.factories import PASSWORD as OLD_PASSWORD

    user = user_factory(username="anna@example.nl", email="anna@example.nl")
    client.force_login(user)
    wrong = client.post("/account/e-mailadres/", {"email": "anna@nieuw.example.nl", "password": "fout"})
    assert wrong.status_code == 400
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/account/e-mailadres/", {"email": "anna@nieuw.example.nl", "password": OLD_PASSWORD})
    user.refresh_from_db()
    assert user.email == "anna@example.nl"  # not before the link is followed
    link = _link_in(smtp_server.to("anna@nieuw.example.nl")[0])

    other = user_factory(username="bram")
    client.force_login(other)
    assert client.get(link).status_code == 400  # another person's link

    client.force_login(user)
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(link).status_code == 302
    user.refresh_from_db()
    assert (user.email, user.username) == ("anna@nieuw.example.nl", "anna@nieuw.example.nl")
    assert "gewijzigd" in text_of(smtp_server.to("anna@example.nl")[0])


def test_the_password_reset_mail_leaves_through_the_same_door(client, seed_areas, smtp_server, user_factory):
    user_factory(username="anna", email="anna@example.nl")
    client.post("/account/wachtwoord-vergeten/", {"email": "anna@example.nl"})
    (mail,) = smtp_server.to("anna@example.nl")
    assert "/account/wachtwoord-herstellen/" in text_of(mail)
    assert mail["Message-ID"].endswith("@sociale-basis.example.nl>")
