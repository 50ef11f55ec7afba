"""Who may see, add, change and check entries of the sociale kaart (the one permission helper).

Residents see what is published (and entries waiting for a check); a signed-in owner also sees and edits
their own entries in any state except archived; staff see and moderate every entry of the municipalities
they work for. Moderating is scoped per wijk: a professional with assigned wijken moderates the entries
located there, one without assigned wijken every entry of their municipalities; an entry without a wijk
(an organisation, an activity for the whole municipality) belongs to the municipality, so every professional
of that municipality may moderate it (docs/adr/0015-directory-entries-and-verification.md).
"""

from django.db.models import Exists, OuterRef, Q

from socialebasis.core.permissions import register
from socialebasis.core.roles import (
    Role,
    has_role,
    is_administrator,
    is_signed_in,
    municipality_ids_of,
    works_for,
    works_in_district,
)

from .vocabulary import PUBLIC_STATUSES, Status


def _is_owner(user, entry) -> bool:
    return is_signed_in(user) and entry.owner_id is not None and entry.owner_id == user.pk


def _view(user, entry) -> bool:
    if entry.status in PUBLIC_STATUSES:
        return True
    return _is_owner(user, entry) or works_for(user, entry.municipality)


def _visible(user, queryset):
    if is_administrator(user):
        return queryset
    condition = Q(status__in=PUBLIC_STATUSES)
    if is_signed_in(user):
        condition |= Q(owner_id=user.pk)
        ids = municipality_ids_of(user)
        if ids:
            condition |= Q(municipality_id__in=ids)
    return queryset.filter(condition)


def _moderates(user, entry) -> bool:
    if is_administrator(user):
        return True
    if not (has_role(user, Role.PROFESSIONAL) and works_for(user, entry.municipality)):
        return False
    district = getattr(entry, "district", None)
    return district is None or works_in_district(user, district)


def _moderated(user, queryset):
    """The database form of `_moderates`: the entries this person moderates, in one query with subqueries (the
    header's count and the start page use it; no row-by-row check)."""
    if is_administrator(user):
        return queryset
    if not has_role(user, Role.PROFESSIONAL):
        return queryset.none()
    queryset = queryset.filter(municipality_id__in=user.municipalities.values("pk"))
    if not any(field.name == "district" for field in queryset.model._meta.fields):
        return queryset  # an organisation belongs to its municipality
    assigned = user.districts.through.objects.filter(user_id=user.pk)
    return queryset.filter(
        Q(district__isnull=True) | ~Exists(assigned) | Exists(assigned.filter(district_id=OuterRef("district_id")))
    )


def _change(user, entry) -> bool:
    if _moderates(user, entry):
        return True
    return _is_owner(user, entry) and entry.status != Status.ARCHIVED


def _add(user, _obj=None) -> bool:
    return is_signed_in(user)


for _model in ("activity", "meetingplace", "organisation"):
    register(f"directory.view_{_model}", _view, _visible)
    register(f"directory.change_{_model}", _change)
    register(f"directory.moderate_{_model}", _moderates, _moderated)
register("directory.add_entry", _add)
