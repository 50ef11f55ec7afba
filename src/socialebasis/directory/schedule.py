"""Recurring schedules as RFC 5545 rules, expanded with a bounded amount of work, and their iCalendar form.

python-dateutil reads a rule and decides which moments of a period pass its filters (BYMONTH, BYMONTHDAY,
BYDAY with its "first Monday" forms, BYHOUR, BYMINUTE). Left to itself, dateutil walks period after period
until a moment comes after UNTIL — and a rule that never yields one (FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30)
makes it walk to the year 9999, on every page view. So dateutil is only ever asked for one calendar year at a
time, as a yearly rule whose next period would lie after the year 9999: that call cannot run on. This module
walks the years itself, from shortly before the moment asked for to the search horizon, and applies what
depends on the rule's own periods (INTERVAL, BYSETPOS, COUNT, UNTIL). Every expansion examines at most
MAX_CANDIDATES moments (docs/adr/0021-date-window-bounded-schedules-and-checked-edits.md).
"""

import functools
import itertools
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from dateutil.rrule import rrulestr
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from socialebasis.core.dates import in_window

logger = logging.getLogger(__name__)

MAX_RULE_LENGTH = 300
MAX_COUNT = 1000
MAX_INTERVAL = 100
MAX_TIMES_PER_DAY = 24
# How far ahead an expansion looks for dates, from the moment asked for.
HORIZON = timedelta(days=2 * 366)
# Moments one expansion may examine: four years of a rule with 24 times a day stay below it.
MAX_CANDIDATES = 60_000
FREQUENCIES = ("DAILY", "WEEKLY", "MONTHLY", "YEARLY")
FINER_THAN_DAILY = ("HOURLY", "MINUTELY", "SECONDLY")
PARTS = {
    "FREQ",
    "INTERVAL",
    "COUNT",
    "UNTIL",
    "BYDAY",
    "BYMONTHDAY",
    "BYMONTH",
    "BYSETPOS",
    "BYHOUR",
    "BYMINUTE",
    "WKST",
}
DAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_NTH = re.compile(r"^[+-]?\d{1,2}")
_UNTIL = re.compile(r"^(\d{8})(?:T(\d{6})(Z?))?$")
# A yearly rule whose next period lies beyond the year 9999: dateutil evaluates exactly one year and stops.
_ONE_YEAR = "FREQ=YEARLY;INTERVAL=10000"


class ScheduleError(ValueError):
    """A recurrence rule that cannot be read or is refused; the message is Dutch."""


@dataclass(frozen=True)
class Rule:
    """A rule that passed every check; `until` is a local wall-clock time, like the expansion."""

    text: str
    freq: str
    interval: int
    count: int | None
    until: datetime | None
    setpos: tuple[int, ...]
    wkst: int
    year_rule: str


@dataclass
class Work:
    """What an expansion cost: dateutil calls (one per year) and moments examined. Tests read it."""

    years: int = 0
    candidates: int = 0
    truncated: bool = False


def _split(text: str) -> dict[str, str]:
    parts: dict[str, str] = {}
    for piece in text.split(";"):
        if not piece.strip():
            continue
        key, sep, value = piece.partition("=")
        key = key.strip().upper()
        if not sep or not value.strip():
            raise ScheduleError(_("The recurrence rule is not a valid RFC 5545 RRULE."))
        if key in parts:
            raise ScheduleError(_("The recurrence rule names %(part)s twice.") % {"part": key})
        parts[key] = value.strip().upper()
    return parts


def _integer(parts: dict[str, str], key: str, low: int, high: int, message: str) -> int | None:
    if key not in parts:
        return None
    value = parts[key]
    if not value.isascii() or not value.isdigit() or not low <= int(value) <= high:
        raise ScheduleError(message)
    return int(value)


def _until(text: str | None, starts_at: datetime) -> datetime | None:
    """UNTIL as a naive local time of the activity's time zone."""
    if text is None:
        return None
    found = _UNTIL.match(text)
    if not found:
        raise ScheduleError(_("The recurrence rule is not a valid RFC 5545 RRULE."))
    day, hour, utc = found.groups()
    try:
        moment = datetime.strptime(day + (hour or "235959"), "%Y%m%d%H%M%S")
    except ValueError:
        raise ScheduleError(_("The recurrence rule is not a valid RFC 5545 RRULE.")) from None
    if utc and starts_at.tzinfo is not None:
        if not 2 <= moment.year <= 9998:  # far outside the horizon either way; keep it convertible
            return moment
        return moment.replace(tzinfo=UTC).astimezone(starts_at.tzinfo).replace(tzinfo=None)
    return moment


