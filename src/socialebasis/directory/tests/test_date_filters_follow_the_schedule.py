""" "Vandaag", "deze week" and "dit weekend": periods in Dutch local time, matched against each activity's dates."""

from datetime import UTC, datetime, timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from socialebasis.directory.selectors import ActivitySearch, date_window, search_activities

from .factories import AMSTERDAM, ActivityFactory

pytestmark = pytest.mark.django_db

# Wednesday 2 December 2026, 14:00 in the Netherlands.
WEDNESDAY = datetime(2026, 12, 2, 14, 0, tzinfo=AMSTERDAM)


def test_today_runs_from_now_to_midnight():
    assert date_window("today", WEDNESDAY) == (WEDNESDAY, datetime(2026, 12, 3, tzinfo=AMSTERDAM))


def test_this_week_ends_on_sunday_at_midnight():
    assert date_window("week", WEDNESDAY) == (WEDNESDAY, datetime(2026, 12, 7, tzinfo=AMSTERDAM))


def test_the_weekend_is_saturday_and_sunday_and_starts_now_once_it_has_begun():
    assert date_window("weekend", WEDNESDAY) == (
        datetime(2026, 12, 5, tzinfo=AMSTERDAM),
        datetime(2026, 12, 7, tzinfo=AMSTERDAM),
    )
    sunday = datetime(2026, 12, 6, 11, 30, tzinfo=AMSTERDAM)
    assert date_window("weekend", sunday) == (sunday, datetime(2026, 12, 7, tzinfo=AMSTERDAM))


def test_periods_are_counted_in_dutch_time_even_when_the_clock_is_read_in_utc():
    # 23:30 UTC on Wednesday is already Thursday 00:30 in the Netherlands.
    late = datetime(2026, 12, 2, 23, 30, tzinfo=UTC)
    start, end = date_window("today", late)
    assert start == late and end == datetime(2026, 12, 4, tzinfo=AMSTERDAM)
    # The week of the change to winter time (Sunday 25 October 2026) still ends at local midnight.
    _start, end = date_window("week", datetime(2026, 10, 21, 12, tzinfo=AMSTERDAM))
    assert end == datetime(2026, 10, 26, tzinfo=AMSTERDAM) and end.utcoffset() == timedelta(hours=1)


@pytest.fixture
def week_of_activities(seed_areas):
    return {
        "monday": ActivityFactory(title="Maandagkoffie"),  # weekly on Monday since January
        "saturday": ActivityFactory(
            title="Zaterdagwandeling", starts_at=datetime(2026, 1, 3, 10, tzinfo=AMSTERDAM), recurrence="FREQ=WEEKLY"
        ),
        "later_today": ActivityFactory(
            title="Kerstkaarten maken", starts_at=datetime(2026, 12, 2, 16, tzinfo=AMSTERDAM), recurrence=""
        ),
        "going_on": ActivityFactory(
            title="Middagsoos",
            starts_at=datetime(2026, 1, 7, 13, tzinfo=AMSTERDAM),
            recurrence="FREQ=WEEKLY;BYDAY=WE",
            duration_minutes=120,
        ),
        "skipped_today": ActivityFactory(
            title="Breiclub",
            starts_at=datetime(2026, 1, 7, 19, tzinfo=AMSTERDAM),
            recurrence="FREQ=WEEKLY;BYDAY=WE",
            exceptions=["2026-12-02"],
        ),
        "ended": ActivityFactory(
            title="Zomerzang",
            starts_at=datetime(2026, 6, 3, 19, tzinfo=AMSTERDAM),
            recurrence="FREQ=WEEKLY;BYDAY=WE,SA;UNTIL=20260901T000000Z",
        ),
        "last_week": ActivityFactory(
            title="Sinterklaasmiddag", starts_at=datetime(2026, 11, 28, 14, tzinfo=AMSTERDAM), recurrence=""
        ),
        "no_dates": ActivityFactory(title="Op afspraak", starts_at=None, recurrence=""),
    }


def _titles(when, now=WEDNESDAY):
    return set(search_activities(AnonymousUser(), ActivitySearch(when=when, now=now)).values_list("title", flat=True))


