"""Writes of burenhulp: every function checks all its input first, then writes in one transaction.

Status changes go through `workflows.services.transition`; people hear about things through
`notifications.services.notify` (a link to the conversation, never its content); a professional opening a
resident's request or conversation is written to the audit log (`record_opening`).
"""

from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from socialebasis.areas.models import Municipality, Neighbourhood
from socialebasis.areas.selectors import district_of_postcode, municipality_of_postcode, postcode_digits, postcode_point
from socialebasis.audit.models import Action
from socialebasis.audit.services import record_event, record_list_read
from socialebasis.core.permissions import can
from socialebasis.core.roles import Role, works_for
from socialebasis.notifications.services import notify
from socialebasis.workflows.services import transition

from . import presets
from .models import (
    Block,
    ContactConsent,
    FollowUp,
    HelpCategory,
    HelpOffer,
    HelpRequest,
    HelpSettings,
    Match,
    Message,
    Report,
    VacancyResponse,
    VolunteerProfile,
    VolunteerVacancy,
)
from .vocabulary import SKILL_BITS, MatchStatus, Mode, RequestStatus, mask_of_skills

# Presets and settings ----------------------------------------------------------------------------------------------


def apply_preset(municipality: Municipality) -> HelpSettings | None:
    """Heusden's or Oss's way of working (presets.py) for this municipality; unchanged rows stay. None without one."""
    preset = presets.PRESETS.get(municipality.statcode)
    if preset is None:
        return None
    fields = {
        k: preset[k]
        for k in ("name", "mode", "follow_up_days", "unmatched_days", "expiry_days", "retention_months", "source")
    }
    with transaction.atomic():
        found, _created = HelpSettings.objects.update_or_create(municipality=municipality, defaults=fields)
        rows = [(key, name, True, theme, skills, "") for key, name, _v, theme, skills in presets.COMMON]
        rows += [(key, name, False, "", (), instead) for key, name, instead in preset["not_for_volunteers"]]
        for bit, (key, name, for_volunteers, theme, skills, instead) in enumerate(rows):
            HelpCategory.objects.update_or_create(
                municipality=municipality,
                key=key,
                defaults={
                    "name": name,
                    "bit": bit,
                    "for_volunteers": for_volunteers,
                    "directory_theme": theme,
                    "skills": mask_of_skills(skills),
                    "go_instead": instead,
                },
            )
    return found


def settings_of(municipality) -> HelpSettings | None:
    return HelpSettings.objects.filter(municipality=municipality).first()


# Where: from a postcode to the municipality, wijk, buurt and the 4-digit area's point --------------------------------


@dataclass(frozen=True)
class Place:
    municipality: Municipality
    district: object
    neighbourhood: object
    postcode_area: str
    latitude: float
    longitude: float

    def fields(self) -> dict:
        return {
            "municipality": self.municipality,
            "district": self.district,
            "neighbourhood": self.neighbourhood,
            "postcode_area": self.postcode_area,
            "latitude": self.latitude,
            "longitude": self.longitude,
        }


def neighbourhood_at(district, latitude: float, longitude: float):
    """The buurt of the wijk that holds the point (shapely), or None."""
    if district is None:
        return None
    from shapely.geometry import Point, shape

    point = Point(longitude, latitude)
    for buurt in Neighbourhood.objects.filter(district=district, boundary__isnull=False):
        try:
            covers = shape(buurt.boundary).covers(point)
        except (ValueError, TypeError, AttributeError, KeyError, IndexError):  # a malformed boundary holds no point
            covers = False
        if covers:
            return buurt
    return None


def place_of(postcode: str) -> Place:
    """The place of a postcode as burenhulp keeps it: only the 4-digit area, never the street."""
    digits = postcode_digits(postcode or "")
    if digits is None:
        raise ValidationError({"postcode": _("Fill in your postcode, for example 5251 AB or 5251.")})
    municipality = municipality_of_postcode(digits)
    point = postcode_point(digits, municipality.statcode) if municipality else None
    if municipality is None or point is None:
        raise ValidationError({"postcode": _("We do not know this postcode. Check the four digits.")})
    if settings_of(municipality) is None:
        raise ValidationError({"postcode": _("Your municipality does not use burenhulp on this site yet.")})
    district = district_of_postcode(municipality, digits)
    return Place(municipality, district, neighbourhood_at(district, *point), digits, point[0], point[1])


