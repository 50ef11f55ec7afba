"""Who may change minimum standards and the sociale agenda. Registered with the one permission helper.

Profiles, norms and the agenda are public: they are made for the conversation with residents. Norms are
policy, so only the municipality's policy officers change them; the agenda is shared work, so its
professionals and policy officers change it. Administrators may do both.
"""

from socialebasis.core.permissions import register
from socialebasis.core.roles import Role, has_role, is_administrator, works_for


def _public(user, obj) -> bool:
    return True


def _all(user, queryset):
    return queryset


def _change_norms(user, municipality) -> bool:
    if is_administrator(user):
        return True
    return has_role(user, Role.POLICY_OFFICER) and works_for(user, municipality)


def _change_agenda(user, municipality) -> bool:
    if is_administrator(user):
        return True
    return has_role(user, Role.PROFESSIONAL, Role.POLICY_OFFICER) and works_for(user, municipality)


register("profiles.view_profile", _public, _all)
register("profiles.change_norms", _change_norms)
register("profiles.change_agenda", _change_agenda)
# The same rule for one opgave, as the workflow of its status asks it (profiles/workflows.py).
register("profiles.change_agenda_item", lambda user, item: _change_agenda(user, item.district.municipality))
