"""A write sent twice with the same key is stored once; the repeat gets the first answer (core/idempotency.py)."""

import re
import threading

import pytest
from django.db import connection
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from socialebasis.areas.models import Municipality
from socialebasis.core.models import IdempotencyKey
from socialebasis.directory.models import Activity
from socialebasis.profiles.models import AgendaItem

ADD_ACTIVITY = "/sociale-kaart/nieuw/activiteit/"
ADD_AGENDA_ITEM = "/gemeenten/GM0797/wijken/WK079701/agenda/nieuw/"
AGENDA = {
    "title": "Minder eenzaamheid onder ouderen",
    "evidence": "Eenzaam (65+) ligt boven de gemeente.",
    "owner_kind": "residents",
    "owner_name": "Buurtcomité Drunen",
    "municipal_role": "stimuleren",
}


def _activity(title: str = "Koffieochtend") -> dict:
    # The resident's form (directory, ADR 0032): where from the postcode, no fixed times.
    return {"title": title, "cost": "free", "how_often": "no_fixed_times", "postcode": "5251"}


def _key_on(html: str) -> str:
    return re.search(r'name="idempotency_key" value="([^"]+)"', html).group(1)


@pytest.fixture
def resident(client, seed_areas, user_factory):
    client.force_login(user_factory())
    return client


@pytest.fixture
def professional(client, seed_areas, user_factory, verified):
    verified(client, user_factory(professional=True, municipalities=[Municipality.objects.get(statcode="GM0797")]))
    return client


@pytest.mark.django_db
def test_a_resubmitted_activity_with_the_same_key_is_stored_once_and_answered_as_the_first_time(resident):
    key = _key_on(resident.get(ADD_ACTIVITY).content.decode())
    first = resident.post(ADD_ACTIVITY, {**_activity(), "idempotency_key": key})
    again = resident.post(ADD_ACTIVITY, {**_activity(), "idempotency_key": key})
    assert first.status_code == again.status_code == 302
    assert again["Location"] == first["Location"]
    assert again["Idempotent-Replay"] == "true"
    assert Activity.objects.filter(title="Koffieochtend").count() == 1
    page = resident.get(again["Location"]).content.decode()
    assert "Dit was al opgeslagen. Het is niet nog een keer opgeslagen." in page


@pytest.mark.django_db
def test_the_same_activity_under_another_key_or_without_one_is_a_new_write(resident):
    resident.post(ADD_ACTIVITY, {**_activity(), "idempotency_key": "a" * 32})
    resident.post(ADD_ACTIVITY, {**_activity(), "idempotency_key": "b" * 32})
    resident.post(ADD_ACTIVITY, _activity())
    assert Activity.objects.filter(title="Koffieochtend").count() == 3


@pytest.mark.django_db
def test_a_form_with_errors_does_not_use_up_its_key(resident):
    key = "c" * 32
    refused = resident.post(ADD_ACTIVITY, {**_activity(title=""), "idempotency_key": key})
    assert refused.status_code == 200
    assert _key_on(refused.content.decode()) == key  # the form comes back with the key it was sent with
    assert not IdempotencyKey.objects.exists()
    assert resident.post(ADD_ACTIVITY, {**_activity(), "idempotency_key": key}).status_code == 302
    assert Activity.objects.filter(title="Koffieochtend").count() == 1


@pytest.mark.django_db
def test_one_persons_key_never_answers_another_persons_write(client, seed_areas, user_factory):
    for user in (user_factory(), user_factory()):
        client.force_login(user)
        client.post(ADD_ACTIVITY, {**_activity(), "idempotency_key": "d" * 32})
    assert Activity.objects.filter(title="Koffieochtend").count() == 2


@pytest.mark.django_db
def test_an_api_client_may_send_the_key_as_a_header(resident):
    for _ in range(2):
        resident.post(ADD_ACTIVITY, _activity(), headers={"Idempotency-Key": "e" * 32})
    assert Activity.objects.filter(title="Koffieochtend").count() == 1


@pytest.mark.django_db
def test_a_resubmitted_agenda_item_with_the_same_key_is_stored_once(professional):
    key = _key_on(professional.get(ADD_AGENDA_ITEM).content.decode())
    answers = [professional.post(ADD_AGENDA_ITEM, {**AGENDA, "idempotency_key": key}) for _ in range(2)]
    assert [answer.status_code for answer in answers] == [302, 302]
    assert answers[0]["Location"] == answers[1]["Location"]
    assert AgendaItem.objects.count() == 1


@pytest.fixture
def used_keys() -> set:
    return set()


@pytest.mark.django_db
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
# NUL is refused for the whole request before any view (core/middleware.py, ADR 0022), so it is left out here; a
# browser sends UTF-8, which cannot carry a lone surrogate, so the keys are text UTF-8 can encode.
@given(key=st.text(st.characters(codec="utf-8", exclude_characters="\x00"), max_size=300))
def test_any_key_a_client_sends_is_either_used_or_ignored_never_an_error(resident, used_keys, key):
    before = Activity.objects.count()
    response = resident.post(ADD_ACTIVITY, {**_activity(), "idempotency_key": key})
    assert response.status_code == 302
    well_formed = re.fullmatch(r"[A-Za-z0-9._:-]{8,200}", key) is not None
    # A well-formed key is used (a repeat is answered, not stored); any other is ignored and the write happens.
    assert Activity.objects.count() == before + (0 if well_formed and key in used_keys else 1)
    if well_formed:
        used_keys.add(key)


@pytest.mark.django_db(transaction=True)
def test_two_requests_with_one_key_at_the_same_moment_store_one_row(seed_areas, user_factory):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite lets one writer in at a time; the race needs PostgreSQL's row locks.")
    user = user_factory()
    data = {**_activity(), "idempotency_key": "f" * 32}
    start = threading.Barrier(2)
    answers = []

    def submit():
        client = Client()
        client.force_login(user)
        start.wait()
        answers.append(client.post(ADD_ACTIVITY, data))
        connection.close()

    threads = [threading.Thread(target=submit) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(answer.status_code for answer in answers) == [302, 302]
    assert answers[0]["Location"] == answers[1]["Location"]
    assert Activity.objects.filter(title="Koffieochtend").count() == 1
