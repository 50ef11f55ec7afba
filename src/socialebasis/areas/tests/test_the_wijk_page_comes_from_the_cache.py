"""The wijk page for a visitor who is not signed in comes from the page cache (core/page_cache.py, ADR 0038) now that
every section names its scopes; a change in what any section shows is on the next visit, once it is committed."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from socialebasis.areas import hub
from socialebasis.areas.models import District

pytestmark = pytest.mark.django_db

PAGE = "/gemeenten/GM0797/wijken/WK079701/?jaar=2023"


@pytest.fixture
def drunen(seed_areas):
    return District.objects.get(statcode="WK079701", year=2023)


def _visit(client) -> tuple[str, int]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(PAGE)
    assert response.status_code == 200
    return response.content.decode(), len(queries)


def test_every_section_names_its_scopes_so_the_page_can_be_kept():
    assert hub.page_scopes("GM0797") is not None, [s.key for s in hub._SECTIONS.values() if s.scopes is None]


def test_a_second_visit_reads_the_wijk_page_from_the_cache(client, drunen):
    first, first_queries = _visit(client)
    second, second_queries = _visit(client)

    assert second_queries < first_queries
    assert second.split("<main", 1)[1] == first.split("<main", 1)[1]


def _changes_show(client, change, text: str, commit) -> None:
    before, _queries = _visit(client)
    _visit(client)  # from the cache
    assert text not in before
    with commit(execute=True):
        change()
    after, _queries = _visit(client)
    assert text in after


def test_burenhulp_started_in_the_municipality_shows_at_once(client, drunen, django_capture_on_commit_callbacks):
    from socialebasis.neighbourhelp import services

    _changes_show(
        client,
        lambda: services.apply_preset(drunen.municipality),
        "Heusden voor Elkaar",
        django_capture_on_commit_callbacks,
    )


def test_a_story_published_in_the_wijk_shows_at_once(client, drunen, django_capture_on_commit_callbacks, user_factory):
    from socialebasis.stories import services
    from socialebasis.stories.models import StoryStatus

    def tell():
        services.tell_story(
            {
                "district": drunen,
                "title": "De moestuin van de Lindelaan",
                "text": "Elke zaterdag werken we samen in de tuin.",
                "feeling": 5,
                "about": "group",
                "visibility": "public_anonymous",
                "status": StoryStatus.PUBLISHED,
            },
            teller=None,
            municipality=drunen.municipality,
        )

    _changes_show(client, tell, "De moestuin van de Lindelaan", django_capture_on_commit_callbacks)


def test_health_figures_of_a_closed_year_show_at_once(client, drunen, django_capture_on_commit_callbacks):
    from socialebasis.health import services
    from socialebasis.health.dimensions import KEYS

    def contribute():
        for _n in range(6):
            services.contribute(
                drunen.municipality, drunen, dict.fromkeys(KEYS, 7), period=timezone.localdate().year - 1
            )

    _changes_show(client, contribute, "Cijfers van de zelftest in deze wijk", django_capture_on_commit_callbacks)


def test_a_new_initiative_in_the_wijk_shows_at_once(client, drunen, django_capture_on_commit_callbacks, user_factory):
    from socialebasis.initiatives import services

    initiator = user_factory()

    def start():
        services.save_initiative(
            initiator,
            {
                "municipality": drunen.municipality,
                "title": "Doorgeefkast Drunen",
                "what": "Een kast waar buren spullen in zetten voor elkaar.",
                "for_whom": "Iedereen",
                "districts": [drunen],
            },
        )

    _changes_show(client, start, "Doorgeefkast Drunen", django_capture_on_commit_callbacks)


def test_a_new_survey_of_the_wijk_shows_at_once(client, drunen, django_capture_on_commit_callbacks):
    from socialebasis.surveys import services

    today = timezone.localdate()

    def create():
        document = services.age_friendly_document("Peiling ouder worden in Drunen", today, date(today.year + 1, 1, 1))
        services.create_survey(drunen.municipality, document, district=drunen)

    _changes_show(client, create, "Peiling ouder worden in Drunen", django_capture_on_commit_callbacks)