def _category(municipality, category: HelpCategory) -> HelpCategory:
    if category.municipality_id != municipality.pk:
        raise ValidationError({"category": _("Choose a category of your own municipality.")})
    return category


def moderators_of(municipality, district=None):
    """The professionals of this wijk (assigned to it, or to no wijk of the municipality)."""
    people = get_user_model().objects.filter(role=Role.PROFESSIONAL, is_active=True, municipalities=municipality)
    if district is not None:
        people = people.filter(Q(districts=district) | Q(districts__isnull=True))
    return people.distinct()


def _tell_moderators(obj, kind: str, key: str) -> None:
    for person in moderators_of(obj.municipality, getattr(obj, "district", None)):
        notify(person, kind, about=obj, key=f"{key}:{person.pk}")


# Requests and offers -------------------------------------------------------------------------------------------------


def create_request(
    owner,
    *,
    category: HelpCategory,
    text: str,
    postcode: str,
    when: str,
    date=None,
    parts: int,
    address: str = "",
    phone: str = "",
    on_behalf_of: str = "",
    resident_consents: bool = False,
    is_demo: bool = False,
) -> HelpRequest:
    """A help request: open at once in peer mode, waiting for a professional of the wijk in moderated mode."""
    place = place_of(postcode)
    _category(place.municipality, category)
    if not category.for_volunteers:
        raise ValidationError({"category": category.go_instead or _("Volunteers cannot help with this.")})
    on_behalf_of = (on_behalf_of or "").strip()
    if on_behalf_of and not (owner.role == Role.PROFESSIONAL or owner.is_superuser):
        raise PermissionDenied
    if on_behalf_of and not resident_consents:
        raise ValidationError({"resident_consents": _("Ask the resident first, and tick that they agree.")})
    if not (text or "").strip():
        raise ValidationError({"text": _("Write in a few words what help you need.")})
    mode = settings_of(place.municipality).mode
    with transaction.atomic():
        request = HelpRequest.objects.create(
            owner=owner,
            category=category,
            text=text.strip(),
            when=when,
            date=date,
            parts=parts,
            skills=category.skills,
            address=(address or "").strip(),
            phone=(phone or "").strip(),
            on_behalf_of=on_behalf_of,
            resident_consent_at=timezone.now() if on_behalf_of else None,
            status=RequestStatus.PENDING if mode == Mode.MODERATED else RequestStatus.OPEN,
            is_demo=is_demo,
            **place.fields(),
        )
        record_event(
            owner, Action.CREATE, request, municipality=place.municipality.statcode, on_behalf=bool(on_behalf_of)
        )
        if mode == Mode.MODERATED:
            _tell_moderators(request, "neighbourhelp.for_staff", f"approve:{request.pk}")
    return request


def create_offer(owner, *, category, text, postcode, when, parts, is_demo=False) -> HelpOffer:
    place = place_of(postcode)
    _category(place.municipality, category)
    if not category.for_volunteers:
        raise ValidationError({"category": _("Volunteers cannot help with this.")})
    if not (text or "").strip():
        raise ValidationError({"text": _("Write in a few words what you offer.")})
    with transaction.atomic():
        offer = HelpOffer.objects.create(
            owner=owner, category=category, text=text.strip(), when=when, parts=parts, is_demo=is_demo, **place.fields()
        )
        record_event(owner, Action.CREATE, offer, municipality=place.municipality.statcode)
    return offer


def save_volunteer_profile(
    user,
    *,
    postcode: str,
    categories: list[HelpCategory],
    skills: list[str],
    parts: int,
    max_km: int,
    languages: list[str],
    active: bool = True,
    is_demo: bool = False,
) -> VolunteerProfile:
    place = place_of(postcode)
    if any(c.municipality_id != place.municipality.pk for c in categories):
        raise ValidationError({"categories": _("Choose categories of your own municipality.")})
    unknown = [s for s in skills if s not in SKILL_BITS]
    if unknown:
        raise ValidationError({"skills": _("Choose skills from the list.")})
    if not 1 <= int(max_km) <= 25:
        raise ValidationError({"max_km": _("Choose a distance between 1 and 25 km.")})
    mask = 0
    for category in categories:
        mask |= category.mask
    with transaction.atomic():
        profile, created = VolunteerProfile.objects.update_or_create(
            user=user,
            defaults={
                "categories": mask,
                "skills": mask_of_skills(skills),
                "parts": parts,
                "max_km": int(max_km),
                "languages": list(languages),
                "active": active,
                "is_demo": is_demo,
                **place.fields(),
            },
        )
        if user.role == Role.RESIDENT:
            type(user).objects.filter(pk=user.pk).update(role=Role.VOLUNTEER)
            user.role = Role.VOLUNTEER
        record_event(
            user, Action.CREATE if created else Action.UPDATE, profile, municipality=place.municipality.statcode
        )
    return profile


