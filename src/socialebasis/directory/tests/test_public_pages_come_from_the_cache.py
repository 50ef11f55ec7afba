"""Anonymous visitors get the sociale kaart's pages from the cache until something they show changes; a change,
also a status step, shows at once; nobody signed in ever gets a kept page; each visitor gets their own CSRF token
(core/page_cache.py, ADR 0038)."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from socialebasis.areas.models import Municipality
from socialebasis.directory import services
from socialebasis.directory.vocabulary import Status

from .factories import ActivityFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def activity(seed_areas):
    return ActivityFactory(title="Koffieochtend De Linde")


@pytest.fixture
def professional(user_factory):
    return user_factory(professional=True, municipalities=[Municipality.objects.get(statcode="GM0797")])


def _visit(client, path) -> tuple[str, int]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return response.content.decode(), len(queries)


@pytest.mark.parametrize("path", ["/sociale-kaart/activiteiten/{pk}/", "/sociale-kaart/?q=koffieochtend"])
def test_a_second_visit_is_read_from_the_cache(client, activity, path):
    path = path.format(pk=activity.pk)
    first, first_queries = _visit(client, path)
    second, second_queries = _visit(client, path)
    assert first_queries > 0 and second_queries == 0
    assert "Koffieochtend De Linde" in second
    assert second.split("<main", 1)[1] == first.split("<main", 1)[1]


def test_taking_an_activity_offline_shows_at_once(client, activity, professional, django_capture_on_commit_callbacks):
    page = f"/sociale-kaart/activiteiten/{activity.pk}/"
    search = "/sociale-kaart/?q=koffieochtend"
    _visit(client, page), _visit(client, search)
    with django_capture_on_commit_callbacks(execute=True):
        services.set_status(activity, Status.ARCHIVED, actor=professional)  # a workflow step: written by update()
    assert client.get(page).status_code == 404
    assert "Koffieochtend De Linde" not in _visit(client, search)[0]


def test_an_edit_shows_at_once(client, activity, professional, django_capture_on_commit_callbacks):
    page = f"/sociale-kaart/activiteiten/{activity.pk}/"
    _visit(client, page)
    with django_capture_on_commit_callbacks(execute=True):
        activity.title = "Koffieochtend Het Anker"
        services.save_entry(activity, actor=professional, via="page")
    assert "Koffieochtend Het Anker" in _visit(client, page)[0]


def test_signed_in_people_and_visitors_with_a_message_get_a_fresh_page(client, activity, user_factory):
    page = f"/sociale-kaart/activiteiten/{activity.pk}/"
    _visit(client, page)
    resident = Client()
    resident.force_login(user_factory())
    assert _visit(resident, page)[1] > 0
    with_message = Client()
    with_message.cookies["messages"] = "anything"
    assert _visit(with_message, page)[1] > 0


def test_every_visitor_gets_a_working_token_of_their_own(activity):
    page = f"/sociale-kaart/activiteiten/{activity.pk}/"
    tokens = []
    for _ in range(2):
        visitor = Client(enforce_csrf_checks=True)
        html = visitor.get(page).content.decode()
        token = html.split('name="csrfmiddlewaretoken" value="', 1)[1].split('"', 1)[0]
        tokens.append(token)
        answer = visitor.post("/i18n/setlang/", {"language": "en", "next": page, "csrfmiddlewaretoken": token})
        assert answer.status_code == 302  # the token of the kept page's form is accepted: no 403
    assert tokens[0] != tokens[1]


def test_the_wijk_page_is_kept_until_its_sections_change(client, activity, professional, monkeypatch,
                                                         django_capture_on_commit_callbacks):  # fmt: skip
    from socialebasis.areas import hub

    # A section that names no scopes keeps the page fresh for everybody (below); here only those that do.
    named = {key: section for key, section in hub._SECTIONS.items() if section.scopes is not None}
    monkeypatch.setattr(hub, "_SECTIONS", named)
    district = activity.municipality.districts.order_by("statcode").first()
    page = f"/gemeenten/GM0797/wijken/{district.statcode}/"
    _html, first_queries = _visit(client, page)
    assert first_queries > 0 and _visit(client, page)[1] == 0
    with django_capture_on_commit_callbacks(execute=True):
        ActivityFactory(title="Wandelclub Het Wiel", district=district)
    assert "Wandelclub Het Wiel" in _visit(client, page)[0]


def test_a_wijk_page_with_a_section_that_names_no_scopes_is_always_fresh(client, activity, monkeypatch):
    from socialebasis.areas import hub

    monkeypatch.setitem(
        hub._SECTIONS, "test.unnamed", hub.Section("test.unnamed", "areas/empty.html", lambda d, u: None)
    )
    district = activity.municipality.districts.order_by("statcode").first()
    page = f"/gemeenten/GM0797/wijken/{district.statcode}/"
    _visit(client, page)
    assert _visit(client, page)[1] > 0


def test_a_new_entry_that_waits_for_moderation_keeps_the_kept_pages_until_it_is_published(
    client, activity, professional, user_factory, django_capture_on_commit_callbacks
):
    """Entries added all over the country wait for a check; until one is published no public page changes, so the
    kept pages stay kept (the load run of issue 18 adds activities while residents read)."""
    search = "/sociale-kaart/?q=koffieochtend"
    _visit(client, search)
    resident = user_factory()
    with django_capture_on_commit_callbacks(execute=True):
        waiting = services.save_entry(
            ActivityFactory.build(title="Koffieochtend De Eik", municipality=activity.municipality, status="draft"),
            actor=resident,
            submit=True,
        )
    assert waiting.status == Status.SUBMITTED
    page, queries = _visit(client, search)
    assert queries == 0 and "Koffieochtend De Eik" not in page
    with django_capture_on_commit_callbacks(execute=True):
        services.set_status(waiting, Status.PUBLISHED, actor=professional)
    page, queries = _visit(client, search)
    assert queries > 0 and "Koffieochtend De Eik" in page
