"""What initiatives give the yearly report "tellen en vertellen" (profiles.yearly): the grants of the year and the
accountability stories, told as stories of the year. Only stories the initiator agreed to show are returned, and
only grants whose decision was sent (published)."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Sum

from .models import Accountability, Application


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


def yearly_part(area, year: int, user) -> dict | None:
    """The report's part: how many grants were sent in the year and for how much, and the stories that came back."""
    grants = Application.objects.filter(published_at__year=year, granted__gt=0)
    if hasattr(area, "districts"):
        grants = grants.filter(fund__municipality=area)
    else:
        grants = grants.filter(district__statcode=area.statcode)
    totals = grants.aggregate(count=Count("pk"), amount=Sum("granted"))
    stories = accountability_stories(area, year)
    if not totals["count"] and not stories:
        return None
    return {"count": totals["count"], "amount": totals["amount"] or 0, "stories": stories}
