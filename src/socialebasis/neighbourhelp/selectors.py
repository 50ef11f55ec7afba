"""Reads of burenhulp: matching, the dispatcher queue, a person's own requests and conversations, signposting.

Matching is one SQL query per list, the same on PostgreSQL and SQLite: the distance between 4-digit postcode points
is plain arithmetic (equirectangular, as the sociale kaart's "near me"), categories, skills and weekday parts are
bit masks tested with `&`, and how busy a volunteer is is a count kept on the profile. Only the top rows come back,
each with the reasons behind its rank (docs/adr/0039-neighbour-help.md).
"""

import math
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import Q
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


# The two matching queries are written as SQL that PostgreSQL and SQLite both run (SQRT is registered on SQLite by
# Django): built by the ORM they cost more to compile than to run (docs/performance.md, "## Neighbour help").
_DISTANCE = (
    "((t.longitude - %s) * %s) * ((t.longitude - %s) * %s) + ((t.latitude - %s) * %s) * ((t.latitude - %s) * %s)"
)
_NOT_BLOCKED = (
    "NOT EXISTS (SELECT 1 FROM {block} b WHERE (b.blocker_id = %s AND b.blocked_id = t.{person}) "
    "OR (b.blocked_id = %s AND b.blocker_id = t.{person}))"
)


def _distance_params(latitude: float, longitude: float) -> list[float]:
    kx = KM_PER_DEGREE * math.cos(math.radians(latitude))
    return [longitude, kx, longitude, kx, latitude, KM_PER_DEGREE, latitude, KM_PER_DEGREE]


def _box_params(latitude: float, longitude: float, km: float) -> list[float]:
    box = _box(latitude, longitude, km)
    return [box["latitude__gte"], box["latitude__lte"], box["longitude__gte"], box["longitude__lte"]]


def _tables() -> dict[str, str]:
    return {
        "profile": VolunteerProfile._meta.db_table,
        "request": HelpRequest._meta.db_table,
        "category": HelpCategory._meta.db_table,
        "match": Match._meta.db_table,
        "block": Block._meta.db_table,
    }


def suggestion_rows(request: HelpRequest, limit: int = SUGGESTIONS) -> list[tuple]:
    """The ranked volunteers for a request as (profile id, distance², available, skilled, score): same municipality,
    the category ticked, within the volunteer's own distance; ranked by availability on the asked weekday parts, the
    skills the category asks for, how many people they help now (at most 3 count) and distance."""
    tables = _tables()
    sql = f"""
        SELECT id, distance_sq, available, skilled,
               30 * available + 20 * skilled - 8 * (CASE WHEN open_matches > 3 THEN 3 ELSE open_matches END)
               - 4 * SQRT(distance_sq) AS score
        FROM (
            SELECT t.id, t.max_km, t.open_matches, {_DISTANCE} AS distance_sq,
                   CASE WHEN (t.parts & %s) <> 0 THEN 1 ELSE 0 END AS available,
                   CASE WHEN (t.skills & %s) = %s THEN 1 ELSE 0 END AS skilled
            FROM {tables["profile"]} t
            WHERE t.municipality_id = %s AND t.active = %s
              AND t.latitude BETWEEN %s AND %s AND t.longitude BETWEEN %s AND %s
              AND (t.categories & %s) <> 0 AND t.user_id <> %s
              AND NOT EXISTS (SELECT 1 FROM {tables["match"]} m WHERE m.request_id = %s AND m.helper_id = t.user_id)
              AND {_NOT_BLOCKED.format(block=tables["block"], person="user_id")}
        ) ranked
        WHERE distance_sq <= max_km * max_km
        ORDER BY score DESC, id
        LIMIT %s
    """  # noqa: S608 (table names come from the models; every value is a parameter)
    params = [
        *_distance_params(request.latitude, request.longitude),
        request.parts,
        request.skills,
        request.skills,
        request.municipality_id,
        True,
        *_box_params(request.latitude, request.longitude, MAX_KM),
        request.category.mask,
        request.owner_id,
        request.pk,
        request.owner_id,
        request.owner_id,
        limit,
    ]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def suggestions_for(request: HelpRequest, limit: int = SUGGESTIONS) -> list[Ranked]:
    rows = suggestion_rows(request, limit)
    profiles = VolunteerProfile.objects.select_related("user").in_bulk([row[0] for row in rows])
    skills = dict(Skill.choices)
    found = []
    for pk, distance_sq, available, skilled, score in rows:
        profile = profiles[pk]
        km = round(math.sqrt(distance_sq), 1)
        reasons = [_("%(km)s km away (postcode areas)") % {"km": str(km).replace(".", ",")}]
        common = describe_parts(profile.parts & request.parts) if available else []
        if common:
            shown = ", ".join(common[:3]) + (" …" if len(common) > 3 else "")
            reasons.append(_("available: %(parts)s") % {"parts": shown})
        else:
            reasons.append(_("not available on the asked days"))
        if request.skills and skilled:
            reasons.append(", ".join(str(skills[s]) for s in skills_of_mask(request.skills)))
        elif request.skills:
            reasons.append(_("lacks a skill this asks for"))
        n = profile.open_matches
        reasons.append(
            ngettext("helps %(n)s person now", "helps %(n)s people now", n) % {"n": n}
            if n
            else _("helps nobody else now")
        )
        if profile.languages and profile.languages != ["nl"]:
            names = dict(Language.choices)
            reasons.append(
                _("speaks %(languages)s") % {"languages": ", ".join(str(names.get(k, k)) for k in profile.languages)}
            )
        found.append(Ranked(profile, km, score, reasons))
    return found


