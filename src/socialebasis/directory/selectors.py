"""Reads of the sociale kaart, shared by pages, map data, iCal, export and API.

Every read starts from `visible(user, "directory.view_…", queryset)`: the permission rule is applied before
anything is searched, counted or exported.
"""

import math
import re
import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from datetime import time as clock
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.conf import settings
from django.db import connection
from django.db.models import (
    BooleanField,
    Case,
    CharField,
    Exists,
    ExpressionWrapper,
    F,
    FloatField,
    IntegerField,
    Q,
    QuerySet,
    Value,
    When,
)
from django.db.models.expressions import RawSQL
from django.db.models.fields.json import KT
from django.db.models.functions import Cast, Coalesce
from django.db.models.lookups import GreaterThan
from django.utils import timezone

from socialebasis.core.permissions import visible
from socialebasis.core.roles import STAFF_ROLES, Role, has_role, is_administrator, is_signed_in, municipality_ids_of
from socialebasis.core.sql import array_literal

from .models import Activity, MeetingPlace, Organisation, Revision, RevisionStatus, Synonym
from .schedule import occurs_between
from .vocabulary import PUBLIC_STATUSES, Accessibility, DateRange, Status

TENTH = Decimal("0.1")
# Rank at most this many text matches: national searches are dominated by ranking (docs/performance.md).
CANDIDATE_CAP = 2000
WORD = re.compile(r"\w+", re.UNICODE)
MAX_WORDS = 8
# Text matches without PostgreSQL's ranking (SQLite, or nothing found): best match is then by title.
NO_RANK = Value(0.0, output_field=FloatField())
# Common Dutch endings, stripped for the SQLite fallback only ("wandelen" → "wandel").
_SUFFIXES = ("ingen", "ing", "en", "er", "es", "e", "s")


@dataclass
class ActivitySearch:
    q: str = ""
    municipality: str = ""
    district: str = ""
    target_group: str = ""
    theme: str = ""
    weekday: int | None = None
    when: str = ""
    cost: str = ""
    sphere: str = ""
    accessible: bool = False
    latitude: float | None = None
    longitude: float | None = None
    radius_km: float = 5.0
    sort: str = ""
    # Resolved by the search form, so that the search itself needs no join on the area tables.
    municipality_id: int | None = None
    district_ids: list[int] = field(default_factory=list)
    # The moment "today" and "this week" are counted from; now unless a test says otherwise.
    now: datetime | None = None


def activities_for(user) -> QuerySet[Activity]:
    return visible(user, "directory.view_activity", Activity.objects.all())


def places_for(user) -> QuerySet[MeetingPlace]:
    return visible(user, "directory.view_meetingplace", MeetingPlace.objects.all())


def organisations_for(user) -> QuerySet[Organisation]:
    return visible(user, "directory.view_organisation", Organisation.objects.all())


def choosable(model, user, current_id: int | None = None) -> QuerySet:
    """What a person may pick in a form's list (the organiser, the place): published entries and their own,
    plus the one already chosen. Never another resident's entry that still waits for moderation, not even for
    staff, who see those on the moderation page instead.

    A resident is offered only what a person has checked: entries that came in published by an import or as
    demo content (bulk import, HSDS with publish, load_demo) carry no check until a professional looks at them,
    and a resident's own activity must not be hung on an example organiser (issue 12, point 10)."""
    condition = Q(status__in=PUBLIC_STATUSES)
    if not has_role(user, *STAFF_ROLES):
        condition &= Q(checked_at__isnull=False)
    elif own := municipality_ids_of(user):
        # Staff pick from the municipalities they work for, not from every entry of a national installation.
        condition &= Q(municipality_id__in=own)
    if is_signed_in(user):
        condition |= Q(owner_id=user.pk)
    if current_id is not None:
        condition |= Q(pk=current_id)
    return model.objects.filter(condition)


def query_words(text: str) -> list[str]:
    return [w.lower() for w in WORD.findall(text or "")][:MAX_WORDS]


_SYNONYMS: dict[str, Any] = {"groups": None, "loaded": 0.0}
SYNONYM_TTL = 60.0


def synonym_groups() -> list[list[str]]:
    """The synonym groups, kept for a minute per process (cleared at once on a change in this process)."""
    now = time.monotonic()
    if _SYNONYMS["groups"] is None or now - _SYNONYMS["loaded"] > SYNONYM_TTL:
        _SYNONYMS["groups"] = [s.words() for s in Synonym.objects.all()]
        _SYNONYMS["loaded"] = now
    return _SYNONYMS["groups"]


