"""Recurrence cannot exhaust a worker (issue 10 point 3): every expansion examines a bounded number of moments,
whatever the rule or the start, and gives the same dates as dateutil itself."""

import contextlib
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from dateutil.rrule import rrulestr
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone
from hypothesis import given, settings
from hypothesis import strategies as st

from socialebasis.areas.models import Municipality
from socialebasis.directory.bulk_import import BulkImportError, import_activities
from socialebasis.directory.models import Activity
from socialebasis.directory.schedule import (
    MAX_CANDIDATES,
    MAX_TIMES_PER_DAY,
    ScheduleError,
    Work,
    check_rule,
    next_dates,
    occurrences,
    parse_rule,
    weekday_mask,
)

from .factories import ActivityFactory

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
# One expansion may pass its budget by at most one year of candidates (it checks between years).
MOST_WORK = MAX_CANDIDATES + 366 * MAX_TIMES_PER_DAY
# Years an expansion may ask dateutil for: the whole date window, plus the horizon.
MOST_YEARS = 2100 - 1900 + 4

days = st.sampled_from(["MO", "TU", "WE", "TH", "FR", "SA", "SU"])
nth_day = st.builds(lambda n, day: f"{n}{day}" if n else day, st.sampled_from([0, 1, 2, 3, 4, 5, -1, -2, -5]), days)


@st.composite
def rules(draw):
    """Rules of every frequency, with the parts an activity may use, including impossible combinations."""
    parts = [f"FREQ={draw(st.sampled_from(['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY']))}"]
    if draw(st.booleans()):
        parts.append(f"INTERVAL={draw(st.integers(1, 100))}")
    if draw(st.booleans()):
        parts.append(f"COUNT={draw(st.integers(1, 1000))}")
    elif draw(st.booleans()):
        parts.append(f"UNTIL={draw(st.dates(datetime(1900, 1, 1).date(), datetime(2200, 1, 1).date())):%Y%m%d}T000000Z")
    if draw(st.booleans()):
        parts.append("BYMONTH=" + ",".join(str(m) for m in draw(st.sets(st.integers(1, 12), min_size=1, max_size=3))))
    if draw(st.booleans()):
        monthdays = draw(st.sets(st.integers(-31, 31).filter(bool), min_size=1, max_size=3))
        parts.append("BYMONTHDAY=" + ",".join(str(d) for d in monthdays))
    if draw(st.booleans()):
        parts.append("BYDAY=" + ",".join(draw(st.sets(nth_day, min_size=1, max_size=3))))
    if draw(st.booleans()):
        parts.append(
            "BYSETPOS=" + ",".join(str(p) for p in draw(st.sets(st.sampled_from([1, 2, -1, -2, 5]), min_size=1)))
        )
    if draw(st.booleans()):
        parts.append("BYHOUR=" + ",".join(str(h) for h in draw(st.sets(st.integers(0, 23), min_size=1, max_size=4))))
    if draw(st.booleans()):
        parts.append("BYMINUTE=" + ",".join(str(m) for m in draw(st.sets(st.integers(0, 59), min_size=1, max_size=3))))
    if draw(st.booleans()):
        parts.append(f"WKST={draw(days)}")
    return ";".join(draw(st.permutations(parts)))


starts = st.datetimes(min_value=datetime(1900, 1, 2), max_value=datetime(2100, 12, 30)).map(
    lambda moment: moment.replace(second=0, microsecond=0, tzinfo=AMSTERDAM)
)
moments = st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2102, 12, 31)).map(
    lambda moment: moment.replace(tzinfo=AMSTERDAM)
)


