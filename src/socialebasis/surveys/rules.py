"""Who may do what with surveys. Published surveys, their suppressed results and the projects are public; the
municipality's professionals and policy officers manage them (paper entry, actions, the project's steps) and read
open answers. Nobody reads one person's response through a page or the API: results are aggregates only."""

from django.db.models import Q

from socialebasis.core.permissions import register
from socialebasis.core.roles import Role, has_role, is_administrator, municipality_ids_of, works_for


def manages(user, municipality) -> bool:
    if is_administrator(user):
        return True
    return has_role(user, Role.PROFESSIONAL, Role.POLICY_OFFICER) and works_for(user, municipality)


def _view_survey(user, survey) -> bool:
    return survey.is_published or manages(user, survey.municipality)


def _surveys(user, queryset):
    if is_administrator(user):
        return queryset
    if has_role(user, Role.PROFESSIONAL, Role.POLICY_OFFICER):
        return queryset.filter(Q(is_published=True) | Q(municipality_id__in=municipality_ids_of(user)))
    return queryset.filter(is_published=True)


register("surveys.view_survey", _view_survey, _surveys)
register("surveys.manage_survey", lambda user, survey: manages(user, survey.municipality))
register("surveys.manage_in", manages)  # for a municipality
register("surveys.view_project", lambda user, project: True, lambda user, queryset: queryset)
register("surveys.manage_project", lambda user, project: manages(user, project.district.municipality))