# Matches and conversations ------------------------------------------------------------------------------------------


def _blocked_between(a, b) -> bool:
    return Block.objects.filter(Q(blocker=a, blocked=b) | Q(blocker=b, blocked=a)).exists()


def _start(*, request=None, offer=None, helper, asker, proposed_by, first: str, is_demo=False) -> Match:
    about = request or offer
    if helper.pk == asker.pk:
        raise ValidationError(_("You cannot help yourself."))
    if _blocked_between(helper, asker):
        raise PermissionDenied
    existing = Match.objects.filter(request=request, offer=offer, helper=helper, asker=asker).exclude(
        status__in=[MatchStatus.DECLINED, MatchStatus.ENDED]
    )
    if existing.exists():
        raise ValidationError(_("There already is a conversation about this."))
    match = Match.objects.create(
        request=request,
        offer=offer,
        helper=helper,
        asker=asker,
        proposed_by=proposed_by,
        municipality_id=about.municipality_id,
        district_id=about.district_id,
        is_demo=is_demo,
    )
    if first:
        Message.objects.create(match=match, author=proposed_by, body=first)
    for person in (helper, asker):
        if person.pk != proposed_by.pk:
            notify(person, "neighbourhelp.conversation", about=match, key=f"match:{match.pk}:{person.pk}")
    return match


def offer_help(helper, request: HelpRequest, message: str, *, is_demo=False) -> Match:
    """A volunteer offers to help with an open request of a peer municipality; the asker says yes or no."""
    if not can(helper, "neighbourhelp.offer_help", request):
        raise PermissionDenied
    message = (message or "").strip()
    if not message:
        raise ValidationError({"message": _("Write a short message to introduce yourself.")})
    with transaction.atomic():
        return _start(
            request=request, helper=helper, asker=request.owner, proposed_by=helper, first=message, is_demo=is_demo
        )


def propose_match(professional, request: HelpRequest, volunteer, note: str = "") -> Match:
    """A professional of the wijk proposes a volunteer (moderated mode, or help with an unmatched request)."""
    if not can(professional, "neighbourhelp.moderate_helprequest", request) or request.status != RequestStatus.OPEN:
        raise PermissionDenied
    if not VolunteerProfile.objects.filter(user=volunteer, active=True).exists():
        raise ValidationError(_("This person is not an available volunteer."))
    with transaction.atomic():
        match = _start(request=request, helper=volunteer, asker=request.owner, proposed_by=professional, first="")
        Message.objects.create(
            match=match, author=None, body=(note or "").strip() or _("A professional of your wijk proposes this match.")
        )
        record_event(professional, Action.CREATE, match, municipality=request.municipality.statcode)
    return match


def respond_to_offer(asker, offer: HelpOffer, message: str) -> Match:
    if not can(asker, "neighbourhelp.respond_to_offer", offer):
        raise PermissionDenied
    message = (message or "").strip()
    if not message:
        raise ValidationError({"message": _("Write a short message about what you need.")})
    with transaction.atomic():
        return _start(offer=offer, helper=offer.owner, asker=asker, proposed_by=asker, first=message)


def send_message(author, match: Match, body: str) -> Message:
    if not can(author, "neighbourhelp.write_match", match):
        raise PermissionDenied
    body = (body or "").strip()
    if not body:
        raise ValidationError({"body": _("Write a message.")})
    other = match.other_party(author)
    if _blocked_between(author, other):
        raise ValidationError({"body": _("You cannot send messages in this conversation.")})
    with transaction.atomic():
        message = Message.objects.create(match=match, author=author, body=body[:2000])
        # One notice per unread stretch: the key changes with the newest message the other party has not seen.
        notify(other, "neighbourhelp.message", about=match, key=f"message:{message.pk}")
    return message


