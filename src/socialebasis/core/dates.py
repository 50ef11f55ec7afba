"""The years the platform accepts in any date it is given: one window, one validator, one message.

A date far outside our own time is never meant, and it is dangerous: the year 1 becomes a date before Christ
once PostgreSQL stores it in UTC, which Python cannot read back, and the year 9999 overflows as soon as a
duration or a time zone is added. So every date that enters — forms, API, imports — must lie within
FIRST_YEAR … LAST_YEAR (docs/adr/0021-date-window-bounded-schedules-and-checked-edits.md).
"""

from datetime import UTC, date, datetime

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

FIRST_YEAR = 1900
LAST_YEAR = 2100
FIRST_DAY = date(FIRST_YEAR, 1, 1)
LAST_DAY = date(LAST_YEAR, 12, 31)
# The window for a stored moment (UTC), a day wider on both sides than the window of local dates, so that any
# local time the validator accepts also fits the database constraint, whatever its time zone.
FIRST_MOMENT = datetime(FIRST_YEAR - 1, 12, 31, tzinfo=UTC)
END_MOMENT = datetime(LAST_YEAR + 1, 1, 2, tzinfo=UTC)

MESSAGE = _("Choose a year between %(first)s and %(last)s.")
# For the Dutch-only texts of imports and API problem documents.
DUTCH_MESSAGE = f"kies een jaar tussen {FIRST_YEAR} en {LAST_YEAR}"


def in_window(value: date | datetime) -> bool:
    """Whether the (local) year of a date or moment lies within the window."""
    return FIRST_YEAR <= value.year <= LAST_YEAR


def validate_in_window(value: date | datetime | None) -> None:
    """A form or serializer validator: a Dutch field error for a year outside the window."""
    if value is not None and not in_window(value):
        raise ValidationError(MESSAGE, code="year_outside_window", params={"first": FIRST_YEAR, "last": LAST_YEAR})


def parse_day(text: str) -> date:
    """An ISO date (YYYY-MM-DD) within the window; ValueError with a Dutch message otherwise."""
    try:
        day = date.fromisoformat(text.strip())
    except (TypeError, ValueError):
        raise ValueError(f"{text[:20]} is geen datum (JJJJ-MM-DD)") from None
    if not in_window(day):
        raise ValueError(f"{day.isoformat()}: {DUTCH_MESSAGE}")
    return day
