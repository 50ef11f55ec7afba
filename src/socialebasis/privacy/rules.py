"""Who may read the register of processing activities: administrators (and policy officers, who answer for it)."""

from socialebasis.accounts.models import Role
from socialebasis.accounts.permissions import has_role, is_administrator
from socialebasis.core.permissions import register

register("privacy.view_register", lambda user, obj=None: is_administrator(user) or has_role(user, Role.POLICY_OFFICER))