def give_consent(user, match: Match) -> bool:
    """This party agrees to show their contact details; True when both now agree (the details are shown)."""
    if user.pk not in (match.helper_id, match.asker_id):
        raise PermissionDenied
    if match.status not in (MatchStatus.PROPOSED, MatchStatus.ACCEPTED):
        raise ValidationError(_("This conversation is closed."))
    with transaction.atomic():
        ContactConsent.objects.get_or_create(match=match, user=user)
        record_event(user, Action.UPDATE, match, municipality=match.municipality.statcode, consent="contact")
        both = both_consented(match)
        if both:
            notify(match.other_party(user), "neighbourhelp.conversation", about=match, key=f"consent:{match.pk}")
    return both


def both_consented(match: Match) -> bool:
    return ContactConsent.objects.filter(match=match, user_id__in=[match.helper_id, match.asker_id]).count() == 2


def contact_of_other(match: Match, viewer) -> dict | None:
    """The other party's phone, e-mail and (for the asker of a request) address; None until both agreed."""
    if viewer.pk not in (match.helper_id, match.asker_id) or not both_consented(match):
        return None
    other = match.other_party(viewer)
    found = {"name": other.get_full_name() or other.username, "email": other.email, "phone": "", "address": ""}
    if match.request_id and other.pk == match.asker_id:
        found.update(phone=match.request.phone, address=match.request.address)
    return found


def report(reporter, match: Match, reason: str) -> Report:
    if reporter.pk not in (match.helper_id, match.asker_id):
        raise PermissionDenied
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Write what happened.")})
    with transaction.atomic():
        found = Report.objects.create(
            match=match, reporter=reporter, reported=match.other_party(reporter), reason=reason
        )
        Match.objects.filter(pk=match.pk).update(reported=True)
        _tell_moderators(match, "neighbourhelp.for_staff", f"report:{found.pk}")
        record_event(reporter, Action.CREATE, found, municipality=match.municipality.statcode)
    return found


def handle_report(professional, found: Report) -> None:
    if not can(professional, "neighbourhelp.moderate_match", found.match):
        raise PermissionDenied
    with transaction.atomic():
        Report.objects.filter(pk=found.pk, handled_at__isnull=True).update(
            handled_at=timezone.now(), handled_by=professional
        )
        if not found.match.reports.filter(handled_at__isnull=True).exists():
            Match.objects.filter(pk=found.match_id).update(reported=False)
        record_event(professional, Action.UPDATE, found, municipality=found.match.municipality.statcode)


def block(user, other) -> Block:
    if user.pk == other.pk:
        raise ValidationError(_("You cannot block yourself."))
    with transaction.atomic():
        found, _created = Block.objects.get_or_create(blocker=user, blocked=other)
        record_event(user, Action.CREATE, found)
    return found


def _read_as_staff(user, obj) -> bool:
    """Read only because the reader works for the municipality: not one of the people it is about, not its helper."""
    if not works_for(user, obj.municipality):
        return False
    return getattr(obj, "owner_id", None) != user.pk and user.pk not in (
        getattr(obj, "helper_id", None),
        getattr(obj, "asker_id", None),
    )


def record_opening(user, obj) -> None:
    """Staff opened a resident's request or conversation: one line in the audit log (issue 13 point 5). Every member
    of staff of the municipality who may read it counts, not only the wijk's moderators; the people it is about and
    a helper in it do not."""
    if _read_as_staff(user, obj):
        record_event(user, Action.VIEW, obj, municipality=obj.municipality.statcode)


def record_list_opening(user, requests) -> None:
    """Staff were shown a list of residents' requests (the API): one line naming them, as `record_opening` per
    request on the page (ADR 0025)."""
    requests = list(requests)
    staff_of = {found.municipality_id: works_for(user, found.municipality) for found in requests}
    read = [found for found in requests if staff_of[found.municipality_id] and found.owner_id != user.pk]
    record_list_read(user, HelpRequest, read, named="requests")


def _recount(user_ids) -> None:
    for user_id in user_ids:
        n = Match.objects.filter(helper_id=user_id, status=MatchStatus.ACCEPTED).count()
        VolunteerProfile.objects.filter(user_id=user_id).update(open_matches=n)


