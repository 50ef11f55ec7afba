"""Who may see and do what in burenhulp (the one permission helper, core.permissions).

Requests: the owner; staff of the municipality; a helper in a conversation about it; and, in peer mode, anyone may
see open requests coarsely (category, buurt, day; `see_request_text` guards the text, which anonymous visitors never
get). In moderated mode nobody but the owner, staff and matched helpers sees a request. Moderating (approving,
proposing matches, suggestions, reports) is for professionals of the request's wijk (`works_in_district`).
Conversations: the two parties, and the professionals of the wijk (every opening by staff is audited).
Vacancies are public while open.
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

from .models import Match
from .vocabulary import MatchStatus, Mode, OfferStatus, RequestStatus, VacancyStatus


def _mode(obj) -> str:
    found = getattr(obj.municipality, "help_settings", None)
    return found.mode if found is not None else Mode.MODERATED


def _is(user, user_id) -> bool:
    return is_signed_in(user) and user_id is not None and user.pk == user_id


def is_moderator(user) -> bool:
    return is_administrator(user) or has_role(user, Role.PROFESSIONAL)


def _moderates(user, obj) -> bool:
    if obj is None:
        return is_moderator(user)
    if is_administrator(user):
        return True
    if not has_role(user, Role.PROFESSIONAL):
        return False
    district = getattr(obj, "district", None)
    return works_in_district(user, district) if district is not None else works_for(user, obj.municipality)


def _moderated(user, queryset):
    if is_administrator(user):
        return queryset
    if not has_role(user, Role.PROFESSIONAL):
        return queryset.none()
    queryset = queryset.filter(municipality_id__in=user.municipalities.values("pk"))
    assigned = user.districts.through.objects.filter(user_id=user.pk)
    return queryset.filter(
        Q(district__isnull=True) | ~Exists(assigned) | Exists(assigned.filter(district_id=OuterRef("district_id")))
    )


def _staff_of(user, obj) -> bool:
    return works_for(user, obj.municipality)


def _staff_scope(user) -> Q | None:
    if is_administrator(user):
        return Q()
    ids = municipality_ids_of(user)
    return Q(municipality_id__in=ids) if ids else None


# Requests --------------------------------------------------------------------------------------------------------


def _helps_with(user, request) -> bool:
    return is_signed_in(user) and request.matches.filter(helper_id=user.pk).exists()


def _view_request(user, request) -> bool:
    if request.status == RequestStatus.OPEN and _mode(request) == Mode.PEER:
        return True
    return _is(user, request.owner_id) or _staff_of(user, request) or _helps_with(user, request)


def _visible_requests(user, queryset):
    if is_administrator(user):
        return queryset
    condition = Q(status=RequestStatus.OPEN, municipality__help_settings__mode=Mode.PEER)
    if is_signed_in(user):
        helps = Match.objects.filter(request_id=OuterRef("pk"), helper_id=user.pk)
        condition |= Q(owner_id=user.pk) | Q(Exists(helps))
        staff = _staff_scope(user)
        if staff is not None:
            condition |= staff
    return queryset.filter(condition)


def _see_request_text(user, request) -> bool:
    """The short text and the day: signed-in people who may see the request (never anonymous visitors)."""
    return is_signed_in(user) and _view_request(user, request)


def _change_request(user, request) -> bool:
    return _is(user, request.owner_id) or _moderates(user, request)


def _offer_help(user, request) -> bool:
    """A volunteer offers to help with an open request of a peer municipality (not their own)."""
    return (
        is_signed_in(user)
        and request.status == RequestStatus.OPEN
        and _mode(request) == Mode.PEER
        and request.owner_id != user.pk
        and hasattr(user, "volunteer_profile")
    )


def _done_request(user, request) -> bool:
    return _change_request(user, request) or (
        is_signed_in(user) and request.matches.filter(helper_id=user.pk, status=MatchStatus.ACCEPTED).exists()
    )


register("neighbourhelp.view_helprequest", _view_request, _visible_requests)
register("neighbourhelp.see_request_text", _see_request_text)
register("neighbourhelp.change_helprequest", _change_request)
register("neighbourhelp.done_helprequest", _done_request)
register("neighbourhelp.moderate_helprequest", _moderates, _moderated)
register("neighbourhelp.offer_help", _offer_help)
register("neighbourhelp.add_request", lambda user, _obj=None: is_signed_in(user))

# Offers ----------------------------------------------------------------------------------------------------------


def _view_offer(user, offer) -> bool:
    if offer.status == OfferStatus.OPEN and _mode(offer) == Mode.PEER:
        return True
    return (
        _is(user, offer.owner_id)
        or _staff_of(user, offer)
        or (is_signed_in(user) and offer.matches.filter(asker_id=user.pk).exists())
    )


def _visible_offers(user, queryset):
    if is_administrator(user):
        return queryset
    condition = Q(status=OfferStatus.OPEN, municipality__help_settings__mode=Mode.PEER)
    if is_signed_in(user):
        asks = Match.objects.filter(offer_id=OuterRef("pk"), asker_id=user.pk)
        condition |= Q(owner_id=user.pk) | Q(Exists(asks))
        staff = _staff_scope(user)
        if staff is not None:
            condition |= staff
    return queryset.filter(condition)


def _change_offer(user, offer) -> bool:
    return _is(user, offer.owner_id) or _moderates(user, offer)


def _respond_to_offer(user, offer) -> bool:
    return is_signed_in(user) and offer.status == OfferStatus.OPEN and offer.owner_id != user.pk


register("neighbourhelp.view_helpoffer", _view_offer, _visible_offers)
register("neighbourhelp.change_helpoffer", _change_offer)
register("neighbourhelp.respond_to_offer", _respond_to_offer)

# Conversations (matches) -----------------------------------------------------------------------------------------


def _party(user, match) -> bool:
    return _is(user, match.helper_id) or _is(user, match.asker_id)


def _view_match(user, match) -> bool:
    return _party(user, match) or _moderates(user, match)


def _visible_matches(user, queryset):
    if not is_signed_in(user):
        return queryset.none()
    if is_administrator(user):
        return queryset
    parties = queryset.filter(Q(helper_id=user.pk) | Q(asker_id=user.pk))
    return parties | _moderated(user, queryset)


def _write(user, match) -> bool:
    return _party(user, match) and match.status in (MatchStatus.PROPOSED, MatchStatus.ACCEPTED)


def _accept(user, match) -> bool:
    return _is(user, match.accepter_id)


def _end(user, match) -> bool:
    return _party(user, match) or _moderates(user, match)


register("neighbourhelp.view_match", _view_match, _visible_matches)
register("neighbourhelp.write_match", _write)
register("neighbourhelp.accept_match", _accept)
register("neighbourhelp.end_match", _end)
register("neighbourhelp.moderate_match", _moderates, _moderated)

# Volunteers and vacancies ----------------------------------------------------------------------------------------


def _view_volunteer(user, profile) -> bool:
    return _is(user, profile.user_id) or _moderates(user, profile)


def _visible_volunteers(user, queryset):
    if not is_signed_in(user):
        return queryset.none()
    return queryset.filter(user_id=user.pk) | _moderated(user, queryset)


register("neighbourhelp.view_volunteerprofile", _view_volunteer, _visible_volunteers)


def _view_vacancy(user, vacancy) -> bool:
    return vacancy.status == VacancyStatus.OPEN or _change_vacancy(user, vacancy)


def _visible_vacancies(user, queryset):
    if is_administrator(user):
        return queryset
    condition = Q(status=VacancyStatus.OPEN)
    if is_signed_in(user):
        condition |= Q(created_by_id=user.pk)
        staff = _staff_scope(user)
        if staff is not None:
            condition |= staff
    return queryset.filter(condition)


def _change_vacancy(user, vacancy) -> bool:
    if _is(user, vacancy.created_by_id) or (has_role(user, Role.PROFESSIONAL) and _staff_of(user, vacancy)):
        return True
    return is_administrator(user) or _is(user, vacancy.organisation.owner_id)


def _add_vacancy(user, organisation=None) -> bool:
    if organisation is None:
        return is_administrator(user) or has_role(user, Role.PROFESSIONAL)
    return (
        _is(user, organisation.owner_id)
        or (has_role(user, Role.PROFESSIONAL) and works_for(user, organisation.municipality))
        or is_administrator(user)
    )


def _respond_to_vacancy(user, vacancy) -> bool:
    return is_signed_in(user) and vacancy.status == VacancyStatus.OPEN


def _view_response(user, response) -> bool:
    return _is(user, response.user_id) or _change_vacancy(user, response.vacancy)


def _visible_responses(user, queryset):
    if not is_signed_in(user):
        return queryset.none()
    if is_administrator(user):
        return queryset
    condition = Q(user_id=user.pk) | Q(vacancy__created_by_id=user.pk) | Q(vacancy__organisation__owner_id=user.pk)
    if has_role(user, Role.PROFESSIONAL):
        condition |= Q(vacancy__municipality_id__in=municipality_ids_of(user))
    return queryset.filter(condition)


register("neighbourhelp.view_volunteervacancy", _view_vacancy, _visible_vacancies)
register("neighbourhelp.change_volunteervacancy", _change_vacancy)
register("neighbourhelp.add_vacancy", _add_vacancy)
register("neighbourhelp.respond_to_vacancy", _respond_to_vacancy)
register("neighbourhelp.view_vacancyresponse", _view_response, _visible_responses)
register("neighbourhelp.view_dispatch", lambda user, _obj=None: is_moderator(user))
