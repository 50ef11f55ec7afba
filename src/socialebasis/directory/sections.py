"""The sociale kaart's parts of two pages in lower apps: "Mijn werk" (accounts.work) and the wijk hub (areas.hub).

Registered from DirectoryConfig.ready; the lower apps import nothing of the directory (ADR 0028).
"""

from django.utils.translation import gettext_lazy as _

from socialebasis.accounts import work
from socialebasis.areas import hub
from socialebasis.areas.geometry import centre
from socialebasis.core.roles import Role, has_role, is_administrator

from . import page_cache, selectors
from .models import Activity, MeetingPlace
from .schedule import ScheduleError, next_dates

# Rows per list on the start page; the count beside it says how many there are, the queue has them all.
WORK_ROWS = 10
# Activities and places per wijk page; the search behind "all of them" has the rest.
HUB_ROWS = 8


def _moderates_anything(user) -> bool:
    return is_administrator(user) or has_role(user, Role.PROFESSIONAL)


def _with_kind(entries) -> list:
    for entry in entries:
        entry.kind_label = entry._meta.verbose_name
    return entries


def moderation_part(user) -> dict | None:
    """New entries waiting for a first decision and changes to published entries waiting for one."""
    if not _moderates_anything(user):
        return None
    entries, total = selectors.waiting_for_moderation(user, WORK_ROWS)
    revisions = list(selectors.revisions_to_decide(user).select_related("entry_type").order_by("created_at", "pk"))
    wanted = {}
    for revision in revisions[:WORK_ROWS]:
        wanted.setdefault(revision.entry_type, []).append(revision.entry_id)
    found = {
        (entry_type.pk, entry.pk): entry
        for entry_type, ids in wanted.items()
        for entry in _with_kind(list(entry_type.model_class().objects.filter(pk__in=ids)))
    }
    changes = [
        (revision, found[(revision.entry_type_id, revision.entry_id)])
        for revision in revisions[:WORK_ROWS]
        if (revision.entry_type_id, revision.entry_id) in found
    ]
    return {
        "entries": _with_kind(entries),
        "total": total,
        "changes": changes,
        "changes_total": len(revisions),
    }


def due_part(user) -> dict | None:
    """Findable entries nobody checked for too long, with the days overdue."""
    if not _moderates_anything(user):
        return None
    entries, total = selectors.due_for_check(user, WORK_ROWS)
    return {"entries": _with_kind(entries), "total": total}


def _next_time(activity):
    if activity.starts_at is None:
        return None
    try:
        dates = next_dates(activity.starts_at, activity.recurrence, activity.exceptions, count=1)
    except ScheduleError:
        return None
    return dates[0] if dates else None


def to_do_part(district, user) -> dict:
    """What there is to do in and near this wijk: activities and places, in the wijk first, then nearest."""
    middle = centre(district.boundary)
    activities, activities_in_wijk = selectors.near_wijk(Activity, user, district, middle, HUB_ROWS)
    for activity in activities:
        activity.next_time = _next_time(activity)
    places, places_in_wijk = selectors.near_wijk(MeetingPlace, user, district, middle, HUB_ROWS)
    return {
        "activities": activities,
        "activities_in_wijk": activities_in_wijk,
        "places": places,
        "places_in_wijk": places_in_wijk,
    }


def register() -> None:
    work.register_section(
        "directory.moderation", _("Waiting for moderation"), "directory/work/_moderation.html", moderation_part,
        order=10,
    )  # fmt: skip
    work.register_section("directory.due", _("Due for a check"), "directory/work/_due.html", due_part, order=20)
    work.register_counter(
        "directory.to_check", _("To check"), "directory:moderation", selectors.to_check_count,
        shown_to=_moderates_anything,
    )  # fmt: skip
    hub.register_section(
        "directory.to_do", "directory/hub/_to_do.html", to_do_part, order=hub.TO_DO,
        scopes=lambda statcode: [page_cache.SCOPE],
    )  # fmt: skip