def nearby_rows(profile: VolunteerProfile, user, limit: int = 20) -> list[tuple]:
    """Open requests in the volunteer's categories and within their distance as (request id, distance²,
    available): those on their weekday parts first, then nearest first."""
    tables = _tables()
    sql = f"""
        SELECT id, distance_sq, available FROM (
            SELECT t.id, {_DISTANCE} AS distance_sq, CASE WHEN (t.parts & %s) <> 0 THEN 1 ELSE 0 END AS available
            FROM {tables["request"]} t
            WHERE t.municipality_id = %s AND t.status = %s
              AND t.latitude BETWEEN %s AND %s AND t.longitude BETWEEN %s AND %s
              AND t.category_id IN (
                  SELECT c.id FROM {tables["category"]} c WHERE c.municipality_id = %s AND ((%s >> c.bit) & 1) = 1
              )
              AND t.owner_id <> %s
              AND {_NOT_BLOCKED.format(block=tables["block"], person="owner_id")}
        ) ranked
        WHERE distance_sq <= %s
        ORDER BY available DESC, distance_sq, id
        LIMIT %s
    """  # noqa: S608 (table names come from the models; every value is a parameter)
    params = [
        *_distance_params(profile.latitude, profile.longitude),
        profile.parts,
        profile.municipality_id,
        RequestStatus.OPEN.value,
        *_box_params(profile.latitude, profile.longitude, profile.max_km),
        profile.municipality_id,
        profile.categories,
        user.pk,
        user.pk,
        user.pk,
        profile.max_km * profile.max_km,
        limit,
    ]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def nearby_requests(profile: VolunteerProfile, user, limit: int = 20) -> list[Ranked]:
    """`nearby_rows` as the volunteer may see them (the permission rule reads the rows it returns)."""
    rows = nearby_rows(profile, user, limit)
    shown = visible(user, "neighbourhelp.view_helprequest", HelpRequest.objects.filter(pk__in=[row[0] for row in rows]))
    requests = {r.pk: r for r in shown.select_related("category", "neighbourhood", "district", "municipality")}
    found = []
    for pk, distance_sq, _available in rows:
        request = requests.get(pk)
        if request is None:
            continue
        km = round(math.sqrt(distance_sq), 1)
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
