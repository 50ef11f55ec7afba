"""Reads of stories, shared by the pages, the API, the wijk page, the patterns and the yearly report.

Everything a reader gets goes through `visible(user, "stories.view_story", ...)`; the patterns count only stories
the reader may see, and then hide small cells (indicators/suppression.py).
"""

from datetime import date

from django.db.models import Q, QuerySet

from socialebasis.areas.models import District, Municipality
from socialebasis.core.permissions import visible
from socialebasis.frameworks.selectors import goals_in_force, names_in_force
from socialebasis.indicators import catalogue
from socialebasis.indicators.models import Indicator
from socialebasis.indicators.suppression import suppress_line, suppress_table
from socialebasis.profiles import findings
from socialebasis.profiles import selectors as profile_selectors

from .models import Feeling, Round, RoundStatus, Selection, Story, StoryQuestion, StoryStatus


def stories_for(user) -> QuerySet[Story]:
    return visible(user, "stories.view_story", Story.objects.all()).select_related("municipality", "district")


def search(user, *, text: str = "", municipality: Municipality | None = None, district=None, goal: str = ""):
    stories = stories_for(user)
    if municipality is not None:
        stories = stories.filter(municipality=municipality)
    if district is not None:
        stories = stories.filter(district__statcode=district.statcode)
    if text:
        stories = stories.filter(Q(title__icontains=text) | Q(text__icontains=text))
    if goal:
        stories = [s for s in stories if goal in (s.goals or [])]
    return stories


def own_stories(user) -> QuerySet[Story]:
    return Story.objects.readable().filter(teller=user).select_related("municipality", "district")


def to_moderate(user) -> QuerySet[Story]:
    return visible(user, "stories.moderate_story", Story.objects.filter(status=StoryStatus.NEW)).select_related(
        "municipality", "district"
    )


def questions_of(municipality: Municipality) -> list[StoryQuestion]:
    return list(StoryQuestion.objects.filter(municipality=municipality, is_active=True))


def _in_area(stories, area):
    if isinstance(area, District):
        return stories.filter(district__statcode=area.statcode, municipality=area.municipality)
    return stories.filter(municipality=area)


def candidates_of(round_: Round) -> QuerySet[Story]:
    """The stories a round reads: published stories of the panel's area told in the period; a municipal panel
    reads what the wijk panels of its municipality chose in the same period (selection level by level)."""
    panel = round_.panel
    stories = Story.objects.filter(
        status=StoryStatus.PUBLISHED,
        municipality_id=panel.municipality_id,
        created_at__date__gte=round_.period_start,
        created_at__date__lte=round_.period_end,
    )
    if panel.district_id:
        return stories.filter(district_id=panel.district_id).select_related("district")
    chosen = Selection.objects.filter(
        round__panel__municipality_id=panel.municipality_id,
        round__panel__district__isnull=False,
        round__period_end__gte=round_.period_start,
        round__period_start__lte=round_.period_end,
    ).values("story_id")
    return stories.filter(pk__in=chosen).select_related("district")


def rounds_for(user) -> QuerySet[Round]:
    return visible(user, "stories.view_round", Round.objects.all()).select_related(
        "panel__municipality", "panel__district"
    )


def selections_readable(user, round_: Round) -> list[tuple[Selection, Story | None, str]]:
    """A round's selections with their domain's name; the story itself only when this reader may read it (else
    only the domain and the reasons)."""
    readable = set(stories_for(user).filter(selections__round=round_).values_list("pk", flat=True))
    names = domain_names(round_)
    return [
        (selection, selection.story if selection.story_id in readable else None, names.get(selection.domain, ""))
        for selection in round_.selections.select_related("story").order_by("domain")
    ]


def domain_names(round_: Round) -> dict[str, str]:
    return {d["key"]: d["name"] for d in round_.domains}


def default_domains(municipality: Municipality) -> list[dict]:
    """The domains of change default to the goals of the municipality's framework in force."""
    return [{"key": key, "name": name} for key, name in names_in_force(municipality).get("goals", {}).items()]


# Patterns (issue 14 point 4) -----------------------------------------------------------------------------------


def patterns(area, user, *, year: int | None = None) -> dict:
    """Counts per goal and, per goal, how it felt and which sphere, from the stories this reader may see; every
    line suppressed (n < 5, complementary) and rounded, so no single teller can be picked out."""
    municipality = area.municipality if isinstance(area, District) else area
    names = names_in_force(municipality)
    stories = _in_area(stories_for(user), area)
    if year:
        stories = stories.filter(created_at__year=year)
    rows = list(stories.values_list("goals", "feeling", "sphere"))
    goals = list(names.get("goals", {}).items())
    spheres = list(names.get("spheres", {}).items())
    feelings = list(Feeling.choices)
    counts = [sum(1 for g, _f, _s in rows if key in (g or [])) for key, _name in goals]
    per_goal = suppress_line(counts)
    feeling_table = suppress_table(
        [
            [sum(1 for g, f, _s in rows if key in (g or []) and f == value) for value, _l in feelings]
            for key, _n in goals
        ]
    )
    sphere_table = suppress_table(
        [[sum(1 for g, _f, s in rows if key in (g or []) and s == sk) for sk, _sn in spheres] for key, _n in goals]
    )
    return {
        "total": suppress_line([len(rows)]).total,
        "goals": [
            {
                "key": key,
                "name": name,
                "count": per_goal.cells[i],
                "feelings": feeling_table["cells"][i] if feeling_table["cells"] else [],
                "spheres": sphere_table["cells"][i] if sphere_table["cells"] else [],
            }
            for i, (key, name) in enumerate(goals)
        ],
        "feeling_labels": [label for _v, label in feelings],
        "sphere_labels": [name for _k, name in spheres],
    }


