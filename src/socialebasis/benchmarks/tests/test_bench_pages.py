"""The page and load benchmarks cannot rot (ADR 0038): their builders make a small data set, every page they
measure answers, the floor answers, and the prepared staff sessions can post the load run's forms. No timing here."""

import io

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client, override_settings

from socialebasis.benchmarks import load_forms, pages_data
from socialebasis.directory.models import Activity, MeetingPlace
from socialebasis.profiles.models import AgendaItem, ProfileSummary

pytestmark = [
    pytest.mark.django_db(transaction=True),  # the builders VACUUM, which runs outside a transaction only
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the builders COPY into PostgreSQL"),
]


@pytest.fixture
def small_set():
    out = io.StringIO()
    pages_data.build(out, activities=400, profile_areas=0, municipalities=2)
    return out.getvalue()


@override_settings(ROOT_URLCONF="socialebasis.benchmarks.urls")
def test_the_small_data_set_has_every_page_the_benchmark_measures(small_set):
    assert Activity.objects.count() == 400
    assert Activity.objects.filter(place__isnull=False).exists()
    assert MeetingPlace.objects.count() == 2 * pages_data.PLACES_PER_MUNICIPALITY
    assert ProfileSummary.objects.exists()
    assert pages_data.is_built(400)

    plan = pages_data.sample(6)
    client = Client()
    for kind, paths in plan.items():
        assert paths, kind
        for path in paths:
            response = client.get(path)
            assert response.status_code == 200, (kind, path)


@override_settings(ROOT_URLCONF="socialebasis.benchmarks.urls")
def test_the_floor_answers_one_activity_with_one_query(small_set, django_assert_num_queries):
    activity = Activity.objects.order_by("pk").first()
    client = Client()
    with django_assert_num_queries(1):
        response = client.get(f"/bench/floor/{activity.pk}/")
    assert response.status_code == 200
    assert activity.title in response.content.decode()
    assert client.get("/bench/floor/0/").status_code == 404


def test_the_floor_is_not_part_of_the_site():
    assert Client().get("/bench/floor/1/").status_code == 404


def test_a_prepared_staff_session_posts_the_load_runs_forms(small_set):
    (account,) = pages_data.staff_sessions(1)
    client = Client()
    client.cookies[settings.SESSION_COOKIE_NAME] = account["session"]

    agenda = f"/gemeenten/{account['municipality']}/wijken/{account['district']}/agenda/nieuw/"
    assert client.get(agenda).status_code == 200  # signed in, second step done: no detour to the verify page
    assert client.post(agenda, load_forms.agenda_form(1)).status_code == 302
    assert AgendaItem.objects.filter(title="Meer ontmoeting in de wijk 1").exists()

    before = Activity.objects.count()
    response = client.post("/sociale-kaart/nieuw/activiteit/", load_forms.activity_form(1, account["municipality_id"]))
    assert response.status_code == 302, response.content.decode()[:3000]
    assert Activity.objects.count() == before + 1
    # What the load run wrote does not make the next run think the data set is incomplete and build it again.
    assert pages_data.is_built(400)


def test_staff_sessions_belong_to_accounts_without_a_password(small_set):
    from socialebasis.accounts.models import User

    pages_data.staff_sessions(2)
    accounts = User.objects.filter(username__startswith=pages_data.STAFF_PREFIX)
    assert accounts.count() == 2
    assert not any(user.has_usable_password() for user in accounts)
