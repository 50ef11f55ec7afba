"""Who may read the register of processing activities: administrators (and policy officers, who answer for it)."""

from socialebasis.core.permissions import register
from socialebasis.core.roles import Role, has_role, is_administrator

register("privacy.view_register", lambda user, obj=None: is_administrator(user) or has_role(user, Role.POLICY_OFFICER))