def forget_synonyms(**kwargs) -> None:
    _SYNONYMS["groups"] = None


_AREA_IDS: dict[tuple[str, str], tuple[float, Any]] = {}
AREA_TTL = 300.0


def _cached_area(kind: str, code: str, load):
    """Area ids by CBS code, kept five minutes per process: codes change once a year, searches all day."""
    now = time.monotonic()
    hit = _AREA_IDS.get((kind, code))
    if hit is not None and now - hit[0] < AREA_TTL:
        return hit[1]
    value = load()
    if value:  # unknown codes are not kept: arbitrary input must not fill the memory
        if len(_AREA_IDS) > 50000:
            _AREA_IDS.clear()
        _AREA_IDS[(kind, code)] = (now, value)
    return value


def municipality_id_for(code: str) -> int | None:
    from socialebasis.areas.models import Municipality

    return _cached_area(
        "municipality", code, lambda: Municipality.objects.filter(statcode=code).values_list("pk", flat=True).first()
    )


def district_ids_for(code: str) -> list[int]:
    from socialebasis.areas.models import District

    return (
        _cached_area(
            "district", code, lambda: list(District.objects.filter(statcode=code).values_list("pk", flat=True))
        )
        or []
    )


def forget_areas() -> None:
    _AREA_IDS.clear()


def expand_synonyms(words: list[str]) -> list[list[str]]:
    """Each query word with the words an administrator declared to mean the same (both directions)."""
    if not words:
        return []
    groups = synonym_groups()
    expanded = []
    for word in words:
        alternatives = [word]
        for group in groups:
            if word in group:
                alternatives += [w for w in group if w not in alternatives]
        expanded.append(alternatives)
    return expanded


def _json_has(field_name: str, value: str) -> Q:
    # JSON lists of slugs: containment on PostgreSQL, the quoted slug in the JSON text on SQLite.
    if connection.vendor == "postgresql":
        return Q(**{f"{field_name}__contains": [value]})
    return Q(**{f"{field_name}__icontains": f'"{value}"'})


def _word_tsquery(alternatives: list[str]) -> tuple[str, list[str]]:
    """One query word OR its synonyms; every word is a prefix of a Dutch stem ("wandelen:*" → 'wandel':*)."""
    ors, params = [], []
    for alternative in alternatives:
        tokens = WORD.findall(alternative)
        if tokens:
            ors.append("to_tsquery('dutch'::regconfig, %s)")
            params.append(" & ".join(f"{token}:*" for token in tokens))
    return "(" + " || ".join(ors) + ")", params


def _stem(word: str) -> str:
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def _text_filter(queryset: QuerySet, text: str) -> tuple[QuerySet, Any]:
    """The activities matching `text`, and the expression to sort them by relevance (None without words)."""
    words = query_words(text)
    if not words:
        return queryset, None
    expanded = expand_synonyms(words)
    if connection.vendor == "postgresql":
        # Every word must match by its (or a synonym's) Dutch stem. Only when that finds nothing is each word
        # also allowed to match the title by trigram word similarity (typos): the trigram test is costly on a
        # large table and would otherwise widen every search.
        queries, query_params, strict_parts, loose_parts, loose_params = [], [], [], [], []
        for word, alternatives in zip(words, expanded, strict=True):
            tsquery, params = _word_tsquery(alternatives)
            queries.append(tsquery)
            query_params += params
            strict_parts.append(f"directory_activity.search_vector @@ {tsquery}")
            loose_parts.append(f"(directory_activity.search_vector @@ {tsquery} OR %s <%% directory_activity.title)")
            loose_params += [*params, word]
        joined = " ".join(words)
        # The SQL text holds only fixed fragments; every user word is a parameter.
        strict = RawSQL(" AND ".join(strict_parts), query_params, output_field=BooleanField())  # noqa: S611
        loose = RawSQL(" AND ".join(loose_parts), loose_params, output_field=BooleanField())  # noqa: S611
        rank = RawSQL(  # noqa: S611
            f"ts_rank(directory_activity.search_vector, ({' && '.join(queries)}))"
            " + word_similarity(%s, directory_activity.title)",
            [*query_params, joined],
            output_field=FloatField(),
        )
        # Two steps, so that only a capped set of candidates is ranked (a subquery would re-alias the table).
        # Conditions go straight into filter(): an alias() or annotate() costs more Python than it saves SQL.
        candidates = []
        for match in (strict, loose):
            candidates = list(queryset.filter(match).values_list("pk", flat=True)[:CANDIDATE_CAP])
            if candidates:
                break
        if not candidates:
            return queryset.none(), NO_RANK
        # One array parameter instead of an IN list of up to CANDIDATE_CAP parameters: far cheaper to compile.
        chosen = RawSQL(
            "directory_activity.id = ANY(%s::bigint[])", [array_literal(candidates)], output_field=BooleanField()
        )
        result = queryset.filter(chosen)
        # Step 1 applied every other filter already, so the number of matches is known without a COUNT.
        result.known_count = len(candidates)
        return result, rank
    condition = Q()
    for alternatives in expanded:
        any_of = Q()
        for alternative in alternatives:
            stem = _stem(alternative)
            any_of |= Q(title__icontains=stem) | Q(search_document__icontains=stem)
        condition &= any_of
    return queryset.filter(condition), NO_RANK


