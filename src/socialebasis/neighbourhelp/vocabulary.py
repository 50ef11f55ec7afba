"""The fixed lists of burenhulp: statuses, privacy modes, when help is needed, weekday parts and skills.

Categories are not here: each municipality manages its own list (`HelpCategory`, with presets per municipality in
`presets/`). Weekday parts and skills are stored as bit masks so that matching is a plain integer test on both
PostgreSQL and SQLite (docs/adr/0039-neighbour-help.md).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Mode(models.TextChoices):
    PEER = "peer", _("residents find each other (peer)")
    MODERATED = "moderated", _("a professional of the wijk approves and proposes (moderated)")


class RequestStatus(models.TextChoices):
    PENDING = "pending", _("waiting for approval")
    OPEN = "open", _("open")
    MATCHED = "matched", _("someone helps")
    DONE = "done", _("done")
    CLOSED = "closed", _("closed")
    EXPIRED = "expired", _("expired")


class OfferStatus(models.TextChoices):
    OPEN = "open", _("open")
    CLOSED = "closed", _("closed")


class VacancyStatus(models.TextChoices):
    OPEN = "open", _("open")
    FILLED = "filled", _("filled")
    CLOSED = "closed", _("closed")


class MatchStatus(models.TextChoices):
    PROPOSED = "proposed", _("proposed")
    ACCEPTED = "accepted", _("agreed")
    DECLINED = "declined", _("declined")
    DONE = "done", _("done")
    ENDED = "ended", _("stopped")


class When(models.TextChoices):
    ONCE = "once", _("once")
    RECURRING = "recurring", _("regularly")
    FLEXIBLE = "flexible", _("flexible, no fixed day")


class Part(models.IntegerChoices):
    MORNING = 0, _("morning")
    AFTERNOON = 1, _("afternoon")
    EVENING = 2, _("evening")


DAYS = [_("Monday"), _("Tuesday"), _("Wednesday"), _("Thursday"), _("Friday"), _("Saturday"), _("Sunday")]
PARTS_PER_DAY = 3
ALL_PARTS = (1 << (7 * PARTS_PER_DAY)) - 1


def part_bit(day: int, part: int) -> int:
    return 1 << (day * PARTS_PER_DAY + part)


def part_choices() -> list[tuple[str, str]]:
    """(value, label) of the 21 weekday parts: "0-1" is Monday afternoon."""
    return [(f"{d}-{p}", f"{DAYS[d]} {Part(p).label}") for d in range(7) for p in range(PARTS_PER_DAY)]


def mask_of_parts(values) -> int:
    mask = 0
    for value in values:
        day, part = (int(x) for x in str(value).split("-"))
        mask |= part_bit(day, part)
    return mask


def parts_of_mask(mask: int) -> list[str]:
    return [f"{d}-{p}" for d in range(7) for p in range(PARTS_PER_DAY) if mask & part_bit(d, p)]


_LABELS: dict[str, list[str]] = {}


def describe_parts(mask: int) -> list[str]:
    """The weekday parts of a mask in words, in the active language (the 21 labels are made once per language)."""
    from django.utils.translation import get_language

    language = get_language() or ""
    labels = _LABELS.get(language)
    if labels is None:
        labels = _LABELS[language] = [str(label) for _value, label in part_choices()]
    return [labels[bit] for bit in range(7 * PARTS_PER_DAY) if mask & (1 << bit)]


class Skill(models.TextChoices):
    DRIVING = "driving", _("has a driving licence and a car")
    COMPUTER = "digital", _("good with computers and phones")
    PAPERWORK = "paperwork", _("good with forms and letters")
    DIY = "diy", _("handy with tools")
    GARDENING = "gardening", _("gardening")
    COMPANY = "company", _("good listener, likes to visit")
    LANGUAGES = "languages", _("speaks other languages")


SKILL_BITS = {key: 1 << position for position, key in enumerate(Skill.values)}


def mask_of_skills(keys) -> int:
    mask = 0
    for key in keys:
        mask |= SKILL_BITS[key]
    return mask


def skills_of_mask(mask: int) -> list[str]:
    return [key for key, bit in SKILL_BITS.items() if mask & bit]


class Language(models.TextChoices):
    DUTCH = "nl", _("Dutch")
    ENGLISH = "en", _("English")
    ARABIC = "ar", _("Arabic")
    TURKISH = "tr", _("Turkish")
    POLISH = "pl", _("Polish")
    UKRAINIAN = "uk", _("Ukrainian")
    TIGRINYA = "ti", _("Tigrinya")
