"""Reads of burenhulp: matching, the dispatcher queue, a person's own requests and conversations, signposting.

Matching is one SQL query per list, the same on PostgreSQL and SQLite: the distance between 4-digit postcode points
is plain arithmetic (equirectangular, as the sociale kaart's "near me"), categories, skills and weekday parts are
bit masks tested with `&`, and how busy a volunteer is is a count kept on the profile. Only the top rows come back,
each with the reasons behind its rank (docs/adr/0039-neighbour-help.md).
"""

import math
from dataclasses import dataclass, field

from django.db.models import Case, ExpressionWrapper, F, FloatField, IntegerField, Q, Value, When
from django.db.models.functions import Least, Sqrt
from django.db.models.lookups import GreaterThan
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from socialebasis.core.permissions import visible

from .models import Block, HelpCategory, HelpOffer, HelpRequest, Match, Report, VolunteerProfile, VolunteerVacancy
from .vocabulary import Language, MatchStatus, RequestStatus, Skill, describe_parts, skills_of_mask

KM_PER_DEGREE = 111.32
MAX_KM = 25  # the farthest a volunteer can say they go; the bounding box of every match query
SUGGESTIONS = 10


@dataclass
class Ranked:
    obj: object
    distance_km: float
    score: float
    reasons: list[str] = field(default_factory=list)


def _box(latitude: float, longitude: float, km: float) -> dict:
    dlat = km / KM_PER_DEGREE
    dlon = km / (KM_PER_DEGREE * max(math.cos(math.radians(latitude)), 0.1))
    return {
        "latitude__gte": latitude - dlat,
        "latitude__lte": latitude + dlat,
        "longitude__gte": longitude - dlon,
        "longitude__lte": longitude + dlon,
    }


def _distance_sq(latitude: float, longitude: float):
    kx = KM_PER_DEGREE * math.cos(math.radians(latitude))
    dx = (F("longitude") - Value(longitude)) * Value(kx)
    dy = (F("latitude") - Value(latitude)) * Value(KM_PER_DEGREE)
    return ExpressionWrapper(dx * dx + dy * dy, output_field=FloatField())


def _overlap(field_name: str, mask: int):
    return Case(
        When(GreaterThan(F(field_name).bitand(mask), 0), then=Value(1)), default=Value(0), output_field=IntegerField()
    )


def blocked_ids(user_id: int) -> list[int]:
    rows = Block.objects.filter(Q(blocker_id=user_id) | Q(blocked_id=user_id)).values_list("blocker_id", "blocked_id")
    return [b if a == user_id else a for a, b in rows]


def suggestion_rows(request: HelpRequest, limit: int = SUGGESTIONS):
    """The ranked volunteers for a request as a queryset: same municipality, the category ticked, within the
    volunteer's own distance; ranked by availability on the asked weekday parts, the skills the category asks for,
    how many people they help now and distance."""
    need = request.skills
    skilled = Case(When(skills=F("skills").bitor(need), then=Value(1)), default=Value(0), output_field=IntegerField())
    distance_sq = _distance_sq(request.latitude, request.longitude)
    already = Match.objects.filter(request=request).values("helper_id")
    rows = (
        VolunteerProfile.objects.filter(municipality_id=request.municipality_id, active=True)
        .filter(**_box(request.latitude, request.longitude, MAX_KM))
        .filter(GreaterThan(F("categories").bitand(request.category.mask), 0))
        .exclude(user_id=request.owner_id)
        .exclude(user_id__in=already)
        .annotate(distance_sq=distance_sq)
        .filter(distance_sq__lte=F("max_km") * F("max_km"))
        .annotate(available=_overlap("parts", request.parts), skilled=skilled)
        .annotate(
            score=ExpressionWrapper(
                Value(30.0) * F("available")
                + Value(20.0) * F("skilled")
                - Value(8.0) * Least(F("open_matches"), Value(3))
                - Value(4.0) * Sqrt(F("distance_sq")),
                output_field=FloatField(),
            )
        )
        .order_by("-score", "pk")
    )
    blocked = blocked_ids(request.owner_id)
    if blocked:
        rows = rows.exclude(user_id__in=blocked)
    return rows[:limit]