def _local(moment: datetime) -> datetime:
    return timezone.localtime(moment) if timezone.is_aware(moment) else moment


def _year_rule(parts: dict[str, str], freq: str, start: datetime) -> str:
    """The rule for one calendar year that keeps every moment the original rule's filters let through.

    The defaults RFC 5545 takes from the start are written out (so the yearly rule does not take them from
    1 January); "first Monday" keeps its meaning per month for monthly rules and has none for weekly and
    daily ones, as in dateutil.
    """
    by = {key: value for key, value in parts.items() if key in {"BYMONTH", "BYMONTHDAY", "BYDAY"}}
    if "BYMONTHDAY" not in by and "BYDAY" not in by:
        if freq == "YEARLY":
            by.setdefault("BYMONTH", str(start.month))
            by["BYMONTHDAY"] = str(start.day)
        elif freq == "MONTHLY":
            by["BYMONTHDAY"] = str(start.day)
        elif freq == "WEEKLY":
            by["BYDAY"] = DAY_CODES[start.weekday()]
    if freq in ("WEEKLY", "DAILY") and "BYDAY" in by:
        by["BYDAY"] = ",".join(sorted({_NTH.sub("", day) for day in by["BYDAY"].split(",")}))
    if freq == "MONTHLY" and "BYMONTH" not in by:
        by["BYMONTH"] = ",".join(str(month) for month in range(1, 13))
    if "BYMONTHDAY" not in by and "BYDAY" not in by:
        by["BYDAY"] = ",".join(DAY_CODES)  # every day: only BYMONTH filters
    by["BYHOUR"] = parts.get("BYHOUR", str(start.hour))
    by["BYMINUTE"] = parts.get("BYMINUTE", str(start.minute))
    by["BYSECOND"] = str(start.second)
    return ";".join([_ONE_YEAR, *(f"{key}={value}" for key, value in sorted(by.items()))])


def parse_rule(rule: str, starts_at: datetime) -> Rule:
    """The checked rule of an RRULE text (without or with "RRULE:"), or ScheduleError with a Dutch message.

    Refused besides what is not RFC 5545: repeating more often than daily, the parts no activity needs
    (BYSECOND, BYWEEKNO, BYYEARDAY, dateutil's own BYEASTER), more than MAX_COUNT times, an interval above
    MAX_INTERVAL and more than MAX_TIMES_PER_DAY times a day.
    """
    text = rule.strip().removeprefix("RRULE:")
    if len(text) > MAX_RULE_LENGTH or "\n" in text or "\r" in text:
        raise ScheduleError(_("The recurrence rule is too long."))
    parts = _split(text)
    freq = parts.get("FREQ", "")
    if freq in FINER_THAN_DAILY:
        raise ScheduleError(_("An activity repeats at most daily: use DAILY, WEEKLY, MONTHLY or YEARLY."))
    if freq not in FREQUENCIES:
        raise ScheduleError(_("The recurrence rule is not a valid RFC 5545 RRULE."))
    unknown = sorted(set(parts) - PARTS)
    if unknown:
        raise ScheduleError(
            _("The recurrence rule uses %(parts)s, which the sociale kaart does not support.")
            % {"parts": ", ".join(unknown)}
        )
    if "COUNT" in parts and "UNTIL" in parts:
        raise ScheduleError(_("Use COUNT or UNTIL in a recurrence rule, not both."))
    try:
        rrulestr(text, dtstart=starts_at)
    except (ValueError, TypeError, KeyError, OverflowError, IndexError):
        raise ScheduleError(_("The recurrence rule is not a valid RFC 5545 RRULE.")) from None
    interval = _integer(
        parts,
        "INTERVAL",
        1,
        MAX_INTERVAL,
        _("INTERVAL must be a whole number from 1 to %(max)d.") % {"max": MAX_INTERVAL},
    )
    count = _integer(
        parts, "COUNT", 1, MAX_COUNT, _("COUNT must be a whole number from 1 to %(max)d.") % {"max": MAX_COUNT}
    )
    times = len(parts.get("BYHOUR", "0").split(",")) * len(parts.get("BYMINUTE", "0").split(","))
    if times > MAX_TIMES_PER_DAY:
        raise ScheduleError(_("An activity happens at most %(max)d times a day.") % {"max": MAX_TIMES_PER_DAY})
    setpos = tuple(int(value) for value in parts["BYSETPOS"].split(",")) if "BYSETPOS" in parts else ()
    local = _local(starts_at).replace(tzinfo=None)
    return Rule(
        text=text,
        freq=freq,
        interval=interval or 1,
        count=count,
        until=_until(parts.get("UNTIL"), _local(starts_at)),
        setpos=setpos,
        wkst=DAY_CODES.index(parts["WKST"]) if "WKST" in parts else 0,
        year_rule=_year_rule(parts, freq, local),
    )


