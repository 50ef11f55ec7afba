"""Who may change a local framework. Registered with the one permission helper (core.permissions).

Frameworks are public policy: everyone may read them and ask an assessment, so there is no view rule.
"""

from socialebasis.core.permissions import register
from socialebasis.core.roles import Role, has_role, is_administrator, works_for


def _change_framework(user, framework) -> bool:
    # The municipality's own policy officers decide on its framework (issue 3, point 5); administrators
    # may help. Professionals of the municipality may not: the framework decides what gets funded.
    if is_administrator(user):
        return True
    return has_role(user, Role.POLICY_OFFICER) and works_for(user, framework.municipality)


register("frameworks.change_framework", _change_framework)