def suggestions_for(request: HelpRequest, limit: int = SUGGESTIONS) -> list[Ranked]:
    found = []
    for profile in suggestion_rows(request, limit).select_related("user", "neighbourhood", "district", "municipality"):
        km = round(math.sqrt(profile.distance_sq), 1)
        reasons = [_("%(km)s km away (postcode areas)") % {"km": str(km).replace(".", ",")}]
        common = describe_parts(profile.parts & request.parts)
        if common:
            reasons.append(
                _("available: %(parts)s") % {"parts": ", ".join(common[:3]) + (" …" if len(common) > 3 else "")}
            )
        else:
            reasons.append(_("not available on the asked days"))
        skills = dict(Skill.choices)
        if request.skills and profile.skilled:
            reasons.append(", ".join(str(skills[s]) for s in skills_of_mask(request.skills)))
        elif request.skills:
            reasons.append(_("lacks a skill this asks for"))
        reasons.append(
            ngettext("helps %(n)s person now", "helps %(n)s people now", profile.open_matches)
            % {"n": profile.open_matches}
            if profile.open_matches
            else _("helps nobody else now")
        )
        if profile.languages and profile.languages != ["nl"]:
            names = dict(Language.choices)
            reasons.append(
                _("speaks %(languages)s") % {"languages": ", ".join(str(names.get(k, k)) for k in profile.languages)}
            )
        found.append(Ranked(profile, km, profile.score, reasons))
    return found


def nearby_rows(profile: VolunteerProfile, user, limit: int = 20):
    """Open requests the volunteer may see, in their categories and within their distance, nearest first, those on
    their weekday parts before the others."""
    categories = [
        c.pk
        for c in HelpCategory.objects.filter(municipality_id=profile.municipality_id)
        if profile.categories & c.mask
    ]
    rows = (
        HelpRequest.objects.filter(
            municipality_id=profile.municipality_id, status=RequestStatus.OPEN, category_id__in=categories
        )
        .filter(**_box(profile.latitude, profile.longitude, profile.max_km))
        .exclude(owner_id=user.pk)
        .annotate(distance_sq=_distance_sq(profile.latitude, profile.longitude))
        .filter(distance_sq__lte=profile.max_km * profile.max_km)
        .annotate(available=_overlap("parts", profile.parts))
        .order_by("-available", "distance_sq", "pk")
    )
    blocked = blocked_ids(user.pk)
    if blocked:
        rows = rows.exclude(owner_id__in=blocked)
    return visible(user, "neighbourhelp.view_helprequest", rows)[:limit]


def nearby_requests(profile: VolunteerProfile, user, limit: int = 20) -> list[Ranked]:
    found = []
    rows = nearby_rows(profile, user, limit).select_related("category", "neighbourhood", "district", "municipality")
    for request in rows:
        km = round(math.sqrt(request.distance_sq), 1)
        reasons = [_("%(km)s km away (postcode areas)") % {"km": str(km).replace(".", ",")}]
        common = describe_parts(profile.parts & request.parts)
        reasons.append(
            _("fits your days: %(parts)s") % {"parts": ", ".join(common[:3])} if common else _("not on your days")
        )
        found.append(Ranked(request, km, 0, reasons))
    return found


def signposts(request: HelpRequest, user) -> dict:
    """What the sociale kaart has nearby that fits the request (a visit → the koffieochtend around the corner)."""
    from socialebasis.directory.selectors import ActivitySearch, search_activities

    theme = request.category.directory_theme
    if not theme:
        return {"activities": []}
    search = ActivitySearch(theme=theme, municipality_id=request.municipality_id)
    search.latitude, search.longitude, search.radius_km, search.sort = (
        request.latitude,
        request.longitude,
        5.0,
        "distance",
    )
    activities = list(search_activities(user, search).select_related("place")[:5])
    for activity in activities:
        activity.distance = (
            round(math.sqrt(activity.distance_sq), 1) if getattr(activity, "distance_sq", None) is not None else None
        )
    return {"activities": activities}