def _bbox(latitude: float, longitude: float, radius_km: float) -> tuple[float, float, float, float]:
    dlat = radius_km / 111.32
    dlon = radius_km / (111.32 * max(math.cos(math.radians(latitude)), 0.01))
    return longitude - dlon, latitude - dlat, longitude + dlon, latitude + dlat


def _near(queryset: QuerySet, latitude: float, longitude: float, radius_km: float) -> QuerySet:
    """Entries (activities or places, which both carry a point) within the box around the point, with the
    squared distance in km² as `distance_sq`."""
    # The table name comes from our own model, never from input.
    table = queryset.model._meta.db_table
    min_x, min_y, max_x, max_y = _bbox(latitude, longitude, radius_km)
    if connection.vendor == "postgresql":
        inside = RawSQL(  # noqa: S611
            f"point({table}.longitude, {table}.latitude) <@ box(point(%s, %s), point(%s, %s))",
            [min_x, min_y, max_x, max_y],
            output_field=BooleanField(),
        )
        queryset = queryset.filter(inside)
    else:
        queryset = queryset.filter(latitude__gte=min_y, latitude__lte=max_y, longitude__gte=min_x, longitude__lte=max_x)
    # Equirectangular distance: exact enough within a municipality, and the same formula on both databases.
    # Written as SQL: the same sum built from F() objects costs a millisecond of Python per search.
    kx = 111.32 * math.cos(math.radians(latitude))
    distance_sq = RawSQL(  # noqa: S611
        f"(({table}.longitude - %s) * %s) * (({table}.longitude - %s) * %s)"
        f" + (({table}.latitude - %s) * 111.32) * (({table}.latitude - %s) * 111.32)",
        [longitude, kx, longitude, kx, latitude, latitude],
        output_field=FloatField(),
    )
    return queryset.annotate(distance_sq=distance_sq)


# A one-off activity is looked at when it began at most this long before the period (it may still be going on).
LONGEST_ONE_OFF = timedelta(days=7)


def date_window(when: str, now: datetime | None = None) -> tuple[datetime, datetime]:
    """The period a date filter means, in the local time zone (Europe/Amsterdam, the municipalities' own):
    from now to the end of today; from now to the end of Sunday; or from Saturday 00:00 (now, once the weekend
    has begun) to the end of Sunday. A week runs from Monday to Sunday, as Dutch calendars show it."""
    zone = timezone.get_default_timezone()
    now = timezone.localtime(now or timezone.now(), zone)
    today = now.date()

    def midnight(days_from_today: int) -> datetime:
        return datetime.combine(today + timedelta(days=days_from_today), clock(), tzinfo=zone)

    if when == DateRange.TODAY:
        return now, midnight(1)
    end_of_week = midnight(7 - today.weekday())
    if when == DateRange.WEEKEND:
        return max(now, midnight(5 - today.weekday())), end_of_week
    return now, end_of_week