def _year(rule: Rule, year: int, work: Work) -> list[datetime]:
    """Every moment of `year` that passes the rule's filters: one bounded dateutil call."""
    work.years += 1
    found = list(rrulestr(rule.year_rule, dtstart=datetime(year, 1, 1)))
    work.candidates += len(found)
    return found


def _week_start(day: date, wkst: int) -> date:
    return day - timedelta(days=(day.weekday() - wkst) % 7)


def _period(rule: Rule, start: datetime, moment: datetime) -> int:
    """Which period of the rule, counted from the start's own period, `moment` falls in."""
    if rule.freq == "YEARLY":
        return moment.year - start.year
    if rule.freq == "MONTHLY":
        return (moment.year - start.year) * 12 + moment.month - start.month
    if rule.freq == "WEEKLY":
        return (_week_start(moment.date(), rule.wkst) - _week_start(start.date(), rule.wkst)).days // 7
    return (moment.date() - start.date()).days


def _chosen(rule: Rule, moments: list[datetime]) -> list[datetime]:
    """BYSETPOS: the n-th moments of one period (negative counts from its end)."""
    if not rule.setpos:
        return moments
    picked = set()
    for position in rule.setpos:
        index = position - 1 if position > 0 else position
        if -len(moments) <= index < len(moments):
            picked.add(moments[index])
    return sorted(picked)


def _expand(rule: Rule, start: datetime, after: datetime, end: datetime, work: Work) -> Iterator[datetime]:
    """The moments of the rule after `after` up to `end` (naive local times, in order).

    A rule with COUNT is counted from its start; any other begins a year before `after`, so that a rule that
    started long ago costs as little as a new one.
    """
    if rule.until is not None:
        end = min(end, rule.until)
    if end < start:
        return
    first = start.year if rule.count else max(start.year, after.year - 1)

    def stream() -> Iterator[datetime]:
        for year in range(first, end.year + 1):
            if work.candidates >= MAX_CANDIDATES:
                work.truncated = True
                return
            yield from _year(rule, year, work)

    produced = 0
    for index, group in itertools.groupby(stream(), key=lambda moment: _period(rule, start, moment)):
        if index < 0 or index % rule.interval:
            continue
        moments = list(group)
        if rule.freq == "WEEKLY" and index == 0:  # dateutil's first week begins on the start's own day
            moments = [m for m in moments if m.date() >= start.date()]
        for moment in _chosen(rule, moments):
            if moment < start:
                continue
            if moment > end:
                return
            produced += 1
            if rule.count is not None and produced > rule.count:
                return
            if moment > after:
                yield moment


def _skipped_days(exceptions) -> set[date]:
    days = set()
    for text in exceptions or []:
        try:
            days.add(date.fromisoformat(text))
        except (TypeError, ValueError):
            continue
    return days


