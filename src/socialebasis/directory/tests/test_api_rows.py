"""The activity search of the API writes its rows in PostgreSQL (api/rows.py, ADR 0019): every row must be exactly
what the serializer writes for the same activity, moments, distances and demo blanking included."""

import json
from datetime import UTC, datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rest_framework import serializers as drf
from rest_framework.renderers import JSONRenderer as DrfJSONRenderer

from socialebasis.api.renderers import JSONRenderer
from socialebasis.directory import selectors
from socialebasis.directory.api.serializers import ActivitySerializer
from socialebasis.directory.models import Activity
from socialebasis.directory.selectors import ActivitySearch, distance_km

from .factories import ActivityFactory, OrganisationFactory

pytestmark = pytest.mark.django_db
only_postgresql = pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL writes these rows")

ZONES = ["Europe/Amsterdam", "UTC", "America/St_Johns", "Asia/Kolkata", "America/New_York"]
NEAR = {"lat": 51.70, "lon": 5.20, "radius": 20}


def _expected(activity_ids, **search):
    """What the serializer writes for these activities, found by the same search (so with their distance)."""
    found = {a.pk: a for a in selectors.search_activities(AnonymousUser(), ActivitySearch(**search))}
    return {pk: json.loads(json.dumps(ActivitySerializer(found[pk]).data)) for pk in activity_ids}


@pytest.fixture
def varied(seed_areas):
    organiser = OrganisationFactory(name="Stichting Samen")
    return [
        ActivityFactory(
            title='Zangavond "De Linde" \\ met \u2028 regelscheiding',
            description="Koffie, thee & een lied.\nTweede regel.",
            latitude=51.6955,
            longitude=5.2150,
            target_groups=["elderly", "lonely"],
            themes=["culture"],
            languages=["nl", "en"],
            accessibility=["wheelchair"],
            exceptions=["2026-12-28"],
            organisation=organiser,
            contact_name="Riet",
            contact_email="riet@example.org",
            contact_phone="073-1234567",
        ),
        ActivityFactory(
            title="Zangavond voor iedereen",
            latitude=51.7123,
            longitude=5.1234,
            is_demo=True,
            contact_name="Verzonnen",
            contact_email="verzonnen@example.org",
            verdict_override="outside",
            verdict_note="Hoort bij de zorg.",
        ),
        # No location, no wijk, no first time, checked at a moment with microseconds that end in zeros.
        ActivityFactory(
            title="Zangavond zonder plek",
            starts_at=None,
            recurrence="",
            checked_at=datetime(2026, 3, 29, 0, 59, 59, 120000, tzinfo=UTC),
        ),
    ]


def test_search_rows_are_what_the_serializer_writes(client, varied):
    rows = client.get("/api/v1/activities", {"q": "zangavond"}).json()["results"]
    assert {row["id"] for row in rows} == {a.pk for a in varied}
    expected = _expected([row["id"] for row in rows], q="zangavond")
    for row in rows:
        assert row == expected[row["id"]]
    demo = next(row for row in rows if row["is_demo"])
    assert demo["contact"] == {"name": "", "email": "", "phone": ""} and demo["verdict"] == "outside"
    placeless = next(row for row in rows if row["title"] == "Zangavond zonder plek")
    assert placeless["district"] is None and placeless["starts_at"] is None
    assert placeless["checked_at"] == "2026-03-29T01:59:59.120000+01:00"  # a second before summer time


def test_near_me_rows_carry_the_same_distance_as_the_page(client, varied):
    rows = client.get("/api/v1/activities", NEAR).json()["results"]
    located = [a for a in varied if a.latitude is not None]
    assert [row["id"] for row in rows] == [a.pk for a in sorted(located, key=lambda a: _km(a))]
    expected = _expected([row["id"] for row in rows], latitude=NEAR["lat"], longitude=NEAR["lon"], radius_km=20)
    for row in rows:
        assert row == expected[row["id"]]
        assert row["distance_km"] > 0


def _km(activity):
    found = selectors.search_activities(
        AnonymousUser(), ActivitySearch(latitude=NEAR["lat"], longitude=NEAR["lon"], radius_km=20)
    )
    return distance_km(found.get(pk=activity.pk))


def test_rows_follow_the_current_time_zone(client, varied):
    with timezone.override("America/St_Johns"):
        row = client.get("/api/v1/activities", {"q": "zangavond zonder plek"}).json()["results"][0]
    assert row["checked_at"] == "2026-03-28T22:29:59.120000-02:30"


moments = st.datetimes(
    min_value=datetime(1880, 1, 1), max_value=datetime(2100, 12, 31), timezones=st.just(UTC)
) | st.sampled_from([datetime(2026, 3, 29, 1, 0, tzinfo=UTC), datetime(2026, 10, 25, 0, 59, 59, 999999, tzinfo=UTC)])


@only_postgresql
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(moment=moments, zone=st.sampled_from(ZONES))
def test_postgresql_writes_a_moment_as_the_serializer_does(moment, zone):
    with timezone.override(zone), connection.cursor() as cursor:
        cursor.execute("SELECT sb_iso_moment(%s, %s)", [moment, zone])
        written = cursor.fetchone()[0]
        assert written == drf.DateTimeField().to_representation(moment)


@only_postgresql
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(squared=st.floats(min_value=0, max_value=2500, allow_nan=False) | st.sampled_from([0.0625, 5.0625, 0.01]))
def test_postgresql_rounds_a_distance_as_the_page_does(squared):
    with connection.cursor() as cursor:
        cursor.execute("SELECT round(sqrt(%s::double precision)::numeric, 1)::text", [squared])
        written = cursor.fetchone()[0]

    class Found:
        distance_sq = squared

    assert float(written) == distance_km(Found())


payloads = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**53), 2**53) | st.floats(allow_nan=False, allow_infinity=False)
    | st.text() | st.datetimes(timezones=st.just(UTC)),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(payload=payloads)
def test_the_api_renderer_writes_what_drf_writes(payload):
    ours, theirs = JSONRenderer().render(payload), DrfJSONRenderer().render(payload)
    if payload is None:  # nothing to write, as DRF has it
        assert ours == theirs == b""
        return
    assert json.loads(ours) == json.loads(theirs)
    assert "\u2028".encode() not in ours and "\u2029".encode() not in ours


def test_the_api_renderer_indents_on_request(client, varied):
    response = client.get("/api/v1/activities", {"q": "zangavond"}, HTTP_ACCEPT="application/json; indent=4")
    assert response.status_code == 200
    assert b'\n  "count": 3' in response.content


def test_a_page_past_the_last_is_a_clear_404_and_an_empty_search_an_empty_list(client, varied):
    assert client.get("/api/v1/activities", {"q": "zangavond", "page": 9}).status_code == 404
    empty = client.get("/api/v1/activities", {"q": "nergensvoorteveel"}).json()
    assert empty == {"count": 0, "next": None, "previous": None, "results": []}


def test_every_page_of_a_long_search_is_in_order_without_gaps(client, seed_areas):
    for number in range(7):
        ActivityFactory(title=f"Buurtlunch {number}")
    seen = []
    page = client.get("/api/v1/activities", {"q": "buurtlunch", "sort": "title", "page_size": 3}).json()
    while True:
        seen += [row["title"] for row in page["results"]]
        if not page["next"]:
            break
        page = client.get(page["next"]).json()
    assert seen == sorted(Activity.objects.filter(title__startswith="Buurtlunch").values_list("title", flat=True))
    assert page["count"] == 7