@settings(max_examples=300, deadline=None)
@given(rule=rules(), start=starts, after=moments)
def test_every_schedule_function_examines_a_bounded_number_of_moments(rule, start, after):
    for run in (
        lambda work: next_dates(start, rule, ["2026-01-05"], 5, after=after, work=work),
        lambda work: occurrences(start, rule, [], after=after, limit=10_000, work=work),
        lambda work: weekday_mask(start, rule, [], work=work),
        lambda work: check_rule(rule, start, work=work),
    ):
        work = Work()
        with contextlib.suppress(ScheduleError):
            run(work)
        assert work.candidates <= MOST_WORK
        assert work.years <= MOST_YEARS


# dateutil itself, made to stop: the same calendar 7,600 years later (19 Gregorian cycles of 400 years have the
# same weekdays and leap years), so that even a rule without any date ends at the year 9999 — a reference for
# tests only, far too slow for a page.
SHIFT = 7600


def _dateutil_dates(rule: str, start: datetime, after: datetime, limit: int, horizon: timedelta) -> list[datetime]:
    parsed = parse_rule(rule, start)
    local_start = start.replace(tzinfo=None)
    text = ";".join(p for p in parsed.text.split(";") if not p.upper().startswith("UNTIL="))
    shifted = rrulestr(text, dtstart=local_start.replace(year=local_start.year + SHIFT))
    end = after.replace(tzinfo=None) + horizon
    if parsed.until is not None:
        end = min(end, parsed.until)
    found = []
    for moment in shifted:
        moment = moment.replace(year=moment.year - SHIFT)
        if moment > end:
            break
        if moment > after.replace(tzinfo=None):
            found.append(moment)
            if len(found) == limit:
                break
    return found


@settings(max_examples=150, deadline=None)
@given(
    rule=rules(),
    start=st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2030, 12, 31)).map(
        lambda moment: moment.replace(second=0, microsecond=0, tzinfo=AMSTERDAM)
    ),
    offset=st.integers(-400, 4000),
)
def test_the_bounded_expansion_gives_the_same_dates_as_dateutil(rule, start, offset):
    after = start + timedelta(days=offset)
    try:
        parse_rule(rule, start)
    except ScheduleError:
        return
    ours = [m.replace(tzinfo=None) for m in occurrences(start, rule, [], after=after, limit=12)]
    assert ours == _dateutil_dates(rule, start, after, 12, timedelta(days=2 * 366))


def test_an_impossible_rule_costs_three_years_of_nothing_instead_of_running_to_the_year_9999():
    start = datetime(2026, 1, 1, 10, tzinfo=AMSTERDAM)
    for rule in ("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", "FREQ=DAILY;BYMONTH=4;BYMONTHDAY=31"):
        work = Work()
        assert next_dates(start, rule, [], 5, work=work) == []
        assert work.years <= 4 and work.candidates == 0
        with pytest.raises(ScheduleError, match="Deze herhaling valt op geen enkele datum"):
            check_rule(rule, start)


@pytest.mark.parametrize("rule", ["FREQ=HOURLY", "FREQ=MINUTELY;INTERVAL=1", "FREQ=SECONDLY"])
def test_rules_finer_than_daily_are_refused(rule):
    with pytest.raises(ScheduleError, match="hoogstens elke dag"):
        parse_rule(rule, datetime(2026, 1, 1, tzinfo=AMSTERDAM))


@pytest.mark.parametrize(
    "rule", ["FREQ=DAILY;COUNT=1001", "FREQ=WEEKLY;INTERVAL=101", "FREQ=DAILY;BYEASTER=0", "FREQ=YEARLY;BYWEEKNO=1"]
)
def test_counts_intervals_and_parts_no_activity_needs_are_refused(rule):
    with pytest.raises(ScheduleError):
        parse_rule(rule, datetime(2026, 1, 1, tzinfo=AMSTERDAM))


def test_a_rule_that_started_long_ago_costs_as_little_as_a_new_one():
    old, new = Work(), Work()
    next_dates(datetime(1900, 1, 1, 9, tzinfo=AMSTERDAM), "FREQ=DAILY", [], 5, work=old)
    next_dates(timezone.now() - timedelta(days=3), "FREQ=DAILY", [], 5, work=new)
    assert old.years <= new.years + 1 and old.candidates <= 2 * 366


