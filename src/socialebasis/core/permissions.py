"""The one permission helper, used by pages and API alike.

Each app registers its rules in its own `rules.py`: a rule answers "may this user do this to this object?"
(`can`) and, for read paths, narrows a queryset to what the user may see (`visible`), so that lists,
search, exports and aggregates apply exactly the same rule as a detail page. The building blocks rules are made of
(roles, the municipalities a member of staff works for) are in `core.roles`.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet

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


def is_registered(name: str) -> bool:
    return name in _RULES


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
