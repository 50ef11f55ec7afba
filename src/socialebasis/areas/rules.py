"""Who may see and change areas. Registered with the one permission helper (core.permissions)."""

from django.db.models import Q

from socialebasis.core.permissions import register
from socialebasis.core.roles import Role, has_role, is_administrator, municipality_ids_of, works_for


def _view_division(user, division) -> bool:
    return division.is_public or works_for(user, division.municipality)


def _visible_divisions(user, queryset):
    if is_administrator(user):
        return queryset
    return queryset.filter(Q(is_public=True) | Q(municipality_id__in=municipality_ids_of(user)))


def _change_division(user, division) -> bool:
    # Only the municipality's policy officers (and administrators) decide on its own division.
    if is_administrator(user):
        return True
    return has_role(user, Role.POLICY_OFFICER) and works_for(user, division.municipality)


register("areas.view_division", _view_division, _visible_divisions)
register("areas.change_division", _change_division)
