import time

import pytest
from django.core import mail
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from socialebasis.accounts.middleware import SESSION_LOGIN_AT, SESSION_SEEN_AT
from socialebasis.accounts.tests.factories import PASSWORD
from socialebasis.audit.models import AuditEvent

pytestmark = pytest.mark.django_db


def test_account_is_locked_after_repeated_failed_logins(client, user_factory, settings):
    user = user_factory()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post("/account/inloggen/", {"username": user.username, "password": "fout"})
    locked = client.post("/account/inloggen/", {"username": user.username, "password": PASSWORD})
    assert locked.status_code == 429
    assert "tijdelijk geblokkeerd" in locked.content.decode()
    assert "_auth_user_id" not in client.session


def test_many_addresses_together_cannot_try_more_than_the_limit_on_one_account(client, user_factory, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    user = user_factory()
    for n in range(settings.AXES_FAILURE_LIMIT):
        client.post(
            "/account/inloggen/",
            {"username": user.username, "password": f"gok-{n}"},
            HTTP_X_FORWARDED_FOR=f"198.51.100.{n}",
            REMOTE_ADDR="10.0.0.2",
        )
    from_elsewhere = client.post(
        "/account/inloggen/",
        {"username": user.username, "password": PASSWORD},
        HTTP_X_FORWARDED_FOR="203.0.113.99",
        REMOTE_ADDR="10.0.0.2",
    )
    assert from_elsewhere.status_code == 429
    assert "_auth_user_id" not in client.session


def test_a_lockout_is_counted_under_the_address_our_proxy_saw(client, user_factory, settings):
    # As configured for one nginx (TRUSTED_PROXY_COUNT=1): nginx appends the address it saw to X-Forwarded-For.
    from axes.models import AccessAttempt

    settings.TRUSTED_PROXY_COUNT = 1
    user = user_factory()
    # The attacker writes an address of their choosing first; only the last entry, nginx's, counts.
    client.post(
        "/account/inloggen/",
        {"username": user.username, "password": "fout"},
        HTTP_X_FORWARDED_FOR="198.51.100.20, 203.0.113.7",
        REMOTE_ADDR="10.0.0.2",
    )
    assert list(AccessAttempt.objects.values_list("ip_address", flat=True)) == ["203.0.113.7"]


def test_a_forwarded_for_header_sent_straight_to_the_app_is_ignored(client, user_factory, settings):
    from axes.models import AccessAttempt

    settings.TRUSTED_PROXY_COUNT = 0
    user = user_factory()
    client.post(
        "/account/inloggen/",
        {"username": user.username, "password": "fout"},
        HTTP_X_FORWARDED_FOR="198.51.100.20",
        REMOTE_ADDR="203.0.113.7",
    )
    assert list(AccessAttempt.objects.values_list("ip_address", flat=True)) == ["203.0.113.7"]


def test_failed_login_says_what_to_do_in_dutch(client, user_factory):
    user = user_factory()
    response = client.post("/account/inloggen/", {"username": user.username, "password": "fout"})
    assert response.status_code == 200
    assert "klopt niet" in response.content.decode()


def test_login_is_recorded_in_the_audit_log(client, user_factory):
    user = user_factory()
    client.post("/account/inloggen/", {"username": user.username, "password": PASSWORD})
    event = AuditEvent.objects.get(action="login")
    assert (event.actor, event.actor_label) == (user, user.username)


@pytest.mark.parametrize("stale", [SESSION_SEEN_AT, SESSION_LOGIN_AT])
def test_idle_and_absolute_timeouts_sign_the_user_out(client, user_factory, settings, stale):
    client.force_login(user_factory())
    assert client.get("/account/").status_code == 200
    session = client.session
    limit = settings.SESSION_IDLE_TIMEOUT if stale == SESSION_SEEN_AT else settings.SESSION_ABSOLUTE_TIMEOUT
    session[stale] = int(time.time()) - limit - 5
    if stale == SESSION_LOGIN_AT:
        session[SESSION_SEEN_AT] = int(time.time())
    session.save()
    response = client.get("/account/")
    assert response.status_code == 302
    assert response.url.startswith("/account/inloggen/")


def test_password_reset_sends_a_working_link(client, user_factory):
    user = user_factory(email="anna@example.nl")
    client.post("/account/wachtwoord-vergeten/", {"email": "anna@example.nl"})
    assert len(mail.outbox) == 1
    link = next(line for line in mail.outbox[0].body.splitlines() if "/wachtwoord-herstellen/" in line)
    path = link.split("testserver", 1)[1]
    form = client.get(path, follow=True)
    assert form.status_code == 200
    new_password = "een-heel-nieuw-wachtwoord-2026"
    done = client.post(form.redirect_chain[-1][0], {"new_password1": new_password, "new_password2": new_password})
    assert done.status_code == 302
    user.refresh_from_db()
    assert user.check_password(new_password)


def test_unknown_address_gets_the_same_answer_and_no_mail(client, db):
    response = client.post("/account/wachtwoord-vergeten/", {"email": "niemand@example.nl"})
    assert response.status_code == 302
    assert mail.outbox == []


def test_a_short_password_is_refused_in_dutch():
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError
    from django.utils import translation

    with translation.override("nl"), pytest.raises(ValidationError) as refused:
        validate_password("kort")
    assert "Dit wachtwoord is te kort: gebruik minstens 12 tekens." in refused.value.messages


@pytest.mark.parametrize("length", [151, 256, 10_000])
def test_a_too_long_user_name_is_refused_with_a_dutch_field_error(client, length):
    response = client.post("/account/inloggen/", {"username": "a" * length, "password": "geheim-wachtwoord"})
    assert response.status_code == 200
    assert "Een gebruikersnaam heeft hoogstens 150 tekens." in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_user_name_of_the_longest_allowed_length_signs_in(client, user_factory):
    user = user_factory(username="b" * 150)
    response = client.post("/account/inloggen/", {"username": user.username, "password": PASSWORD})
    assert response.status_code == 302


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(username=st.text(max_size=400), password=st.text(max_size=300))
@example(username="a" * 256, password="geheim")
@example(username="é" * 200, password="geheim")
def test_the_login_answers_any_user_name_without_an_error(client, username, password):
    response = client.post("/account/inloggen/", {"username": username, "password": password})
    # A form with its errors, a refusal of NUL characters, or a lockout: never a 500.
    assert response.status_code in (200, 400, 429)


@pytest.fixture
def reset_quota(settings):
    from django.core.cache import cache

    settings.PASSWORD_RESET_LIMIT_PER_EMAIL = 2
    settings.PASSWORD_RESET_LIMIT_PER_ADDRESS = 4
    cache.clear()
    yield settings
    cache.clear()


def test_password_reset_mails_to_one_address_are_limited_with_the_same_answer(client, user_factory, reset_quota):
    user_factory(email="anna@example.nl")
    answers = [
        client.post("/account/wachtwoord-vergeten/", {"email": "anna@example.nl"}, REMOTE_ADDR=f"203.0.113.{n}")
        for n in range(4)
    ]
    assert len(mail.outbox) == 2
    assert {(a.status_code, a.url) for a in answers} == {(302, "/account/wachtwoord-vergeten/verstuurd/")}


def test_password_reset_requests_from_one_client_are_limited(client, user_factory, reset_quota):
    for n in range(6):
        user_factory(email=f"persoon{n}@example.nl")
    answers = [client.post("/account/wachtwoord-vergeten/", {"email": f"persoon{n}@example.nl"}) for n in range(6)]
    assert len(mail.outbox) == 4
    assert {(a.status_code, a.url) for a in answers} == {(302, "/account/wachtwoord-vergeten/verstuurd/")}
    # Another client is not held back by this one.
    client.post("/account/wachtwoord-vergeten/", {"email": "persoon5@example.nl"}, REMOTE_ADDR="203.0.113.50")
    assert len(mail.outbox) == 5


def test_without_a_reachable_redis_reset_mails_still_go(client, user_factory, settings):
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        closed_port = sock.getsockname()[1]
    settings.PASSWORD_RESET_LIMIT_PER_EMAIL = 1
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{closed_port}/7",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
    user_factory(email="anna@example.nl")
    response = client.post("/account/wachtwoord-vergeten/", {"email": "anna@example.nl"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1


@pytest.mark.parametrize(
    "password",
    [
        "aaaaaaaaaaaa",  # a repeat
        "abcdefghijklmnop",  # a series
        "123456789012",
        "qwertyuiop12",  # the keyboard
        "wachtwoord123",  # a common Dutch password
        "welkom012345",
        "iloveyou1234",  # a common English password
        "SocialeBasis2026",  # the site's name
        "Sociale-Basis!",
        "AnnaDeVries1985",  # the person's own name
        "anna.devries@example.nl",  # the person's e-mail address
        "x" * 5000,
    ],
)
def test_guessable_passwords_are_refused_in_dutch(password):
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError
    from django.utils import translation

    from socialebasis.accounts.models import User

    anna = User(username="anna", first_name="Anna", last_name="de Vries", email="anna.devries@example.nl")
    with translation.override("nl"), pytest.raises(ValidationError) as refused:
        validate_password(password, anna)
    assert any(message.startswith("Dit wachtwoord is makkelijk te raden.") for message in refused.value.messages)


@pytest.mark.parametrize(
    "password", ["paarse-olifant-fietst-naar-Drunen", "een-heel-nieuw-wachtwoord-2026", "gele-tulp-op-de-markt"]
)
def test_passwords_of_unrelated_words_are_accepted(password):
    from django.contrib.auth.password_validation import validate_password

    from socialebasis.accounts.models import User

    validate_password(password, User(username="anna", email="anna@example.nl"))


def test_a_guessable_new_password_is_refused_on_the_reset_page(client, user_factory):
    user = user_factory(email="anna@example.nl")
    client.post("/account/wachtwoord-vergeten/", {"email": "anna@example.nl"})
    link = next(line for line in mail.outbox[0].body.splitlines() if "/wachtwoord-herstellen/" in line)
    form = client.get(link.split("testserver", 1)[1], follow=True)
    answer = client.post(form.redirect_chain[-1][0], {"new_password1": "a" * 12, "new_password2": "a" * 12})
    assert answer.status_code == 200
    assert "makkelijk te raden" in answer.content.decode()
    user.refresh_from_db()
    assert not user.check_password("a" * 12)