def _figure_line(indicator: Indicator, group: str, year: int, value, compare) -> dict:
    unit = indicator.unit
    return {
        "label": indicator.label + (f" ({group})" if group else ""),
        "year": year,
        "value": findings.figure(value, unit),
        "compare": findings.figure(compare, unit) if compare is not None else "",
    }


def profile_figures(area, codes) -> dict[str, list[dict]]:
    """The latest figures of these indicators as the wijk profile has them (its stored summaries, read through the
    profiles' selectors, not computed again), per code one line per group: for a wijk its figure and the
    municipality's beside it; for the municipality its own figure and the Netherlands' beside it."""
    codes = set(codes)
    if not codes:
        return {}
    found: dict[str, list[dict]] = {}
    if isinstance(area, District):
        profile = profile_selectors.build_profile(area.statcode, area.year, with_series=False)
        for row in profile.rows if profile else []:
            if row.indicator.key in codes:
                found.setdefault(row.indicator.key, []).append(
                    _figure_line(row.indicator, row.group, row.year, row.value, row.municipality_value)
                )
        return found
    indicators = {i.pk: i for i in Indicator.objects.filter(key__in=codes)}
    newest: dict[tuple[int, str], object] = {}
    summaries = profile_selectors.summaries_by_district(_current_districts(area), list(indicators))
    for (_district, indicator_id, group), summary in sorted(summaries.items(), key=lambda item: item[0][1:]):
        if summary.municipality_value is None:
            continue
        current = newest.get((indicator_id, group))
        if current is None or current.year < summary.year:
            newest[(indicator_id, group)] = summary
    for (indicator_id, group), summary in sorted(newest.items(), key=lambda item: item[0]):
        indicator = indicators[indicator_id]
        found.setdefault(indicator.key, []).append(
            _figure_line(indicator, group, summary.year, summary.municipality_value, summary.country_value)
        )
    return found


def _current_districts(municipality: Municipality) -> list[District]:
    year = District.objects.filter(municipality=municipality).order_by("-year").values_list("year", flat=True).first()
    return list(District.objects.filter(municipality=municipality, year=year)) if year else []


def goals_beside_figures(area, user, *, year: int | None = None) -> dict:
    """The patterns per goal (stories this reader may see, suppressed as `patterns` does) with, beside each goal,
    the profile's latest figures of the indicators the municipality's framework links to it (issue 14 point 4).
    A goal the framework links to no indicator has `linked` False; a linked indicator without a figure for this
    area is named under `without_figure`."""
    municipality = area.municipality if isinstance(area, District) else area
    result = patterns(area, user, year=year)
    linked = {goal["key"]: goal["indicators"] for goal in goals_in_force(municipality)}
    figures = profile_figures(area, {code for codes in linked.values() for code in codes})
    for goal in result["goals"]:
        codes = linked.get(goal["key"], [])
        goal["linked"] = bool(codes)
        goal["figures"] = [line for code in codes for line in figures.get(code, [])]
        goal["without_figure"] = [catalogue.label_of(code) for code in codes if code not in figures]
        goal["feeling_cells"] = list(zip(result["feeling_labels"], goal["feelings"], strict=False))
    result["is_district"] = isinstance(area, District)
    return result


# The yearly report (issue 14 point 6) --------------------------------------------------------------------------


def selected_for_report(area, year: int, user) -> list[dict]:
    """Per domain: the stories chosen in this year's completed rounds of the area, as far as this reader may read
    them. A withdrawn story is never among them (stories_for leaves it out), so a report made after a withdrawal
    does not show it."""
    rounds = Round.objects.filter(status=RoundStatus.COMPLETED, period_end__year=year)
    if isinstance(area, District):
        rounds = rounds.filter(
            Q(panel__district__statcode=area.statcode) | Q(panel__district__isnull=True),
            panel__municipality=area.municipality,
        )
    else:
        rounds = rounds.filter(panel__municipality=area)
    # Only published stories go into the report for the council, and only those this reader may read.
    readable = stories_for(user).filter(status=StoryStatus.PUBLISHED)
    if isinstance(area, District):
        readable = readable.filter(district__statcode=area.statcode)
    readable_ids = set(readable.values_list("pk", flat=True))
    by_domain: dict[str, dict] = {}
    for selection in Selection.objects.filter(round__in=rounds).select_related("story__district", "round__panel"):
        if selection.story_id not in readable_ids:
            continue
        names = domain_names(selection.round)
        entry = by_domain.setdefault(
            selection.domain, {"key": selection.domain, "name": names.get(selection.domain, ""), "items": []}
        )
        if not any(item["story"].pk == selection.story_id for item in entry["items"]):
            entry["items"].append({"story": selection.story, "reasons": selection.reasons, "round": selection.round})
    return sorted(by_domain.values(), key=lambda d: d["name"])


def this_year() -> int:
    return date.today().year
