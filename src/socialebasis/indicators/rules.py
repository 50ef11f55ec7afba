"""Who may see and upload indicator values. Registered with the one permission helper (core.permissions).

Published statistics (CBS, RIVM/GGD'en, the seed documents) and uploaded monitors are public figures: everyone
may read them. Only a municipality's policy officers (and administrators) upload its own monitor.
"""

from socialebasis.core.permissions import register
from socialebasis.core.roles import Role, has_role, is_administrator, works_for


def _view_value(user, value) -> bool:
    return True


def _visible_values(user, queryset):
    return queryset


def _upload_monitor(user, municipality) -> bool:
    if is_administrator(user):
        return True
    return has_role(user, Role.POLICY_OFFICER) and works_for(user, municipality)


register("indicators.view_value", _view_value, _visible_values)
register("indicators.upload_monitor", _upload_monitor)
