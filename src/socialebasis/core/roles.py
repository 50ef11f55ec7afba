"""The roles of the platform and the building blocks permission rules are made of (who is staff, where they work).

The rules themselves are registered with the one permission registry, `core.permissions`. Roles live here, below
every app, because every app's rules ask about them; the `User` model (accounts) stores one.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    RESIDENT = "resident", _("Resident")
    VOLUNTEER = "volunteer", _("Volunteer")
    PROFESSIONAL = "professional", _("Professional (organisation member)")
    POLICY_OFFICER = "policy_officer", _("Municipal policy officer")
    ADMINISTRATOR = "administrator", _("Administrator")


# Staff handle other people's data or the municipality's settings: they need a second factor.
STAFF_ROLES = frozenset({Role.PROFESSIONAL, Role.POLICY_OFFICER, Role.ADMINISTRATOR})


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
