"""Surveys' part of the wijk hub: the wijk's surveys and its age-friendly projects."""

from django.db.models import Q

from socialebasis.areas import hub
from socialebasis.core.permissions import can

from . import page_cache, selectors


def surveys_part(district, user) -> dict | None:
    surveys = list(
        selectors.surveys_for(user)
        .filter(Q(district=district) | Q(district__isnull=True, municipality=district.municipality))
        .order_by("-opens_on")[:5]
    )
    projects = list(selectors.projects_for(user).filter(district=district)[:5])
    may_start = can(user, "surveys.manage_in", district.municipality)
    if not surveys and not projects and not may_start:
        return None
    return {"surveys": surveys, "projects": projects, "may_start": may_start, "district": district}


def register() -> None:
    hub.register_section(
        "surveys.surveys", "surveys/hub/_surveys.html", surveys_part, order=hub.AGENDA + 5, scopes=page_cache.scopes
    )
    page_cache.connect()