def _on_dates(queryset: QuerySet, when: str, now: datetime | None) -> QuerySet:
    """The activities that take place (or are still going on) within the period, by their schedule's dates.

    SQL leaves out what cannot fall in the period (a first time after it, a one-off long before it); the
    schedule module decides for the rest, with its bounded expansion (ADR 0021). An occurrence counts when it
    has begun before the period ends and has not ended when it begins.
    """
    start, end = date_window(when, now)
    possible = Q(starts_at__lt=end) & (~Q(recurrence="") | Q(starts_at__gte=start - LONGEST_ONE_OFF))
    # A weekly or daily rule happens on the weekdays of its stored mask (derived from its next dates), so only
    # those with one of the period's weekdays can match; other rules (monthly, yearly, one-off) shift weekday
    # over time and are left to the schedule.
    days, bits = start.date(), 0
    while days < end.date() or (days == end.date() and end.time() != clock()):
        bits |= 1 << days.weekday()
        days += timedelta(days=1)
    regular = Q(recurrence__icontains="FREQ=WEEKLY") | Q(recurrence__icontains="FREQ=DAILY")
    possible &= ~regular | Q(GreaterThan(F("weekdays").bitand(bits), 0))
    rows = queryset.filter(possible).values_list("pk", "starts_at", "recurrence", "exceptions", "duration_minutes")
    found = []
    for pk, starts_at, recurrence, exceptions, minutes in rows:
        if occurs_between(starts_at, recurrence, exceptions, start, end, timedelta(minutes=minutes or 0)):
            found.append(pk)
    if connection.vendor == "postgresql":
        chosen = RawSQL(
            "directory_activity.id = ANY(%s::bigint[])", [array_literal(found)], output_field=BooleanField()
        )
        result = queryset.filter(chosen)
    else:
        result = queryset.filter(pk__in=found)
    result.known_count = len(found)
    return result


def search_activities(user, search: ActivitySearch) -> QuerySet[Activity]:
    """The activities `user` may see that match the search, sorted as asked."""
    queryset = activities_for(user)
    if search.municipality:
        queryset = queryset.filter(municipality__statcode=search.municipality)
    if search.municipality_id:
        queryset = queryset.filter(municipality_id=search.municipality_id)
    if search.district:
        queryset = queryset.filter(district__statcode=search.district)
    if search.district_ids:
        queryset = queryset.filter(district_id__in=search.district_ids)
    if search.target_group:
        queryset = queryset.filter(_json_has("target_groups", search.target_group))
    if search.theme:
        queryset = queryset.filter(_json_has("themes", search.theme))
    if search.weekday is not None:
        queryset = queryset.filter(GreaterThan(F("weekdays").bitand(1 << search.weekday), 0))
    if search.cost:
        queryset = queryset.filter(cost=search.cost)
    if search.sphere:
        queryset = queryset.filter(sphere=search.sphere)
    if search.accessible:
        queryset = queryset.filter(accessible=True)
    near = search.latitude is not None and search.longitude is not None
    if near:
        queryset = _near(queryset, search.latitude, search.longitude, search.radius_km)
    queryset, rank = _text_filter(queryset, search.q)
    if search.when:
        queryset = _on_dates(queryset, search.when, search.now)
    sort = search.sort or ("relevance" if rank is not None else "distance" if near else "title")
    known_count = getattr(queryset, "known_count", None)
    if sort == "distance" and near:
        queryset = queryset.order_by("distance_sq", "pk")
    elif sort == "relevance" and rank is not None:
        by_rank = [] if rank is NO_RANK else [rank.desc()]
        queryset = queryset.order_by(*by_rank, "title", "pk")
    elif sort == "updated":
        queryset = queryset.order_by("-updated_at", "pk")
    else:
        queryset = queryset.order_by("title", "pk")
    if known_count is not None:
        queryset.known_count = known_count
    return queryset


@dataclass
class EntrySearch:
    """The search of the places and organisations pages: fewer facets than an activity has, the same area
    and postcode as the activity search (resolved by the form)."""

    q: str = ""
    kind: str = ""
    accessible: bool = False
    latitude: float | None = None
    longitude: float | None = None
    radius_km: float = 5.0
    municipality_id: int | None = None
    district_ids: list[int] = field(default_factory=list)


def _words_filter(queryset: QuerySet, text: str, fields: tuple[str, ...]) -> QuerySet:
    """Every word (or a synonym, or its SQLite-style stem) in one of the fields. Places and organisations are
    counted in hundreds per municipality, not in millions like activities: no search vector is kept for them."""
    for alternatives in expand_synonyms(query_words(text)):
        any_of = Q()
        for alternative in alternatives:
            stem = _stem(alternative)
            for name in fields:
                any_of |= Q(**{f"{name}__icontains": stem})
        queryset = queryset.filter(any_of)
    return queryset


