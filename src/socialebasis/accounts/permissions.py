"""The one permission helper, used by pages and API alike.

Each app registers its rules in its own `rules.py`: a rule answers "may this user do this to this object?"
(`can`) and, for read paths, narrows a queryset to what the user may see (`visible`), so that lists,
search, exports and aggregates apply exactly the same rule as a detail page.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet

from .models import Role

Check = Callable[[Any, Any], bool]
Scope = Callable[[Any, QuerySet], QuerySet]


@dataclass(frozen=True)
class Rule:
    check: Check
    scope: Scope | None = None


_RULES: dict[str, Rule] = {}


def register(name: str, check: Check, scope: Scope | None = None) -> None:
    if name in _RULES:
        raise ValueError(f"Permission rule {name!r} is registered twice.")
    _RULES[name] = Rule(check, scope)


def _rule(name: str) -> Rule:
    try:
        return _RULES[name]
    except KeyError:
        raise LookupError(f"No permission rule {name!r}; register it in the app's rules.py.") from None


def can(user, name: str, obj: Any = None) -> bool:
    """May `user` do `name` to `obj`? Inactive users may do nothing a rule protects."""
    if user is not None and user.is_authenticated and not user.is_active:
        return False
    return bool(_rule(name).check(user, obj))


def visible(user, name: str, queryset: QuerySet) -> QuerySet:
    """The part of `queryset` that `user` may see under rule `name`."""
    rule = _rule(name)
    if rule.scope is None:
        raise LookupError(f"Permission rule {name!r} has no queryset scope.")
    return rule.scope(user, queryset)


# Building blocks for rules.


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
