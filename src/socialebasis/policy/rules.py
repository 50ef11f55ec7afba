"""Who may see and change policy checks, the theory of change and social quality. Registered with the one
permission helper (core.permissions).

Policy checks and the theory of change are the municipality's own work: its policy officers write them, its staff
read them, everyone reads them once the municipality publishes them (a check only when a reviewer approved it).
A reviewer is a policy officer of the municipality who is not the author. Social quality is scored by
professionals and policy officers of the municipality together with residents.
"""

from django.db.models import Q

from socialebasis.core.permissions import register
from socialebasis.core.roles import Role, has_role, is_administrator, municipality_ids_of, works_for

from .models import CheckStatus, Publication


def _officer(user, municipality) -> bool:
    return is_administrator(user) or (has_role(user, Role.POLICY_OFFICER) and works_for(user, municipality))


def _staff(user, municipality) -> bool:
    return works_for(user, municipality)


def published(municipality, part: str) -> bool:
    return Publication.objects.filter(municipality=municipality, **{part: True}).exists()


def _published_ids(part: str) -> list[int]:
    return list(Publication.objects.filter(**{part: True}).values_list("municipality_id", flat=True))


def _scope(part: str, path: str = "municipality", extra: Q | None = None):
    def scope(user, queryset):
        if is_administrator(user):
            return queryset
        public = Q(**{f"{path}_id__in": _published_ids(part)})
        if extra is not None:
            public &= extra
        return queryset.filter(public | Q(**{f"{path}_id__in": municipality_ids_of(user)}))

    return scope


def _view_check(user, check) -> bool:
    if _staff(user, check.municipality):
        return True
    return check.status == CheckStatus.APPROVED and published(check.municipality, "policy_checks")


def _change_check(user, check) -> bool:
    return _officer(user, check.municipality) and check.status in (CheckStatus.DRAFT, CheckStatus.RETURNED)


def _submit_check(user, check) -> bool:
    return _officer(user, check.municipality)


def _review_check(user, check) -> bool:
    # Sign-off by a colleague: never by the author of the check.
    return _officer(user, check.municipality) and user.pk != check.author_id


def _revise_check(user, check) -> bool:
    return _officer(user, check.municipality)


register("policy.view_check", _view_check, _scope("policy_checks", extra=Q(status=CheckStatus.APPROVED)))
register("policy.add_check", _officer)
register("policy.change_check", _change_check)
register("policy.submit_check", _submit_check)
register("policy.review_check", _review_check)
register("policy.revise_check", _revise_check)
register(
    "policy.view_theory_of_change",
    lambda user, municipality: _staff(user, municipality) or published(municipality, "theory_of_change"),
    _scope("theory_of_change"),
)
register("policy.change_theory_of_change", _officer)
register(
    "policy.view_social_quality",
    lambda user, municipality: _staff(user, municipality) or published(municipality, "social_quality"),
    _scope("social_quality", path="district__municipality"),
)
register("policy.change_social_quality", _staff)
register("policy.change_publication", _officer)