def search_places(user, search: EntrySearch) -> QuerySet[MeetingPlace]:
    """The meeting places `user` may see that match, nearest first when a point is given, else by name."""
    queryset = places_for(user)
    if search.municipality_id:
        queryset = queryset.filter(municipality_id=search.municipality_id)
    if search.district_ids:
        queryset = queryset.filter(district_id__in=search.district_ids)
    if search.kind:
        queryset = queryset.filter(kind=search.kind)
    if search.accessible:
        queryset = queryset.filter(_json_has("accessibility", Accessibility.WHEELCHAIR))
    queryset = _words_filter(queryset, search.q, ("name", "description", "street", "city"))
    if search.latitude is not None and search.longitude is not None:
        return _near(queryset, search.latitude, search.longitude, search.radius_km).order_by("distance_sq", "pk")
    return queryset.order_by("name", "pk")


def search_organisations(user, search: EntrySearch) -> QuerySet[Organisation]:
    """The organisations `user` may see that match, by name. An organisation has no point of its own."""
    queryset = organisations_for(user)
    if search.municipality_id:
        queryset = queryset.filter(municipality_id=search.municipality_id)
    if search.kind:
        queryset = queryset.filter(kind=search.kind)
    return _words_filter(queryset, search.q, ("name", "description")).order_by("name", "pk")


def search_choices(municipality_id: int | None) -> tuple[list, list, list]:
    """What the list page offers to choose: every municipality, and the wijken (newest division) and the
    spheres (framework in force) of the chosen one."""
    from socialebasis.areas.models import Municipality
    from socialebasis.areas.selectors import districts_of
    from socialebasis.frameworks.selectors import names_in_force

    municipalities = list(Municipality.objects.order_by("name").values_list("statcode", "name"))
    if municipality_id is None:
        return municipalities, [], []
    municipality = Municipality(pk=municipality_id)
    wijken = list(districts_of(municipality, None).values_list("statcode", "name"))
    spheres = list(names_in_force(municipality)["spheres"].items())
    return municipalities, wijken, spheres


def distance_km(activity) -> float | None:
    """Kilometres to one decimal, rounded as PostgreSQL rounds when it writes the API's search rows
    (api/rows.py): the number to 15 significant digits, then half away from zero."""
    value = getattr(activity, "distance_sq", None)
    if value is None:
        return None
    return float(Decimal(f"{math.sqrt(value):.15g}").quantize(TENTH, rounding=ROUND_HALF_UP))


def revisions_of(entry) -> QuerySet[Revision]:
    """The changes proposed for an entry that were not replaced by a newer one, newest first."""
    from django.contrib.contenttypes.models import ContentType

    return (
        Revision.objects.filter(entry_type=ContentType.objects.get_for_model(entry), entry_id=entry.pk)
        .exclude(status=RevisionStatus.REPLACED)
        .order_by("-created_at", "-pk")
    )


def pending_revision(entry) -> Revision | None:
    return revisions_of(entry).filter(status=RevisionStatus.PENDING).first()


def revision_target(revision: Revision, entry):
    """The entry where the revision would put it (municipality and wijk), to see who may decide on it."""
    import copy

    target = copy.copy(entry)
    target.municipality_id = revision.municipality_id
    if hasattr(entry, "district_id") and "district" in revision.data:
        value = str(revision.data.get("district") or "")
        target.district_id = int(value) if value.isdigit() else None
    return target


# What a professional has to check: the moderation queue, its count in the page header and the start page
# "Mijn werk". The rows come from the database form of the moderation rule (rules._moderated), so the count,
# the queue and the start page agree and nothing is checked row by row.
ENTRY_MODELS = (Activity, MeetingPlace, Organisation)
WAITING_STATUSES = (Status.SUBMITTED, Status.NEEDS_CHECK)


def moderated_by(user, model) -> QuerySet:
    """The entries of `model` this person moderates (the rule `directory.moderate_…` as a query)."""
    return visible(user, f"directory.moderate_{model._meta.model_name}", model.objects.all())


