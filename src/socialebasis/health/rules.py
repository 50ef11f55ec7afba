"""Who may read what of positive health. A self-check is its owner's alone: no role, not even an administrator,
reads another person's answers (ADR 0042). The wijk figures are public (they are suppressed, see aggregates.py);
the dimension-to-goal mapping is policy, changed by the municipality's policy officers."""

from socialebasis.core.permissions import register
from socialebasis.core.roles import Role, has_role, is_administrator, works_for


def _own(user, check) -> bool:
    return bool(user.is_authenticated and user.is_active and check.owner_id == user.pk)


def _own_only(user, queryset):
    if not (user.is_authenticated and user.is_active):
        return queryset.none()
    return queryset.filter(owner=user)


def _public(user, obj) -> bool:
    return True


def _all(user, queryset):
    return queryset


def _change_mapping(user, municipality) -> bool:
    if is_administrator(user):
        return True
    return has_role(user, Role.POLICY_OFFICER) and works_for(user, municipality)


register("health.view_selfcheck", _own, _own_only)
register("health.delete_selfcheck", _own, _own_only)
register("health.view_aggregates", _public, _all)
register("health.change_goal_mapping", _change_mapping)