def after_match_step(match: Match) -> None:
    """After a match was agreed, declined, stopped or done: its request follows, the helper's count too."""
    match.refresh_from_db()
    with transaction.atomic():
        request = HelpRequest.objects.filter(pk=match.request_id).first()
        if request is not None:
            if match.status == MatchStatus.ACCEPTED and request.status == RequestStatus.OPEN:
                transition(request, RequestStatus.MATCHED, actor=None)
            elif match.status == MatchStatus.ENDED and request.status == RequestStatus.MATCHED:
                transition(request, RequestStatus.OPEN, actor=None)
            elif match.status == MatchStatus.DONE and request.status == RequestStatus.MATCHED:
                transition(request, RequestStatus.DONE, actor=None)
        _recount([match.helper_id])
        if match.status != MatchStatus.PROPOSED:
            for person in (match.helper, match.asker):
                notify(
                    person, "neighbourhelp.conversation", about=match, key=f"step:{match.pk}:{match.status}:{person.pk}"
                )


def after_request_done(request: HelpRequest) -> None:
    for match in request.matches.filter(status=MatchStatus.ACCEPTED):
        transition(match, MatchStatus.DONE, actor=None)


# Follow-up, escalation, expiry ---------------------------------------------------------------------------------------


def ask_follow_ups(now: datetime | None = None) -> int:
    """Agreed matches older than the municipality's follow-up days: both parties are asked how it went (once)."""
    now = now or timezone.now()
    asked = 0
    for found in HelpSettings.objects.all():
        due = Match.objects.filter(
            municipality_id=found.municipality_id,
            status__in=[MatchStatus.ACCEPTED, MatchStatus.DONE],
            accepted_at__lte=now - timedelta(days=found.follow_up_days),
            follow_up_sent_at__isnull=True,
        ).select_related("helper", "asker")
        for match in due:
            with transaction.atomic():
                for person in (match.helper, match.asker):
                    follow_up, created = FollowUp.objects.get_or_create(
                        match=match, user=person, defaults={"asked_at": now}
                    )
                    if created:
                        notify(person, "neighbourhelp.follow_up", about=follow_up, key=f"follow-up:{follow_up.pk}")
                Match.objects.filter(pk=match.pk).update(follow_up_sent_at=now)
            asked += 1
    return asked


def answer_follow_up(user, follow_up: FollowUp, *, happened: bool, how_it_went: str = "", hours=None) -> FollowUp:
    if follow_up.user_id != user.pk:
        raise PermissionDenied
    if hours is not None:
        hours = Decimal(str(hours))
        if hours < 0 or hours > 500:
            raise ValidationError({"hours": _("Fill in a number of hours between 0 and 500.")})
        if user.pk != follow_up.match.helper_id:
            raise ValidationError({"hours": _("Only the volunteer records hours.")})
    with transaction.atomic():
        previous = follow_up.hours or Decimal(0)
        follow_up.happened = happened
        follow_up.how_it_went = (how_it_went or "").strip()[:1000]
        follow_up.hours = hours
        follow_up.answered_at = timezone.now()
        follow_up.save(update_fields=["happened", "how_it_went", "hours", "answered_at"])
        if hours is not None:
            VolunteerProfile.objects.filter(user=user).update(hours=F("hours") + hours - previous)
        match = follow_up.match
        if happened and match.status == MatchStatus.ACCEPTED:
            transition(match, MatchStatus.DONE, actor=user)
    return follow_up


def escalate_unmatched(now: datetime | None = None) -> int:
    """Open requests without an agreed match for the municipality's unmatched days go to the professionals of the
    wijk (once): they show in the dispatcher queue and each professional gets a notice."""
    now = now or timezone.now()
    sent = 0
    for found in HelpSettings.objects.all():
        waiting = HelpRequest.objects.filter(
            municipality_id=found.municipality_id,
            status=RequestStatus.OPEN,
            escalated_at__isnull=True,
            status_changed_at__lte=now - timedelta(days=found.unmatched_days),
        ).select_related("municipality", "district")
        for request in waiting:
            with transaction.atomic():
                HelpRequest.objects.filter(pk=request.pk).update(escalated_at=now)
                _tell_moderators(request, "neighbourhelp.for_staff", f"unmatched:{request.pk}")
            sent += 1
    return sent


