"""What initiatives give the yearly report: the accountability stories, counted as stories of the year.

The stories app is built separately; until the lead wires it in, the yearly report calls
`accountability_stories(area, year)` here. Only stories the initiator agreed to show are returned.
"""

from dataclasses import dataclass
from datetime import date

from .models import Accountability


@dataclass(frozen=True)
class Story:
    title: str
    text: str
    wijk: str
    amount: int
    submitted_on: date
    url: str


def accountability_stories(area, year: int) -> list[Story]:
    """The public accountability stories of `year` in `area` (a Municipality or a District)."""
    rows = Accountability.objects.filter(public=True, submitted_at__year=year).select_related(
        "application__district__municipality", "application__initiative"
    )
    if hasattr(area, "districts"):  # a municipality
        rows = rows.filter(application__fund__municipality=area)
    else:
        rows = rows.filter(application__district__statcode=area.statcode)
    return [
        Story(
            title=(a.application.initiative.title if a.application.initiative else a.application.title),
            text=a.story,
            wijk=a.application.district.name,
            amount=a.application.granted,
            submitted_on=a.submitted_at.date(),
            url=(a.application.initiative or a.application).get_absolute_url(),
        )
        for a in rows.order_by("submitted_at")
    ]
