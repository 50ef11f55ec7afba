"""Dutch relevance of the search (issue 4 point 8): stemming, typos and administrator synonyms."""

import pytest
from django.db import connection

from socialebasis.directory.models import Synonym
from socialebasis.directory.selectors import ActivitySearch, search_activities

from .factories import ActivityFactory

pytestmark = pytest.mark.django_db


def titles(q, **filters):
    return {a.title for a in search_activities(None, ActivitySearch(q=q, **filters))}


@pytest.fixture
def activities(seed_areas):
    ActivityFactory(title="Wandelgroep De Vlijmense Stappers", description="Iedere week een uur lopen.")
    ActivityFactory(title="Wijkcentrum De Voorde: koffieochtend", description="Koffie en een praatje.")
    ActivityFactory(title="Kaartclub", description="Klaverjassen op dinsdag.")


def test_a_verb_finds_the_compound_noun_it_starts(activities):
    # "wandelen" → stem "wandel", matched as a prefix of the lexeme "wandelgroep".
    assert titles("wandelen") == {"Wandelgroep De Vlijmense Stappers"}


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="Typo tolerance needs pg_trgm; the SQLite demo fallback has none."
)
def test_a_typo_still_finds_the_activity(activities):
    assert titles("wandelgroap") == {"Wandelgroep De Vlijmense Stappers"}


def test_a_synonym_set_by_an_administrator_works_both_ways(activities):
    assert titles("buurthuis") == set()
    Synonym.objects.create(term="buurthuis", alternatives="wijkcentrum, dorpshuis")
    assert titles("buurthuis") == {"Wijkcentrum De Voorde: koffieochtend"}
    ActivityFactory(title="Buurthuis Het Anker: soep", description="Samen eten.")
    assert titles("wijkcentrum") == {"Wijkcentrum De Voorde: koffieochtend", "Buurthuis Het Anker: soep"}


def test_words_not_in_any_activity_find_nothing(activities):
    assert titles("zwemles") == set()


def test_every_word_must_match(activities):
    assert titles("wandelgroep koffie") == set()
    assert titles("koffie praatje") == {"Wijkcentrum De Voorde: koffieochtend"}


def test_facets_narrow_the_search(activities):
    ActivityFactory(title="Wandelen voor ouderen", themes=["sport"], target_groups=["elderly"], cost="contribution")
    assert titles("wandel", target_group="elderly") == {"Wandelen voor ouderen"}
    assert titles("", theme="sport", cost="contribution") == {"Wandelen voor ouderen"}
    assert titles("", cost="price") == set()


def test_day_of_week_facet_follows_the_recurrence_rule(activities):
    ActivityFactory(title="Zaterdagmarkt", recurrence="FREQ=WEEKLY;BYDAY=SA")
    assert "Zaterdagmarkt" in titles("", weekday=5)
    assert "Zaterdagmarkt" not in titles("", weekday=0)
    assert "Kaartclub" in titles("", weekday=0)


def test_near_me_sorts_by_distance_and_leaves_out_far_away(activities):
    ActivityFactory(title="Dichtbij", latitude=51.6960, longitude=5.2150)
    ActivityFactory(title="Iets verder", latitude=51.7100, longitude=5.2150)
    ActivityFactory(title="Ver weg", latitude=51.9000, longitude=5.2150)
    found = list(search_activities(None, ActivitySearch(latitude=51.6955, longitude=5.2150, radius_km=5)))
    assert [a.title for a in found] == ["Dichtbij", "Iets verder"]