def occurrences(
    starts_at: datetime | None,
    rule: str,
    exceptions,
    *,
    after: datetime | None = None,
    limit: int = 5,
    horizon: timedelta = HORIZON,
    work: Work | None = None,
) -> list[datetime]:
    """Up to `limit` start times after `after` (now by default) and at most `horizon` later, without the
    exception days. A start outside the date window or a rule that is refused has no dates."""
    work = work if work is not None else Work()
    if starts_at is None:
        return []
    local = _local(starts_at)
    if not in_window(local):
        return []
    zone = local.tzinfo
    after_local = _local(after or timezone.now())
    if zone is not None and after_local.tzinfo is not None:
        after_local = after_local.astimezone(zone)
    naive_start, naive_after = local.replace(tzinfo=None), after_local.replace(tzinfo=None)
    if not 1 < naive_after.year < 9998:
        return []
    end = naive_after + horizon
    skipped = _skipped_days(exceptions)
    if not rule:
        moments: Iterator[datetime] = iter([naive_start] if naive_after < naive_start <= end else [])
    else:
        try:
            parsed = parse_rule(rule, starts_at)
        except ScheduleError:
            return []
        moments = _expand(parsed, naive_start, naive_after, end, work)
    found = []
    for moment in moments:
        if moment.date() in skipped:
            continue
        found.append(moment.replace(tzinfo=zone))
        if len(found) >= limit:
            break
    return found


_NEXT: dict[tuple, tuple] = {}  # key -> (when computed, the dates)
_NEXT_KEPT = 20_000  # schedules remembered per process; the memory is emptied when it grows beyond


@functools.lru_cache(maxsize=4096)
def _checked_rule(text: str, starts_at: datetime) -> Rule | None:
    try:
        return parse_rule(text, starts_at)
    except ScheduleError:
        return None


@functools.lru_cache(maxsize=1024)
def _from_day(year_rule: str, first_day: datetime):
    # One calendar year from `first_day` on; many activities share a year rule, and a search one first day.
    return rrulestr(year_rule, dtstart=first_day)


def occurs_between(starts_at, rule: str, exceptions, start: datetime, end: datetime, duration: timedelta) -> bool:
    """Whether one of the activity's dates (lasting `duration`) overlaps the period from `start` to `end`.

    The same answer as asking `occurrences` for the first date after `start - duration`, but for the rules
    most activities have (no COUNT, no BYSETPOS, INTERVAL 1) the period's own days are read from the one-year
    rule from the first day of the period on, and dateutil stops at the period's end: a date filter then costs
    a few dates per activity instead of two years of them. Still at most one dateutil call per calendar year.
    """
    if starts_at is None:
        return False
    local = _local(starts_at)
    if not in_window(local):
        return False
    after = start - duration
    parsed = _checked_rule(rule, starts_at) if rule else None
    if parsed is None or parsed.count is not None or parsed.setpos or parsed.interval != 1:
        first = occurrences(starts_at, rule, exceptions, after=after, limit=1, horizon=end - after)
        return bool(first) and first[0] < end
    zone = local.tzinfo
    naive_start = local.replace(tzinfo=None)
    naive_after = _local(after).astimezone(zone).replace(tzinfo=None)
    naive_end = _local(end).astimezone(zone).replace(tzinfo=None)
    if not 1 < naive_after.year < naive_end.year + 1 < 9999:
        return False
    skipped = _skipped_days(exceptions)
    day = max(naive_after, naive_start).replace(hour=0, minute=0, second=0, microsecond=0)
    while day < naive_end:
        for moment in _from_day(parsed.year_rule, day):
            if moment >= naive_end or (parsed.until is not None and moment > parsed.until):
                return False
            if moment > naive_after and moment >= naive_start and moment.date() not in skipped:
                return True
        day = datetime(day.year + 1, 1, 1)
    return False


def next_dates(starts_at, rule: str, exceptions, count: int = 5, after=None, work: Work | None = None) -> list:
    """The next `count` start times after `after` (now by default), within the horizon.

    From now, the answer is remembered per process: it stays the same until its first date has passed (a full
    answer ends well before the horizon, which only moves later). Expanding a rule takes milliseconds, more than the
    rest of an activity page (docs/adr/0038-pages-as-fast-as-the-api.md)."""
    if after is not None or work is not None or starts_at is None:
        return occurrences(starts_at, rule, exceptions, after=after, limit=count, work=work)
    key = (starts_at, rule, repr(exceptions), count, timezone.get_current_timezone_name())
    remembered = _NEXT.get(key)
    now = timezone.now()
    if remembered is not None and remembered[0] <= now < remembered[1][0]:
        return list(remembered[1])
    dates = occurrences(starts_at, rule, exceptions, after=now, limit=count)
    if len(dates) == count and count > 0:  # fewer: a later horizon may add dates, so it is not kept
        if len(_NEXT) >= _NEXT_KEPT:
            _NEXT.clear()
        _NEXT[key] = (now, dates)
    return list(dates)


