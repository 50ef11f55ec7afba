"""Reads of positive health. A person's self-checks only through the rule `health.view_selfcheck` (owner only);
the wijk figures only through `aggregates.figures_for`, from contributions of closed periods."""

from django.apps import apps
from django.db.models import QuerySet
from django.utils import timezone

from socialebasis.areas.models import District, Municipality
from socialebasis.core.permissions import visible

from .aggregates import PeriodFigures, figures_for
from .dimensions import KEYS, LOW_SCORE
from .models import Contribution, GoalMapping, SelfCheck


def own_checks(user) -> QuerySet[SelfCheck]:
    return visible(user, "health.view_selfcheck", SelfCheck.objects.all())


def closed_periods(municipality: Municipality) -> list[int]:
    """The years with contributions that are over, newest first."""
    this_year = timezone.localdate().year
    years = (
        Contribution.objects.filter(municipality=municipality, period__lt=this_year)
        .order_by("-period")
        .values_list("period", flat=True)
        .distinct()
    )
    return list(years)


def municipalities_with_contributions(period: int) -> QuerySet[Municipality]:
    ids = Contribution.objects.filter(period=period).values_list("municipality_id", flat=True).distinct()
    return Municipality.objects.filter(pk__in=list(ids)).order_by("statcode")


def period_figures(municipality: Municipality, period: int) -> PeriodFigures | None:
    """The published figures of one closed year; None for a year that is not over or has no contributions."""
    if period >= timezone.localdate().year:
        return None
    rows = list(Contribution.objects.filter(municipality=municipality, period=period).values("district_id", *KEYS))
    if not rows:
        return None
    division = District.objects.filter(pk__in={r["district_id"] for r in rows if r["district_id"]})
    year = max(division.values_list("year", flat=True), default=None)
    districts = list(District.objects.filter(municipality=municipality, year=year).order_by("statcode")) if year else []
    return figures_for(municipality, districts, [(r["district_id"], r) for r in rows], period)


def district_figures(district: District) -> list[dict]:
    """Per closed year, newest first: the wijk's figures beside its municipality's."""
    found = []
    for period in closed_periods(district.municipality):
        figures = period_figures(district.municipality, period)
        if figures is None:
            continue
        mine = next((area for area in figures.districts if area.code == district.statcode), None)
        if mine is not None:
            found.append({"period": period, "district": mine, "municipality": figures.municipality})
    return found


def low_dimensions(scores: dict) -> list[str]:
    return [key for key in KEYS if float(scores.get(key, 10)) < LOW_SCORE]


def offers_for(user, district: District | None, dimensions: list[str]) -> dict[str, list]:
    """Per dimension: public activities in the resident's wijk whose framework goals fit the dimension (the
    municipality's mapping, GoalMapping), through the sociale kaart's own visibility rule."""
    if district is None or not dimensions or not apps.is_installed("socialebasis.directory"):
        return {}
    from socialebasis.directory.selectors import activities_for

    mapping = dict(
        GoalMapping.objects.filter(municipality=district.municipality, dimension__in=dimensions).values_list(
            "dimension", "goals"
        )
    )
    if not mapping:
        return {}
    activities = list(activities_for(user).filter(district=district).select_related("place").order_by("title")[:200])
    offers = {}
    for dimension in dimensions:
        goals = set(mapping.get(dimension, []))
        fitting = [a for a in activities if goals.intersection(a.goals or [])][:5]
        if fitting:
            offers[dimension] = fitting
    return offers
