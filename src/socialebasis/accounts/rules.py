"""Permission rules of the accounts app."""

from socialebasis.core.permissions import register
from socialebasis.core.roles import is_administrator


def _may_manage_second_step(actor, user) -> bool:
    """Only an administrator makes enrolment links or removes someone's second-step devices."""
    return is_administrator(actor)


register("accounts.manage_second_step", _may_manage_second_step)
