"""Own registrations as indicators: what the municipality registers about its sociale basis (the directory).

This is the one place where profiles read the directory (`socialebasis.directory`). Only public entries count
(published, or published and due for a check). When the directory is not installed, every answer is None
("not known"), and norms that count registrations show as "cannot be checked yet" rather than as failed.

Two uses: `inventory` counts one wijk live for its profile (by sphere, goal and target group, with their
names); `snapshot` stores the counts of every wijk and municipality as indicator values of the year
(source "sociale kaart"), so they get a trend, a comparison between wijken and norms like any other figure.
Rates per 1,000 residents need the area's number of residents (CBS Kerncijfers `AantalInwoners`, imported
with `import_cbs_kwb`); without it only counts are given, never a guessed rate.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.apps import apps
from django.db import models
from django.utils import timezone, translation

from socialebasis.areas.models import District, Municipality
from socialebasis.indicators.models import IndicatorValue, Unit
from socialebasis.indicators.services import Cell, Definition, ImportReport, store_computed

INDOOR_PUBLIC_PLACE = "meeting_place_indoor"
YOUTH_ACTIVITY = "activity_youth"
INSTITUTIONAL_ACTIVITY = "institutional_activity"
ANY_ACTIVITY = "activity"
ANY_PLACE = "meeting_place"
INSTITUTIONAL_KINDS = ("welfare_organisation", "municipality")
RESIDENTS = "AantalInwoners"  # CBS Kerncijfers: number of residents, the base of every rate per 1,000
# An indoor public meeting place (Heusden's condition, 000 principle 6): a public building used indoors.
INDOOR_PUBLIC = models.Q(setting__in=["indoor", "both"], kind="public_building")


def directory_available() -> bool:
    return apps.is_installed("socialebasis.directory")


def _public(model_name: str, district_ids: list[int]):
    return _public_all(model_name).filter(district_id__in=district_ids)


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
        entries = entries.filter(INDOOR_PUBLIC)
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
    labels: dict[str, dict[str, str]] = field(default_factory=dict)

    def per_1000(self, n: int) -> float | None:
        return round(1000 * n / self.residents, 2) if self.residents else None

    @property
    def activities_per_1000(self) -> float | None:
        return self.per_1000(self.activities)

    @property
    def places_per_1000(self) -> float | None:
        return self.per_1000(self.places)

    def _rows(self, counter: Counter, dimension: str) -> list[dict]:
        names = self.labels.get(dimension, {})
        return [
            {"key": key, "label": names.get(key, key), "count": n, "per_1000": self.per_1000(n)}
            for key, n in counter.most_common()
        ]

    # Lists for templates and the API: a template cannot call Counter.most_common.
    @property
    def target_groups(self) -> list[dict]:
        return self._rows(self.by_target_group, "target_group")

    @property
    def spheres(self) -> list[dict]:
        return self._rows(self.by_sphere, "sphere")

    @property
    def goals(self) -> list[dict]:
        return self._rows(self.by_goal, "goal")


def labels(municipality) -> dict[str, dict[str, str]]:
    """Dutch names of target groups (the directory's list) and of the spheres and goals of the municipality's
    framework in force (the keys activities carry)."""
    from socialebasis.directory.vocabulary import TargetGroup
    from socialebasis.frameworks.selectors import names_in_force

    with translation.override("nl"):
        found = {"target_group": {key: str(label) for key, label in TargetGroup.choices}}
    names = names_in_force(municipality) if municipality is not None else {"spheres": {}, "goals": {}}
    return {**found, "sphere": names["spheres"], "goal": names["goals"]}


def _residents(tallied: set[tuple[str, int]], districts: dict, up_to: int | None = None) -> dict[tuple, float]:
    """The newest published number of residents (CBS `AantalInwoners`) of each (code, division year) in `tallied`.

    Residents may come from another division than the registrations (CBS Kerncijfers 2024 beside our 2023
    boundaries): a wijk takes the figure of any statistical area linked to the same District (the code means the
    same there, see indicators.services.link_areas), a municipality that of its code in any division."""
    district_of = {(d.statcode, d.year): d.pk for d in districts.values()}
    values = IndicatorValue.objects.filter(
        indicator__key=RESIDENTS, value__isnull=False, area__code__in={code for code, _y in tallied}
    )
    if up_to is not None:
        values = values.filter(year__lte=up_to)
    keys_of = defaultdict(list)
    for key in tallied:
        keys_of[key[0]].append(key)
    newest: dict[tuple, tuple] = {}
    rows = values.values_list("area__code", "area__district_id", "area__division_year", "year", "value")
    for code, district_id, division_year, year, value in rows:
        for key in keys_of[code]:
            same = code.startswith("GM") or (district_id is not None and district_id == district_of.get(key))
            if same and (year, division_year) > newest.get(key, (0, 0, None))[:2]:
                newest[key] = (year, division_year, value)
    return {key: found[2] for key, found in newest.items()}


def inventory(district) -> Inventory | None:
    """Counts of the district's public places and activities, by sphere, goal and target group."""
    if not directory_available() or district is None:
        return None
    activities = list(_public("Activity", [district.pk]).values_list("sphere", "goals", "target_groups"))
    residents = (
        IndicatorValue.objects.filter(indicator__key=RESIDENTS, area__district=district, value__isnull=False)
        .order_by("-year")
        .values_list("value", flat=True)
        .first()
    )
    places = _public("MeetingPlace", [district.pk]).aggregate(
        all=models.Count("pk"), indoor=models.Count("pk", filter=INDOOR_PUBLIC)
    )
    return Inventory(
        places=places["all"],
        indoor_public_places=places["indoor"],
        activities=len(activities),
        residents=residents,
        by_sphere=Counter(s for s, _g, _t in activities if s),
        by_goal=Counter(g for _s, goals, _t in activities for g in (goals or [])),
        by_target_group=Counter(t for _s, _g, groups in activities for t in (groups or [])),
        labels=labels(district.municipality),
    )


# Snapshot as indicator values ----------------------------------------------------------------------------------

THEME = "Sociale basis (eigen registratie)"
ACTIVITIES, PLACES = "EigenRegistratieActiviteiten", "EigenRegistratieOntmoetingsplekken"
ACTIVITIES_PER_1000, PLACES_PER_1000 = f"{ACTIVITIES}Per1000", f"{PLACES}Per1000"
DEFINITIONS = [
    Definition(ACTIVITIES, "Activiteiten in de sociale kaart", Unit.COUNT, THEME),
    Definition(PLACES, "Ontmoetingsplekken in de sociale kaart", Unit.COUNT, THEME),
    Definition(ACTIVITIES_PER_1000, "Activiteiten in de sociale kaart per 1.000 inwoners", Unit.PER_1000, THEME),
    Definition(PLACES_PER_1000, "Ontmoetingsplekken in de sociale kaart per 1.000 inwoners", Unit.PER_1000, THEME),
]
# The breakdowns of activities are groups of the activity indicators, named in Dutch: "doelgroep jongeren".
GROUP_PREFIX = {"target_group": "doelgroep", "sphere": "sfeer", "goal": "doel"}


def snapshot(on: date | None = None, *, actor=None) -> ImportReport | None:
    """Store the registrations of `on` (today) as indicator values of its year, for every wijk of each
    municipality's newest division and for the municipality as a whole (same division, so a wijk's figure is
    compared with its municipality's). Running it again in the same year replaces that year's figures.
    Reads the directory in two queries, whatever its size. None when there is no directory."""
    if not directory_available():
        return None
    on = on or timezone.localdate()
    districts = {d.pk: d for d in District.objects.of_year(None)}
    newest = {d.municipality_id: d.year for d in districts.values()}
    municipalities = {m.pk: m for m in Municipality.objects.filter(pk__in=newest)}
    # Counters per area: ("WK…"/"GM…", division year) -> {(indicator, group): n}
    tallies: dict[tuple[str, int], Counter] = defaultdict(Counter)
    names = {pk: labels(m) for pk, m in municipalities.items()}

    def areas_of(municipality_id: int, district_id: int | None) -> list[tuple[str, int]]:
        year = newest.get(municipality_id)
        if year is None:
            return []
        found = [(municipalities[municipality_id].statcode, year)]
        if district_id in districts:
            found.append((districts[district_id].statcode, year))
        return found

    places = _public_all("MeetingPlace").values_list("municipality_id", "district_id")
    for municipality_id, district_id in places:
        for area in areas_of(municipality_id, district_id):
            tallies[area][(PLACES, "")] += 1
    activities = _public_all("Activity").values_list(
        "municipality_id", "district_id", "sphere", "goals", "target_groups"
    )
    for municipality_id, district_id, sphere, goals, groups in activities:
        named = names.get(municipality_id, {})
        parts = [("target_group", g) for g in groups or []] + [("goal", g) for g in goals or []]
        parts += [("sphere", sphere)] if sphere else []
        for area in areas_of(municipality_id, district_id):
            tallies[area][(ACTIVITIES, "")] += 1
            for dimension, key in parts:
                label = named.get(dimension, {}).get(key, key)
                tallies[area][(ACTIVITIES, f"{GROUP_PREFIX[dimension]} {label}")] += 1
    # Every area of the division gets its zeros too: no registration is a figure (0), not a missing one.
    for district in districts.values():
        tallies[(district.statcode, district.year)].update({(ACTIVITIES, ""): 0, (PLACES, ""): 0})
    for pk, year in newest.items():
        tallies[(municipalities[pk].statcode, year)].update({(ACTIVITIES, ""): 0, (PLACES, ""): 0})
    residents = _residents(set(tallies), districts, up_to=on.year)
    ref = f"sociale kaart op {on:%d-%m-%Y}"
    cells = []
    for (code, division_year), counts_here in sorted(tallies.items()):
        people = residents.get((code, division_year))
        for (key, group), n in sorted(counts_here.items()):
            cells.append(Cell(key, code, division_year, on.year, group, float(n), ref))
            if people:
                rate = round(1000 * n / people, 2)
                per_key = ACTIVITIES_PER_1000 if key == ACTIVITIES else PLACES_PER_1000
                cells.append(Cell(per_key, code, division_year, on.year, group, rate, f"{ref}; inwoners: CBS"))
    return store_computed("sociale-kaart", "registrations", DEFINITIONS, cells, actor=actor)


def _public_all(model_name: str):
    from socialebasis.directory.vocabulary import PUBLIC_STATUSES

    return apps.get_model("directory", model_name).objects.filter(status__in=PUBLIC_STATUSES).order_by()
