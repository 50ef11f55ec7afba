"""The schedules a resident picks ("elke dinsdag 10:00-12:00", "om de week", "eerste maandag van de maand",
"eenmalig op …") and the RFC 5545 rule each one is.

python-dateutil writes the rule and finds the first date; `schedule.check_rule` holds it to the same bounds as
a rule an expert types. Reading a stored rule back gives the picked schedule again when it is one of these forms,
so an edit starts from what was chosen; any other rule (an expert's) is kept as it is
(docs/adr/0032-a-contribution-form-for-residents.md).
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from dateutil.rrule import FR, MO, MONTHLY, SA, SU, TH, TU, WE, WEEKLY, rrule
from django.utils import timezone

from .schedule import DAY_CODES, check_rule

WEEKDAY_RULES = (MO, TU, WE, TH, FR, SA, SU)
# How often, as the form asks it.
WEEKLY_KIND, FORTNIGHTLY, MONTHLY_KIND, ONCE, NO_FIXED_TIMES, KEEP = (
    "weekly",
    "fortnightly",
    "monthly",
    "once",
    "no_fixed_times",
    "keep",
)
# Which week of the month: the first … fourth, or the last (-1).
WEEKS_OF_MONTH = (1, 2, 3, 4, -1)


@dataclass(frozen=True)
class Picked:
    """A schedule as the form holds it."""

    how_often: str
    days: tuple[int, ...] = ()
    week: int | None = None
    on: date | None = None
    start: time | None = None
    end: time | None = None


def _rule_text(rule: rrule) -> str:
    # str(rrule) is "DTSTART:…\nRRULE:FREQ=…"; the activity keeps its first moment apart, in starts_at.
    return str(rule).splitlines()[-1].removeprefix("RRULE:")


def to_rule(picked: Picked, today: date | None = None) -> tuple[datetime | None, str, int | None]:
    """(first moment, RRULE, duration in minutes) of a picked schedule; raises ScheduleError with a Dutch message
    when the rule is refused. A repeating schedule starts on its first date from `on` (or today) onwards."""
    if picked.how_often == NO_FIXED_TIMES:
        return None, "", None
    first_day = picked.on or today or timezone.localdate()
    begin = datetime.combine(first_day, picked.start)
    minutes = (datetime.combine(first_day, picked.end) - begin) // timedelta(minutes=1)
    if picked.how_often == ONCE:
        return timezone.make_aware(begin), "", minutes
    if picked.how_often == MONTHLY_KIND:
        rule = rrule(MONTHLY, dtstart=begin, byweekday=WEEKDAY_RULES[picked.days[0]](picked.week))
    else:
        interval = 2 if picked.how_often == FORTNIGHTLY else 1
        rule = rrule(WEEKLY, dtstart=begin, interval=interval, byweekday=[WEEKDAY_RULES[d] for d in picked.days])
    first = rule.after(begin, inc=True)
    text = _rule_text(rule)
    check_rule(text, timezone.make_aware(first))
    return timezone.make_aware(first), text, minutes


def _parts(text: str) -> dict[str, str] | None:
    try:
        return dict(part.split("=", 1) for part in text.upper().split(";") if part)
    except ValueError:
        return None


def from_rule(starts_at: datetime | None, recurrence: str, duration_minutes: int | None) -> Picked:
    """The picked schedule a stored one came from; KEEP for a rule the form cannot show."""
    if starts_at is None:
        return Picked(NO_FIXED_TIMES) if not recurrence else Picked(KEEP)
    local = timezone.localtime(starts_at)
    start = local.time().replace(second=0, microsecond=0)
    end = (local + timedelta(minutes=duration_minutes or 0)).time().replace(second=0, microsecond=0)
    times = {"start": start, "end": end}
    if not recurrence:
        return Picked(ONCE, on=local.date(), **times)
    parts = _parts(recurrence) or {}
    interval = parts.pop("INTERVAL", "1")
    parts.pop("WKST", None)
    days = parts.get("BYDAY", "").split(",")
    if set(parts) != {"FREQ", "BYDAY"} or end <= start:
        return Picked(KEEP)
    if parts["FREQ"] == "WEEKLY" and interval in ("1", "2") and days and all(d in DAY_CODES for d in days):
        kind = WEEKLY_KIND if interval == "1" else FORTNIGHTLY
        return Picked(kind, days=tuple(sorted(DAY_CODES.index(d) for d in days)), on=local.date(), **times)
    if parts["FREQ"] == "MONTHLY" and interval == "1" and len(days) == 1 and days[0][-2:] in DAY_CODES:
        week = days[0][:-2].lstrip("+")
        if week.lstrip("-").isdigit() and int(week) in WEEKS_OF_MONTH:
            return Picked(MONTHLY_KIND, days=(DAY_CODES.index(days[0][-2:]),), week=int(week), **times)
    return Picked(KEEP)
