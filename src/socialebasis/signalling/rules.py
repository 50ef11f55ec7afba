"""Who may see and handle signals (the one permission helper).

Staff of the municipality (professionals, policy officers; administrators everywhere) see and handle its signals; a
reporter sees their own, and may reopen one that was handled when they are not satisfied. Nobody else sees a
signal: they are working material, the yearly report shows only their themes and outcomes, counted. The reporter's
contact details are a separate rule, and every opening is audited (services.open_contact).
"""

from django.db.models import Q

from socialebasis.core.permissions import register
from socialebasis.core.roles import Role, has_role, is_administrator, is_signed_in, municipality_ids_of, works_for

from .models import SignalStatus


def _is_reporter(user, signal) -> bool:
    if not is_signed_in(user):
        return False
    contact = getattr(signal, "contact", None)
    return contact is not None and contact.user_id == user.pk


def _handles(user, signal) -> bool:
    if is_administrator(user):
        return True
    return has_role(user, Role.PROFESSIONAL, Role.POLICY_OFFICER) and works_for(user, signal.municipality)


def _view(user, signal) -> bool:
    return _handles(user, signal) or _is_reporter(user, signal)


def _visible(user, queryset):
    if is_administrator(user):
        return queryset
    if not is_signed_in(user):
        return queryset.none()
    condition = Q(contact__user_id=user.pk)
    if has_role(user, Role.PROFESSIONAL, Role.POLICY_OFFICER):
        condition |= Q(municipality_id__in=municipality_ids_of(user))
    return queryset.filter(condition)


def _handled(user, queryset):
    if is_administrator(user):
        return queryset
    if not has_role(user, Role.PROFESSIONAL, Role.POLICY_OFFICER):
        return queryset.none()
    return queryset.filter(municipality_id__in=municipality_ids_of(user))


def _reopen(user, signal) -> bool:
    return signal.status == SignalStatus.CLOSED and (_is_reporter(user, signal) or _handles(user, signal))


def _view_contact(user, signal) -> bool:
    contact = getattr(signal, "contact", None)
    return contact is not None and not contact.anonymous and _handles(user, signal)


register("signalling.view_signal", _view, _visible)
register("signalling.handle_signal", _handles, _handled)
register("signalling.reopen_signal", _reopen)
register("signalling.view_contact", _view_contact)
register("signalling.report_signal", lambda user, _obj=None: is_signed_in(user))
# The counted view of the yearly report: how many signals per theme and which agenda actions they led to, with small
# numbers suppressed (selectors.themes_and_outcomes). It reads no text and no reporter, so anyone may read it.
register("signalling.count_signals", lambda user, _obj=None: True, lambda user, queryset: queryset)
