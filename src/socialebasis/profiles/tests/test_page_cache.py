"""The public wijk profile comes from the cache until something it shows changes; staff pages are never cached
(page_cache.py, ADR 0038)."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from socialebasis.areas.models import Municipality
from socialebasis.profiles import summaries

from .test_norms_and_agenda import AGENDA

PROFILE = "/gemeenten/GM0797/wijken/WK079701/profiel/"
NEW_ITEM = "/gemeenten/GM0797/wijken/WK079701/agenda/nieuw/"


@pytest.fixture
def heusden(health_data):
    return Municipality.objects.get(statcode="GM0797")


@pytest.fixture
def officer_client(heusden, user_factory, verified):
    officer = Client()
    verified(officer, user_factory(policy_officer=True, municipalities=[heusden]))
    return officer


def _visit(client) -> tuple[str, int]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(PROFILE)
    assert response.status_code == 200
    return response.content.decode(), len(queries)


def test_a_second_public_visit_reads_the_page_from_the_cache(client, heusden):
    first, first_queries = _visit(client)
    second, second_queries = _visit(client)

    assert second_queries < first_queries
    assert second.split("<main", 1)[1] == first.split("<main", 1)[1]


def test_a_new_agenda_item_shows_to_the_public_at_once(
    client, heusden, officer_client, django_capture_on_commit_callbacks
):
    before, _queries = _visit(client)
    assert AGENDA["title"] not in before

    with django_capture_on_commit_callbacks(execute=True):
        assert officer_client.post(NEW_ITEM, AGENDA).status_code == 302

    after, _queries = _visit(client)
    assert AGENDA["title"] in after


def test_the_public_never_gets_the_staff_page_nor_staff_the_public_one(client, heusden, officer_client):
    public_first, _queries = _visit(client)
    staff, _queries = _visit(officer_client)
    public_after, _queries = _visit(client)

    assert NEW_ITEM in staff  # the officer's link to add an opgave
    assert NEW_ITEM not in public_first and NEW_ITEM not in public_after


def test_a_recompute_of_the_summaries_makes_the_public_page_again(client, heusden, django_capture_on_commit_callbacks):
    _page, first_queries = _visit(client)
    with django_capture_on_commit_callbacks(execute=True):
        summaries.recompute(["GM0797"])

    _page, queries_after = _visit(client)
    assert queries_after == first_queries


def test_a_change_elsewhere_leaves_the_page_cached(client, heusden, django_capture_on_commit_callbacks):
    _page, first_queries = _visit(client)
    with django_capture_on_commit_callbacks(execute=True):
        summaries.recompute(["GM1961"])  # another municipality

    _page, queries_after = _visit(client)
    assert queries_after < first_queries
