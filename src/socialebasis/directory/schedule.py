"""Recurring schedules as RFC 5545 rules (python-dateutil), and their iCalendar form (icalendar)."""

from datetime import date, datetime, timedelta

from dateutil.rrule import rruleset, rrulestr
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

MAX_RULE_LENGTH = 300


class ScheduleError(ValueError):
    """A recurrence rule that cannot be read; the message is Dutch."""


def parse_rule(rule: str, starts_at: datetime):
    """The dateutil rule of an RRULE text (without the "RRULE:" prefix), or ScheduleError."""
    text = rule.strip().removeprefix("RRULE:")
    if len(text) > MAX_RULE_LENGTH or "\n" in text:
        raise ScheduleError(_("The recurrence rule is too long."))
    try:
        parsed = rrulestr(text, dtstart=starts_at)
    except (ValueError, TypeError, KeyError, OverflowError, IndexError):
        raise ScheduleError(_("The recurrence rule is not a valid RFC 5545 RRULE.")) from None
    return parsed


def build_set(starts_at: datetime, rule: str, exceptions: list[str]) -> rruleset:
    dates = rruleset()
    if rule:
        dates.rrule(parse_rule(rule, starts_at))
    else:
        dates.rdate(starts_at)
    for text in exceptions:
        try:
            day = date.fromisoformat(text)
        except (TypeError, ValueError):
            continue
        dates.exdate(datetime.combine(day, starts_at.timetz()).replace(tzinfo=starts_at.tzinfo))
    return dates


def next_dates(starts_at: datetime | None, rule: str, exceptions: list[str], count: int = 5, after=None) -> list:
    """The next `count` start times after `after` (now by default)."""
    if starts_at is None:
        return []
    after = after or timezone.now()
    try:
        dates = build_set(starts_at, rule, exceptions)
    except ScheduleError:
        return []
    found = []
    moment = after
    while len(found) < count:
        moment = dates.after(moment)
        if moment is None:
            break
        found.append(moment)
    return found


def weekday_mask(starts_at: datetime | None, rule: str, exceptions: list[str]) -> int:
    """Which weekdays the activity happens on, from its next occurrences (eight weeks cover any weekly rule)."""
    if starts_at is None:
        return 0
    local = timezone.localtime(starts_at) if timezone.is_aware(starts_at) else starts_at
    try:
        dates = build_set(local, rule, exceptions)
    except ScheduleError:
        return 0
    mask = 0
    horizon = max(local, timezone.localtime()) + timedelta(days=400)
    moment = max(local, timezone.localtime()) - timedelta(seconds=1)
    for _i in range(60):
        moment = dates.after(moment)
        if moment is None or moment > horizon:
            break
        mask |= 1 << moment.weekday()
    if mask == 0:
        mask = 1 << local.weekday()
    return mask


def add_event(calendar: Calendar, activity, url: str) -> None:
    if activity.starts_at is None:
        return
    event = Event()
    event.add("uid", f"activity-{activity.pk}@socialebasis")
    event.add("summary", activity.title)
    event.add("description", f"{activity.description}\n\n{url}".strip())
    event.add("dtstart", activity.starts_at)
    event.add("dtend", activity.starts_at + timedelta(minutes=activity.duration_minutes or 60))
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
            for text in activity.exceptions:
                try:
                    day = date.fromisoformat(text)
                except (TypeError, ValueError):
                    continue
                local = timezone.localtime(activity.starts_at)
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
    calendar = Calendar()
    calendar.add("prodid", "-//Sociale Basis//Sociale kaart//NL")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "Sociale kaart")
    for activity in activities:
        add_event(calendar, activity, url_of(activity))
    return calendar.to_ical()