def revisions_to_decide(user) -> QuerySet[Revision]:
    """Changes waiting for this person: in a municipality they work for and, for a professional with assigned
    wijken, about an entry in one of them or moving into one (services.may_decide in the database)."""
    waiting = Revision.objects.filter(status=RevisionStatus.PENDING)
    if is_administrator(user):
        return waiting
    if not has_role(user, Role.PROFESSIONAL):
        return waiting.none()
    waiting = waiting.filter(municipality_id__in=user.municipalities.values("pk"))
    assigned = user.districts.through.objects.filter(user_id=user.pk)

    def of_kind(model) -> Q:  # by name, not by ContentType row: no query of its own
        return Q(entry_type__app_label=model._meta.app_label, entry_type__model=model._meta.model_name)

    in_my_wijken = of_kind(Organisation) | Q(target_district="")
    for model in (Activity, MeetingPlace):
        in_my_wijken |= of_kind(model) & Q(entry_id__in=moderated_by(user, model).order_by().values("pk"))
    in_my_wijken |= Q(target_district__in=assigned.annotate(code=Cast("district_id", CharField())).values("code"))
    # As plain text: a JSON key compared with "" is read as JSON on SQLite.
    target_district = Cast(KT("data__district"), CharField())
    return waiting.annotate(target_district=target_district).filter(~Exists(assigned) | in_my_wijken)


def to_check_count(user) -> int:
    """Entries waiting for moderation or a check, and changes waiting for a decision: one query."""
    parts = [moderated_by(user, model).filter(status__in=WAITING_STATUSES).order_by().values("pk") for model in
             ENTRY_MODELS]  # fmt: skip
    parts.append(revisions_to_decide(user).order_by().values("pk"))
    first, *rest = parts
    return first.union(*rest, all=True).count()


def waiting_for_moderation(user, limit: int) -> tuple[list, int]:
    """New entries waiting for a first decision, oldest first: up to `limit` of them, and how many there are."""
    rows, total = [], 0
    for model in ENTRY_MODELS:
        waiting = moderated_by(user, model).filter(status=Status.SUBMITTED)
        related = ["municipality"] if model is Organisation else ["municipality", "district"]
        rows += list(waiting.select_related(*related).order_by("created_at", "pk")[:limit])
        total += waiting.count()
    rows.sort(key=lambda entry: (entry.created_at, entry.pk))
    return rows[:limit], total


def due_for_check(user, limit: int, now=None) -> tuple[list, int]:
    """Findable entries nobody checked for DIRECTORY_REMINDER_MONTHS, longest overdue first: up to `limit`, each
    with `days_overdue`, and how many there are. The same age as the freshness round (services.review_freshness)."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=30 * settings.DIRECTORY_REMINDER_MONTHS)
    rows, total = [], 0
    for model in ENTRY_MODELS:
        due = (
            moderated_by(user, model)
            .filter(status__in=PUBLIC_STATUSES)
            .annotate(reference=Coalesce("checked_at", "created_at"))
            .filter(reference__lte=cutoff)
        )
        related = ["municipality"] if model is Organisation else ["municipality", "district"]
        rows += list(due.select_related(*related).order_by("reference", "pk")[:limit])
        total += due.count()
    rows.sort(key=lambda entry: (entry.reference, entry.pk))
    for entry in rows:
        entry.days_overdue = (cutoff - entry.reference).days
    return rows[:limit], total


def near_wijk(model, user, district, centre: tuple[float, float] | None, limit: int) -> tuple[list, int]:
    """Findable activities or places of the wijk's municipality, those in the wijk first, then the nearest to the
    wijk's centre (equirectangular, as the search), then the rest by name: up to `limit`, and how many are in the
    wijk. `distance` (km, one decimal) is set on each row outside the wijk whose place is known."""
    public = visible(user, f"directory.view_{model._meta.model_name}", model.objects.all())
    public = public.filter(status__in=PUBLIC_STATUSES, municipality_id=district.municipality_id)
    name = "title" if model is Activity else "name"
    rows = public.annotate(
        outside=Case(When(district_id=district.pk, then=Value(0)), default=Value(1), output_field=IntegerField())
    )
    order = ["outside"]
    if centre is not None:
        latitude, longitude = centre
        kx = 111.32 * math.cos(math.radians(latitude))
        dx = (F("longitude") - Value(longitude)) * Value(kx)
        dy = (F("latitude") - Value(latitude)) * Value(111.32)
        rows = rows.annotate(distance_sq=ExpressionWrapper(dx * dx + dy * dy, output_field=FloatField()))
        order.append(F("distance_sq").asc(nulls_last=True))
    if model is Activity:
        rows = rows.select_related("place")
    found = list(rows.order_by(*order, name, "pk")[:limit])
    for row in found:
        value = getattr(row, "distance_sq", None)
        row.distance = None if (row.outside == 0 or value is None) else round(math.sqrt(value), 1)
    return found, public.filter(district_id=district.pk).count()
