"""Building blocks for the permission rules of every app: roles and where a member of staff works.

The rules themselves are registered with the one permission helper, `core.permissions` (`register`, `can`,
`visible`).
"""

from .models import Role


def is_signed_in(user) -> bool:
    return user is not None and user.is_authenticated and user.is_active


def has_role(user, *roles: Role) -> bool:
    return is_signed_in(user) and user.role in roles


def is_administrator(user) -> bool:
    return is_signed_in(user) and (user.role == Role.ADMINISTRATOR or user.is_superuser)


def works_for(user, municipality) -> bool:
    """Staff scoped to this municipality (administrators work for all)."""
    if is_administrator(user):
        return True
    if not has_role(user, Role.PROFESSIONAL, Role.POLICY_OFFICER):
        return False
    return user.municipalities.filter(pk=municipality.pk).exists()


def municipality_ids_of(user) -> list[int]:
    if not has_role(user, Role.PROFESSIONAL, Role.POLICY_OFFICER):
        return []
    return list(user.municipalities.values_list("pk", flat=True))


def works_in_district(user, district) -> bool:
    """Staff of this wijk: assigned to it, or to no particular wijk of its municipality (administrators: all).

    A professional with assigned wijken works only there; one without works in every wijk of their
    municipalities.
    """
    if is_administrator(user):
        return True
    if not works_for(user, district.municipality):
        return False
    assigned = set(user.districts.values_list("pk", flat=True))
    return not assigned or district.pk in assigned
