"""Reads for local frameworks, shared by pages, API and commands."""

from datetime import date

from django.db.models import QuerySet
from django.utils import timezone

from socialebasis.areas.models import Municipality

from .models import FrameworkVersion


def versions_of(municipality: Municipality) -> QuerySet[FrameworkVersion]:
    return (
        FrameworkVersion.objects.filter(framework__municipality=municipality)
        .select_related("framework__municipality", "created_by")
        .order_by("-number")
    )


def version_in_force(municipality: Municipality, on: date | None = None) -> FrameworkVersion | None:
    """The version that applies on a date (today by default).

    That is the newest version (highest number) whose `valid_from` has been reached: a later edit replaces
    the earlier ones from its first day, also when it is dated back; a version dated in the future waits for
    its day, and until then the previous one keeps applying.
    """
    on = on or timezone.localdate()
    return versions_of(municipality).filter(valid_from__lte=on).first()


def names_in_force(municipality: Municipality, on: date | None = None) -> dict[str, dict[str, str]]:
    """The keys and names of the spheres and goals of the version in force, in the document's order:
    {"spheres": {key: name}, "goals": {key: name}}; empty without a framework."""
    version = version_in_force(municipality, on)
    content = version.content if version else {}
    return {part: {item["key"]: item["name"] for item in content.get(part, [])} for part in ("spheres", "goals")}


def goals_in_force(municipality: Municipality, on: date | None = None) -> list[dict]:
    """The goals of the version in force, in the document's order, each with the codes of the catalogue's indicators
    it cites: [{"key", "name", "indicators": [code, ...]}] (issue 14 point 4); empty without a framework. Versions
    made before goals could cite indicators simply cite none."""
    version = version_in_force(municipality, on)
    content = version.content if version else {}
    return [
        {"key": goal["key"], "name": goal["name"], "indicators": [i["code"] for i in goal.get("indicators", [])]}
        for goal in content.get("goals", [])
    ]


def version_by_number(municipality: Municipality, number: int) -> FrameworkVersion | None:
    return versions_of(municipality).filter(number=number).first()


def latest_version(municipality: Municipality) -> FrameworkVersion | None:
    """The most recently created version, whatever its date: the starting point for the next edit."""
    return versions_of(municipality).first()


def municipalities_with_framework() -> QuerySet[Municipality]:
    return Municipality.objects.filter(framework__versions__isnull=False).distinct().order_by("name")
