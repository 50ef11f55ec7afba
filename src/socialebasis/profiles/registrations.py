"""Own registrations as indicators: what the municipality registers about its sociale basis (the directory).

This is the one place where profiles read the directory (`socialebasis.directory`). Only public entries count
(published, or published and due for a check). When the directory is not installed, every answer is None
("not known"), and norms that count registrations show as "cannot be checked yet" rather than as failed.
Rates per 1,000 residents need the district's number of residents (CBS KWB `AantalInwoners`); without it only
counts are given.
"""

from collections import Counter
from dataclasses import dataclass, field

from django.apps import apps
from django.db import models

from socialebasis.indicators.models import IndicatorValue

INDOOR_PUBLIC_PLACE = "meeting_place_indoor"
YOUTH_ACTIVITY = "activity_youth"
INSTITUTIONAL_ACTIVITY = "institutional_activity"
ANY_ACTIVITY = "activity"
ANY_PLACE = "meeting_place"
INSTITUTIONAL_KINDS = ("welfare_organisation", "municipality")


def directory_available() -> bool:
    return apps.is_installed("socialebasis.directory")


def _public(model_name: str, district_ids: list[int]):
    from socialebasis.directory.vocabulary import PUBLIC_STATUSES

    model = apps.get_model("directory", model_name)
    return model.objects.filter(district_id__in=district_ids, status__in=PUBLIC_STATUSES)


def count(district, what: str) -> int | None:
    """How many public places or activities of kind `what` the district has; None when unknown."""
    if district is None:
        return None
    found = counts([district], what)
    return None if found is None else found.get(district.pk, 0)


def counts(districts, what: str) -> dict[int, int] | None:
    """`count` for many districts at once: {district id: count}, districts without any left out; None when
    unknown. One query whatever the number of districts."""
    if not directory_available():
        return None
    model_name = "MeetingPlace" if what in (INDOOR_PUBLIC_PLACE, ANY_PLACE) else "Activity"
    entries = _public(model_name, [d.pk for d in districts])
    if what == INDOOR_PUBLIC_PLACE:
        entries = entries.filter(setting__in=["indoor", "both"], kind="public_building")
    elif what == INSTITUTIONAL_ACTIVITY:
        entries = entries.filter(organisation__kind__in=INSTITUTIONAL_KINDS)
    elif what == YOUTH_ACTIVITY:
        # JSON containment is not portable to SQLite: count the few lists here.
        rows = entries.values_list("district_id", "target_groups")
        return dict(Counter(district for district, groups in rows if "youth" in (groups or [])))
    elif what not in (ANY_PLACE, ANY_ACTIVITY):
        return None
    grouped = entries.order_by().values("district_id").annotate(n=models.Count("pk"))
    return {row["district_id"]: row["n"] for row in grouped}


@dataclass
class Inventory:
    places: int
    indoor_public_places: int
    activities: int
    residents: float | None
    by_sphere: Counter = field(default_factory=Counter)
    by_goal: Counter = field(default_factory=Counter)
    by_target_group: Counter = field(default_factory=Counter)

    def per_1000(self, n: int) -> float | None:
        return round(1000 * n / self.residents, 2) if self.residents else None

    # Templates cannot call Counter.most_common (a missing key of a Counter is 0), so give plain lists.
    @property
    def target_groups(self) -> list[tuple[str, int]]:
        return self.by_target_group.most_common()

    @property
    def spheres(self) -> list[tuple[str, int]]:
        return self.by_sphere.most_common()

    @property
    def goals(self) -> list[tuple[str, int]]:
        return self.by_goal.most_common()

    @property
    def activities_per_1000(self) -> float | None:
        return self.per_1000(self.activities)

    @property
    def places_per_1000(self) -> float | None:
        return self.per_1000(self.places)


def inventory(district) -> Inventory | None:
    """Counts of the district's public places and activities, by sphere, goal and target group."""
    if not directory_available() or district is None:
        return None
    activities = list(_public("Activity", [district.pk]).values_list("sphere", "goals", "target_groups"))
    residents = (
        IndicatorValue.objects.filter(indicator__key="AantalInwoners", area__district=district, value__isnull=False)
        .order_by("-year")
        .values_list("value", flat=True)
        .first()
    )
    return Inventory(
        places=count(district, ANY_PLACE),
        indoor_public_places=count(district, INDOOR_PUBLIC_PLACE),
        activities=len(activities),
        residents=residents,
        by_sphere=Counter(s for s, _g, _t in activities if s),
        by_goal=Counter(g for _s, goals, _t in activities for g in (goals or [])),
        by_target_group=Counter(t for _s, _g, groups in activities for t in (groups or [])),
    )