@pytest.mark.django_db
def test_the_page_attack_a_daily_rule_from_the_year_1_is_refused(client, seed_areas, user_factory, verified):
    # The raw rule is the expert's field; a resident's picked schedule is checked by the same check_rule.
    verified(client, user_factory(professional=True, municipalities=[Municipality.objects.get(statcode="GM0797")]))
    response = client.post(
        reverse("directory:create", args=["activiteit"]),
        {
            "municipality": Municipality.objects.get(statcode="GM0797").pk,
            "title": "Elke dag sinds het jaar 1",
            "cost": "free",
            "duration_minutes": 60,
            "starts_at": "0001-01-01T10:00",
            "recurrence": "FREQ=DAILY",
        },
    )
    assert response.status_code == 200 and "starts_at" in response.context["form"].errors
    assert not Activity.objects.exists()


@pytest.mark.django_db
def test_the_page_attack_an_impossible_rule_is_refused_with_a_dutch_message(client, seed_areas, user_factory, verified):
    # The raw rule is the expert's field; a resident's picked schedule is checked by the same check_rule.
    verified(client, user_factory(professional=True, municipalities=[Municipality.objects.get(statcode="GM0797")]))
    response = client.post(
        reverse("directory:create", args=["activiteit"]),
        {
            "municipality": Municipality.objects.get(statcode="GM0797").pk,
            "title": "Op 30 februari",
            "cost": "free",
            "duration_minutes": 60,
            "starts_at": "2026-01-01T10:00",
            "recurrence": "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30",
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors["recurrence"] == ["Deze herhaling valt op geen enkele datum."]


@pytest.mark.django_db
def test_the_import_attack_a_daily_rule_from_the_year_1_and_an_impossible_rule_are_refused(seed_areas):
    content = (
        "extern_id,gemeente,titel,start,herhaling\n"
        "x1,GM0797,Sinds het jaar 1,0001-01-01 10:00,FREQ=DAILY\n"
        'x2,GM0797,Dertig februari,2026-01-01 10:00,"FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30"\n'
    )
    with pytest.raises(BulkImportError) as caught:
        import_activities(content.encode(), "a.csv")
    messages = [str(error) for error in caught.value.errors]
    assert "rij 2, kolom start: kies een jaar tussen 1900 en 2100" in messages
    assert "rij 3, kolom herhaling: Deze herhaling valt op geen enkele datum." in messages


@pytest.mark.django_db
def test_a_stored_rule_from_before_costs_a_bounded_amount_on_every_page(client, seed_areas):
    # Written past the checks, as rules stored before this release could be.
    activity = ActivityFactory(title="Oude regel")
    Activity.objects.filter(pk=activity.pk).update(
        starts_at=datetime(1900, 1, 1, 10, tzinfo=UTC), recurrence="FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30"
    )
    response = client.get(reverse("directory:activity", args=[activity.pk]))
    assert response.status_code == 200 and response.context["dates"] == []
    detail = client.get(f"/api/v1/activities/{activity.pk}")
    assert detail.status_code == 200 and detail.json()["next_dates"] == []
    Activity.objects.filter(pk=activity.pk).update(recurrence="FREQ=MINUTELY")
    cache.clear()  # the page above is kept for visitors, and this row was written past the ORM's signals
    assert client.get(reverse("directory:activity", args=[activity.pk])).context["dates"] == []


def test_exception_days_drop_every_time_of_that_day():
    start = datetime(2030, 1, 7, 10, tzinfo=AMSTERDAM)
    dates = next_dates(start, "FREQ=DAILY;BYHOUR=10,14", ["2030-01-08"], 4, after=start - timedelta(seconds=1))
    assert [d.strftime("%d %H") for d in dates] == ["07 10", "07 14", "09 10", "09 14"]