def test_today_finds_what_is_still_to_come_or_going_on_today(week_of_activities):
    assert _titles("today") == {"Kerstkaarten maken", "Middagsoos"}


def test_this_week_leaves_out_what_already_happened_this_week(week_of_activities):
    assert _titles("week") == {"Kerstkaarten maken", "Middagsoos", "Zaterdagwandeling"}


def test_the_weekend_finds_saturday_and_sunday_only(week_of_activities):
    assert _titles("weekend") == {"Zaterdagwandeling"}
    assert _titles("weekend", now=datetime(2026, 12, 7, 9, tzinfo=AMSTERDAM)) == {"Zaterdagwandeling"}


def test_a_date_filter_and_the_weekday_narrow_together(week_of_activities):
    search = ActivitySearch(when="week", weekday=2, now=WEDNESDAY)
    found = search_activities(AnonymousUser(), search)
    assert set(found.values_list("title", flat=True)) == {"Kerstkaarten maken", "Middagsoos"}
    assert found.known_count == 2


def test_the_list_page_filters_by_date_without_javascript(client, seed_areas):
    soon = timezone.now() + timedelta(minutes=1)
    ActivityFactory(title="Zo meteen", starts_at=soon, recurrence="")
    ActivityFactory(title="Over twee weken", starts_at=soon + timedelta(days=14), recurrence="")
    html = client.get("/sociale-kaart/", {"when": "today"}).content.decode()
    assert "Zo meteen" in html and "Over twee weken" not in html
    assert '<option value="today" selected>vandaag</option>' in html
    assert '<option value="weekend">dit weekend</option>' in html


def test_the_api_takes_the_same_date_filter_and_refuses_another_word(client, seed_areas):
    soon = timezone.now() + timedelta(minutes=1)
    ActivityFactory(title="Zo meteen", starts_at=soon, recurrence="")
    ActivityFactory(title="Over twee weken", starts_at=soon + timedelta(days=14), recurrence="")
    rows = client.get("/api/v1/activities", {"when": "today"}).json()["results"]
    assert [row["title"] for row in rows] == ["Zo meteen"]
    refused = client.get("/api/v1/activities", {"when": "morgen"})
    assert refused.status_code == 400 and "when" in refused.content.decode()


RULES = [
    "",
    "FREQ=WEEKLY",
    "FREQ=WEEKLY;BYDAY=TU,SA",
    "FREQ=WEEKLY;INTERVAL=2;BYDAY=WE",
    "FREQ=DAILY;BYHOUR=9,19",
    "FREQ=MONTHLY;BYDAY=1WE",
    "FREQ=MONTHLY;BYDAY=-1FR",
    "FREQ=MONTHLY;BYMONTHDAY=5",
    "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1",
    "FREQ=YEARLY;BYMONTH=12;BYDAY=1SA",
    "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30",
    "FREQ=WEEKLY;BYDAY=SU;COUNT=40",
    "FREQ=WEEKLY;BYDAY=TH;UNTIL=20261203T120000Z",
]


@pytest.mark.parametrize("rule", RULES)
def test_the_quick_period_check_agrees_with_the_next_dates(rule):
    """occurs_between reads only the period's days for most rules; it must answer as the full expansion does."""
    from socialebasis.directory.schedule import occurrences, occurs_between

    starts = [datetime(2025, 12, 30, 10, tzinfo=AMSTERDAM), datetime(2026, 11, 30, 23, 30, tzinfo=AMSTERDAM)]
    moments = [WEDNESDAY + timedelta(hours=hours) for hours in range(-40, 24 * 20, 31)]
    for starts_at in starts:
        for now in moments:
            for when in ("today", "week", "weekend"):
                start, end = date_window(when, now)
                for duration in (timedelta(hours=3),):
                    after = start - duration
                    first = occurrences(starts_at, rule, ["2026-12-05"], after=after, limit=1, horizon=end - after)
                    expected = bool(first) and first[0] < end
                    assert occurs_between(starts_at, rule, ["2026-12-05"], start, end, duration) == expected, (
                        starts_at,
                        now,
                        when,
                        duration,
                    )
