"""Surveys' part of the wijk hub: the wijk's surveys and its age-friendly projects."""

from django.db.models import Q

from socialebasis.areas import hub

from . import selectors


def surveys_part(district, user) -> dict | None:
    surveys = list(
        selectors.surveys_for(user)
        .filter(Q(district=district) | Q(district__isnull=True, municipality=district.municipality))
        .order_by("-opens_on")[:5]
    )
    projects = list(selectors.projects_for(user).filter(district=district)[:5])
    if not surveys and not projects:
        return None
    return {"surveys": surveys, "projects": projects}


def register() -> None:
    hub.register_section("surveys.surveys", "surveys/hub/_surveys.html", surveys_part, order=hub.AGENDA + 5)