def check_rule(rule: str, starts_at: datetime, work: Work | None = None) -> Rule:
    """A rule as entered: readable, allowed, and falling on at least one date within the horizon from its
    start. ScheduleError with a Dutch message otherwise."""
    parsed = parse_rule(rule, starts_at)
    first = occurrences(starts_at, rule, [], after=starts_at - timedelta(seconds=1), limit=1, work=work)
    if not first:
        raise ScheduleError(_("This recurrence falls on no date at all."))
    return parsed


def weekday_mask(starts_at: datetime | None, rule: str, exceptions, work: Work | None = None) -> int:
    """Which weekdays the activity happens on, from its next occurrences (eight weeks cover any weekly rule)."""
    if starts_at is None:
        return 0
    local = _local(starts_at)
    if not in_window(local):
        return 0
    after = max(local, timezone.localtime()) - timedelta(seconds=1)
    mask = 0
    for moment in occurrences(
        starts_at, rule, exceptions, after=after, limit=60, horizon=timedelta(days=400), work=work
    ):
        mask |= 1 << moment.weekday()
    if mask == 0:
        mask = 1 << local.weekday()
    return mask


def has_dates_to_come(activity, duration: timedelta) -> bool:
    """Whether the activity is going on or has a date after now: its first time lies ahead, or its schedule
    has a date within the horizon."""
    now = timezone.now()
    if activity.starts_at + duration > now:
        return True
    after = now - duration
    return bool(occurrences(activity.starts_at, activity.recurrence, activity.exceptions, after=after, limit=1))


def add_event(calendar: Calendar, activity, url: str) -> None:
    """The activity as one event (with its rule and skipped days), only while it has a date to come: an
    activity without planned dates would otherwise show up in a calendar on a day long gone."""
    if activity.starts_at is None or not in_window(_local(activity.starts_at)):
        return
    duration = timedelta(minutes=activity.duration_minutes or 60)
    if not has_dates_to_come(activity, duration):
        return
    event = Event()
    event.add("uid", f"activity-{activity.pk}@socialebasis")
    event.add("summary", activity.title)
    event.add("description", f"{activity.description}\n\n{url}".strip())
    event.add("dtstart", activity.starts_at)
    event.add("dtend", activity.starts_at + duration)
    event.add("dtstamp", activity.updated_at or timezone.now())
    event.add("url", url)
    if activity.place_id:
        event.add(
            "location", ", ".join(p for p in (activity.place.name, activity.place.street, activity.place.city) if p)
        )
    if activity.recurrence:
        try:
            parse_rule(activity.recurrence, activity.starts_at)
        except ScheduleError:
            pass
        else:
            event.add("rrule", _rrule_dict(activity.recurrence))
            local = _local(activity.starts_at)
            for day in sorted(_skipped_days(activity.exceptions)):
                if in_window(day):
                    event.add("exdate", datetime.combine(day, local.timetz()))
    calendar.add_component(event)


def _rrule_dict(rule: str) -> dict:
    parts = {}
    for piece in rule.strip().removeprefix("RRULE:").split(";"):
        if "=" in piece:
            key, value = piece.split("=", 1)
            parts[key.upper()] = value.split(",")
    return parts


def calendar_of(activities, url_of) -> bytes:
    """An iCalendar file of the activities. One activity that cannot be written is left out (and logged), so
    that it cannot break the feed for everyone."""
    calendar = Calendar()
    calendar.add("prodid", "-//Sociale Basis//Sociale kaart//NL")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "Sociale kaart")
    for activity in activities:
        try:
            add_event(calendar, activity, url_of(activity))
        except (ValueError, OverflowError, TypeError):
            logger.warning("activity %s left out of a calendar feed", activity.pk, exc_info=False)
    return calendar.to_ical()