def categories_of(municipality) -> list[HelpCategory]:
    return list(HelpCategory.objects.filter(municipality=municipality))


# Lists ---------------------------------------------------------------------------------------------------------------


def public_requests(user, municipality_id: int | None = None):
    rows = visible(user, "neighbourhelp.view_helprequest", HelpRequest.objects.filter(status=RequestStatus.OPEN))
    if municipality_id:
        rows = rows.filter(municipality_id=municipality_id)
    return rows.select_related("category", "municipality", "district", "neighbourhood").order_by("-created_at", "-pk")


def public_offers(user, municipality_id: int | None = None):
    rows = visible(user, "neighbourhelp.view_helpoffer", HelpOffer.objects.filter(status="open"))
    if municipality_id:
        rows = rows.filter(municipality_id=municipality_id)
    return rows.select_related("category", "municipality", "district", "neighbourhood").order_by("-created_at", "-pk")


def vacancies(user, municipality_id: int | None = None):
    rows = visible(user, "neighbourhelp.view_volunteervacancy", VolunteerVacancy.objects.all())
    if municipality_id:
        rows = rows.filter(municipality_id=municipality_id)
    return rows.select_related("organisation", "municipality", "district").order_by("-created_at", "-pk")


def conversations_of(user):
    return (
        visible(user, "neighbourhelp.view_match", Match.objects.filter(Q(helper_id=user.pk) | Q(asker_id=user.pk)))
        .select_related("request__category", "offer__category", "helper", "asker", "municipality")
        .order_by("-created_at", "-pk")
    )


def mine(user) -> dict:
    return {
        "requests": list(
            HelpRequest.objects.filter(owner=user).select_related(
                "category", "municipality", "district", "neighbourhood"
            )
        ),
        "offers": list(
            HelpOffer.objects.filter(owner=user).select_related("category", "municipality", "district", "neighbourhood")
        ),
        "conversations": list(conversations_of(user)),
        "follow_ups": list(user_follow_ups(user)),
    }


def user_follow_ups(user):
    from .models import FollowUp

    return FollowUp.objects.filter(user=user, answered_at__isnull=True).select_related("match")


def dispatcher_queue(user, district_id: int | None = None) -> dict:
    """The work of a professional's wijken: requests to approve, open requests without a match for too long,
    reported conversations."""
    requests = visible(user, "neighbourhelp.moderate_helprequest", HelpRequest.objects.all())
    matches = visible(user, "neighbourhelp.moderate_match", Match.objects.all())
    if district_id:
        requests, matches = requests.filter(district_id=district_id), matches.filter(district_id=district_id)
    related = ("category", "municipality", "district", "neighbourhood")
    return {
        "pending": list(
            requests.filter(status=RequestStatus.PENDING).select_related(*related).order_by("created_at", "pk")
        ),
        "unmatched": list(
            requests.filter(status=RequestStatus.OPEN)
            .filter(Q(escalated_at__isnull=False) | Q(municipality__help_settings__mode="moderated"))
            .select_related(*related)
            .order_by("created_at", "pk")
        ),
        "reports": list(
            Report.objects.filter(match__in=matches, handled_at__isnull=True)
            .select_related("match__municipality")
            .order_by("created_at")
        ),
    }


def queue_count(user) -> int:
    requests = visible(user, "neighbourhelp.moderate_helprequest", HelpRequest.objects.all())
    matches = visible(user, "neighbourhelp.moderate_match", Match.objects.all())
    waiting = requests.filter(
        Q(status=RequestStatus.PENDING) | Q(status=RequestStatus.OPEN, escalated_at__isnull=False)
    )
    return waiting.count() + matches.filter(reported=True).count()


def active_matches_count(user) -> int:
    return Match.objects.filter(Q(helper_id=user.pk) | Q(asker_id=user.pk), status=MatchStatus.ACCEPTED).count()
