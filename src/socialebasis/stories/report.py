"""The yearly report "tellen en vertellen" (issue 14 point 6): put together from the parts every app registered
in profiles/yearly.py. This module holds the stories' own part and the part with the profile's figures and the
inventory (read through the profiles' selectors; stories stand above them, ADR 0028)."""

from django.db.models import Max

from socialebasis.areas.models import District
from socialebasis.profiles import findings, registrations, yearly
from socialebasis.profiles import selectors as profile_selectors

from . import selectors

STRENGTHS = 5


def _districts_of(municipality) -> list[District]:
    year = District.objects.filter(municipality=municipality).aggregate(year=Max("year"))["year"]
    return list(District.objects.filter(municipality=municipality, year=year).order_by("name"))


def figures_part(area, year: int, user) -> dict | None:
    """The profile's strengths and concerns (wijk) or, for the municipality, each wijk's count of them."""
    if isinstance(area, District):
        profile = profile_selectors.build_profile(area.statcode, area.year, with_series=False)
        if profile is None or not profile.rows:
            return None
        inventory = registrations.inventory(area)
        return {
            "strengths": [findings.finding_text(r) for r in profile.strengths[:STRENGTHS]],
            "concerns": [findings.finding_text(r) for r in profile.concerns[:STRENGTHS]],
            "trends": [r for r in profile.rows if r.trend][:STRENGTHS],
            "inventory": inventory,
        }
    wijken = []
    for district in _districts_of(area):
        profile = profile_selectors.build_profile(district.statcode, district.year, with_series=False)
        if profile is not None and profile.rows:
            wijken.append(
                {"district": district, "strengths": len(profile.strengths), "concerns": len(profile.concerns)}
            )
    return {"wijken": wijken} if wijken else None


def stories_part(area, year: int, user) -> dict | None:
    """Per goal, side by side: the profile's latest figures of the indicators the framework links to the goal, the
    activities the sociale kaart has for it (wijk), the stories told about it (suppressed counts and how the
    tellers felt) and the stories the panels chose, with their reasons."""
    patterns = selectors.goals_beside_figures(area, user, year=year)
    chosen = {entry["key"]: entry["items"] for entry in selectors.selected_for_report(area, year, user)}
    inventory = registrations.inventory(area) if isinstance(area, District) else None
    rows = [
        {
            "name": goal["name"],
            "count": goal["count"],
            "feeling_cells": goal["feeling_cells"],
            "linked": goal["linked"],
            "figures": goal["figures"],
            "without_figure": goal["without_figure"],
            "activities": inventory.by_goal.get(goal["key"], 0) if inventory else None,
            "chosen": chosen.get(goal["key"], []),
        }
        for goal in patterns["goals"]
    ]
    return {
        "rows": rows,
        "total": patterns["total"],
        "has_inventory": inventory is not None,
        "is_district": patterns["is_district"],
    }


def build(area, year: int, user) -> list:
    return yearly.parts_for(area, year, user)