def expire_requests(now: datetime | None = None) -> int:
    """Open (or never approved) requests older than the municipality's expiry days expire; the owner can reopen."""
    now = now or timezone.now()
    expired = 0
    for found in HelpSettings.objects.all():
        old = HelpRequest.objects.filter(
            municipality_id=found.municipality_id,
            status__in=[RequestStatus.OPEN, RequestStatus.PENDING],
            status_changed_at__lte=now - timedelta(days=found.expiry_days),
        )
        for request in old:
            transition(request, RequestStatus.EXPIRED, actor=None)
            expired += 1
    return expired


# Retention (the personal-data register calls these, personal_data.py) -----------------------------------------------

CLOSED_STATES = [RequestStatus.DONE, RequestStatus.CLOSED, RequestStatus.EXPIRED]


def _cut_off(found: HelpSettings, now: datetime) -> datetime:
    return now - timedelta(days=round(found.retention_months * 30.44))


def anonymise_old_requests(now: datetime) -> int:
    """Requests closed longer than the municipality's retention months lose text, address, phone and resident's name;
    their messages go (issue 13 point 5). The category, wijk and dates stay for the figures."""
    count = 0
    for found in HelpSettings.objects.all():
        old = HelpRequest.objects.filter(
            municipality_id=found.municipality_id,
            status__in=CLOSED_STATES,
            status_changed_at__lt=_cut_off(found, now),
            anonymised_at__isnull=True,
        )
        Message.objects.filter(match__request__in=old).delete()
        count += old.update(text="", address="", phone="", on_behalf_of="", anonymised_at=now)
    return count


def delete_old_messages(now: datetime) -> int:
    """Messages of conversations closed longer than the municipality's retention months."""
    deleted = 0
    for found in HelpSettings.objects.all():
        old = Message.objects.filter(
            match__municipality_id=found.municipality_id,
            match__closed_at__lt=_cut_off(found, now),
        )
        deleted += old.delete()[0]
    return deleted


def close_old_offers(now: datetime) -> int:
    deleted = 0
    for found in HelpSettings.objects.all():
        old = HelpOffer.objects.filter(
            municipality_id=found.municipality_id, status="closed", status_changed_at__lt=_cut_off(found, now)
        ).exclude(text="")
        deleted += old.update(text="")
    return deleted


# Vacancies ----------------------------------------------------------------------------------------------------------


def create_vacancy(
    user, *, organisation, title, task, hours, skills=(), district=None, is_demo=False
) -> VolunteerVacancy:
    if not can(user, "neighbourhelp.add_vacancy", organisation):
        raise PermissionDenied
    errors = {}
    if not (title or "").strip():
        errors["title"] = _("Give the vacancy a title.")
    if not (task or "").strip():
        errors["task"] = _("Describe the task.")
    if district is not None and district.municipality_id != organisation.municipality_id:
        errors["district"] = _("Choose a wijk of the organisation's municipality.")
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        vacancy = VolunteerVacancy.objects.create(
            organisation=organisation,
            municipality_id=organisation.municipality_id,
            district=district,
            title=title.strip(),
            task=task.strip(),
            hours=(hours or "").strip(),
            skills=mask_of_skills(skills),
            created_by=user,
            is_demo=is_demo,
        )
        record_event(user, Action.CREATE, vacancy, municipality=organisation.municipality.statcode)
    return vacancy


def respond_to_vacancy(user, vacancy: VolunteerVacancy, message: str) -> VacancyResponse:
    if not can(user, "neighbourhelp.respond_to_vacancy", vacancy):
        raise PermissionDenied
    message = (message or "").strip()
    if not message:
        raise ValidationError({"message": _("Write a short message about yourself.")})
    if VacancyResponse.objects.filter(vacancy=vacancy, user=user).exists():
        raise ValidationError({"message": _("You already responded to this vacancy.")})
    with transaction.atomic():
        response = VacancyResponse.objects.create(vacancy=vacancy, user=user, message=message)
        receivers = {p for p in (vacancy.created_by, vacancy.organisation.owner) if p is not None}
        for person in receivers:
            notify(person, "neighbourhelp.vacancy_response", about=vacancy, key=f"vacancy:{response.pk}:{person.pk}")
    return response
