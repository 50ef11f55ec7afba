"""Writes of the sociale kaart. Each public function owns its transaction and its audit line."""

from datetime import timedelta
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from socialebasis.areas.locating import locate_district
from socialebasis.audit.models import Action
from socialebasis.audit.services import record_event
from socialebasis.core.permissions import can
from socialebasis.frameworks import selectors as framework_selectors
from socialebasis.frameworks.assessment import UnknownCriteria, assess_activity
from socialebasis.notifications.services import notify
from socialebasis.workflows.services import transition

from . import notifications as directory_notifications
from . import page_cache
from .models import Activity, MeetingPlace, Organisation, Revision, RevisionStatus, SavedSearch
from .schedule import weekday_mask
from .vocabulary import PUBLIC_STATUSES, Accessibility, Cost, OrganisationKind, Status, TargetGroup, Theme

# Volunteer-run kinds of organisation; welfare organisations, municipalities and companies are professional.
_VOLUNTEER_KINDS = {OrganisationKind.INFORMAL_GROUP, OrganisationKind.ASSOCIATION, OrganisationKind.RELIGIOUS}


def framework_answers(activity: Activity, characteristic_keys: list[str]) -> dict[str, bool | None]:
    """Answers to the framework's characteristics, derived from the activity's own attributes.

    Only what the attributes really say is answered; the rest stays unknown (None) unless the provider or a
    professional answered it in `answers`, so an unknown never turns into "inside" (frameworks/assessment.py).
    """
    derived: dict[str, bool | None] = {
        "requires_referral": activity.referral_needed,
        "accessible": (not activity.referral_needed and activity.cost in (Cost.FREE, Cost.CONTRIBUTION)) or None,
        "for_profit": True if activity.cost == Cost.PRICE else None,
    }
    organisation = activity.organisation
    if organisation is not None:
        derived["mainly_volunteers"] = organisation.kind in _VOLUNTEER_KINDS
        if organisation.kind == OrganisationKind.COMPANY:
            derived["for_profit"] = True
        elif organisation.kind != OrganisationKind.COMPANY and derived["for_profit"] is None:
            derived["for_profit"] = False
    answers = {key: derived.get(key) for key in characteristic_keys}
    for key, value in (activity.answers or {}).items():
        if key in answers and (value is None or isinstance(value, bool)):
            answers[key] = value
    return answers


def compute_assessment(activity: Activity) -> dict[str, Any]:
    """The afbakening with the framework in force in the activity's municipality, via the frameworks engine."""
    version = framework_selectors.version_in_force(activity.municipality)
    if version is None:
        return {}
    content = version.content
    goal_keys = {g["key"] for g in content["goals"]}
    goals = [g for g in activity.goals if g in goal_keys]
    answers = framework_answers(activity, [c["key"] for c in content["characteristics"]])
    try:
        return assess_activity(content, goals, answers, version=version.number).as_dict()
    except (UnknownCriteria, TypeError):
        return {}


def _search_document(activity: Activity) -> str:
    labels = dict(Theme.choices) | dict(TargetGroup.choices)
    words = [
        activity.description,
        activity.organisation.name if activity.organisation_id else "",
        activity.place.name if activity.place_id else "",
        activity.district.name if activity.district_id else "",
        " ".join(str(labels.get(key, "")) for key in [*activity.themes, *activity.target_groups]),
    ]
    return "\n".join(w for w in words if w)[:20000]


def derive(activity: Activity) -> None:
    """Fill the derived fields (place, wijk, weekdays, accessibility flag, search text, assessment)."""
    place = activity.place
    if place is not None:
        activity.latitude, activity.longitude = place.latitude, place.longitude
        if place.district_id:
            activity.district = place.district
    if activity.district_id is None:
        activity.district = locate_district(activity.municipality, activity.latitude, activity.longitude)
    activity.weekdays = weekday_mask(activity.starts_at, activity.recurrence, activity.exceptions)
    features = set(activity.accessibility)
    if place is not None:
        features |= set(place.accessibility)
    activity.accessible = Accessibility.WHEELCHAIR in features
    activity.search_document = _search_document(activity)
    activity.assessment = compute_assessment(activity)
    activity.assessment_verdict = activity.assessment.get("verdict", "")


def _locate_place(place: MeetingPlace) -> None:
    if place.latitude is not None and place.longitude is not None:
        found = locate_district(place.municipality, place.latitude, place.longitude)
        if found is not None:
            place.district = found


def _label(entry) -> str:
    return entry._meta.model_name


@transaction.atomic
def save_entry(entry, *, actor=None, via: str = "", submit: bool = False):
    """Create or change an organisation, place or activity, derive what is derived, and audit it.

    A resident's or organisation's own edit never counts as a check by a person. With `submit`, an entry of
    someone who does not moderate it waits for moderation: a new one is made so, and a draft or rejected one is
    offered again by its workflow's step.
    """
    created = entry.pk is None
    if created and actor is not None and actor.is_authenticated and entry.owner_id is None:
        entry.owner = actor
    offer_again = submit and not created and entry.status in (Status.DRAFT, Status.REJECTED)
    if submit and created and entry.status in (Status.DRAFT, Status.REJECTED):
        entry.status = Status.SUBMITTED
    if isinstance(entry, MeetingPlace):
        _locate_place(entry)
    if isinstance(entry, Activity):
        derive(entry)
    entry.save()
    if isinstance(entry, MeetingPlace) and not created:
        for activity in entry.activities.all():
            derive(activity)
            activity.save()
    record_event(
        actor,
        Action.CREATE if created else Action.UPDATE,
        entry,
        municipality=entry.municipality.statcode,
        status=entry.status,
        via=via,
    )
    if offer_again:
        transition(entry, Status.SUBMITTED, actor=actor)
    return entry


def record_staff_read(actor, entry, **details) -> None:
    """Audit a look by staff at an entry that is not public (its contact person, who added it): the register says
    reads of someone else's personal data are audited (ADR 0025). Public entries and one's own are not."""
    if entry.status in PUBLIC_STATUSES or not actor.is_authenticated or entry.owner_id == actor.pk:
        return
    record_event(actor, Action.VIEW, entry, municipality=entry.municipality.statcode, **details)


def set_status(entry, status: Status, *, actor=None, note: str = ""):
    """Moderation: publish, reject or take offline, as the entry's workflow allows (directory/workflows.py).
    Publishing by a person also counts as a check. Raises TransitionNotAllowed for a step not in the table."""
    return transition(entry, status, actor=actor, note=note)


@transaction.atomic
def mark_checked(entry, *, actor):
    """A person confirmed the entry is still right: only `checked_at` moves, `updated_at` does not.

    An entry that needed a check is published again by the same step of its workflow."""
    if entry.status == Status.NEEDS_CHECK:
        return transition(entry, Status.PUBLISHED, actor=actor, checked=True)
    now = timezone.now()
    type(entry).objects.filter(pk=entry.pk).update(checked_at=now, checked_by=actor, reminder_sent_at=None)
    page_cache.changed()
    entry.checked_at, entry.checked_by, entry.reminder_sent_at = now, actor, None
    record_event(actor, Action.UPDATE, entry, municipality=entry.municipality.statcode, checked=True)
    return entry


@transaction.atomic
def decide_verdict(activity: Activity, *, actor, verdict: str = "", note: str = "") -> Activity:
    """A professional confirms the computed verdict (empty `verdict`) or overrides it, always with a note."""
    activity.verdict_override = "" if verdict in ("", activity.assessment_verdict) else verdict
    activity.verdict_note = note
    activity.verdict_confirmed_by = actor
    activity.verdict_confirmed_at = timezone.now()
    Activity.objects.filter(pk=activity.pk).update(
        verdict_override=activity.verdict_override,
        verdict_note=note,
        verdict_confirmed_by=actor,
        verdict_confirmed_at=activity.verdict_confirmed_at,
    )
    page_cache.changed()
    record_event(
        actor,
        Action.UPDATE,
        activity,
        municipality=activity.municipality.statcode,
        computed=activity.assessment_verdict,
        verdict=activity.verdict,
        note=note[:500],
    )
    return activity


def _reference(entry) -> Any:
    return entry.checked_at or entry.created_at


@transaction.atomic
def review_freshness(now=None) -> dict[str, list]:
    """Remind providers, move unchecked entries to "needs check", and take long-unchecked ones offline.

    After DIRECTORY_REMINDER_MONTHS without a check by a person the owner gets a reminder and the entry
    shows "needs check"; after DIRECTORY_HIDE_MONTHS it leaves the public view (status archived).
    """
    now = now or timezone.now()
    remind_after = timedelta(days=30 * settings.DIRECTORY_REMINDER_MONTHS)
    hide_after = timedelta(days=30 * settings.DIRECTORY_HIDE_MONTHS)
    report: dict[str, list] = {"reminded": [], "needs_check": [], "archived": []}
    for model in (Organisation, MeetingPlace, Activity):
        for entry in model.objects.filter(status__in=PUBLIC_STATUSES).select_related("municipality", "owner"):
            age = now - _reference(entry)
            if age >= hide_after:
                if entry.status == Status.PUBLISHED:  # the table goes offline by way of "needs check"
                    transition(entry, Status.NEEDS_CHECK, actor=None, via="freshness")
                transition(entry, Status.ARCHIVED, actor=None, via="freshness")
                report["archived"].append(entry)
            elif age >= remind_after:
                if entry.status != Status.NEEDS_CHECK:
                    transition(entry, Status.NEEDS_CHECK, actor=None, via="freshness")
                    report["needs_check"].append(entry)
                if entry.reminder_sent_at is None:
                    _send_reminder(entry)
                    model.objects.filter(pk=entry.pk).update(reminder_sent_at=now)
                    record_event(None, Action.UPDATE, entry, municipality=entry.municipality.statcode, reminder=True)
                    report["reminded"].append(entry)
    return report


def _send_reminder(entry) -> None:
    """The owner hears about it in their inbox, and by e-mail as they chose (after this round commits)."""
    if not entry.owner_id:
        return
    reference = _reference(entry).isoformat()
    notify(
        entry.owner,
        "directory.reminder",
        context={"name": getattr(entry, "title", None) or entry.name},
        about=entry,
        # One reminder per entry per unchecked period, however often the round runs.
        key=f"directory.reminder:{entry._meta.model_name}:{entry.pk}:{reference}",
    )


def reassess_all(municipality=None) -> int:
    """Recompute the assessment of every activity (after a framework change or a later framework load)."""
    queryset = Activity.objects.select_related("municipality", "organisation")
    if municipality is not None:
        queryset = queryset.filter(municipality=municipality)
    changed = 0
    for activity in queryset.iterator():
        result = compute_assessment(activity)
        if result != activity.assessment:
            Activity.objects.filter(pk=activity.pk).update(
                assessment=result, assessment_verdict=result.get("verdict", "")
            )
            changed += 1
    if changed:
        page_cache.changed()
    return changed


MAX_SAVED_SEARCHES = 50


def search_query(params) -> str:
    """The query string that keeps a search: the search form's own fields that are filled in, in the form's order
    (so the same search is always the same text), without the page number. Raises ValidationError when the
    search is not valid or empty."""
    from .forms import ActivitySearchForm

    form = ActivitySearchForm(params)
    if not form.is_valid():
        raise ValidationError(_("This search is not valid."))
    kept = [(name, params.get(name, "").strip()) for name in form.fields]
    kept = [(name, value) for name, value in kept if value]
    if not kept:
        raise ValidationError(_("Search for something first, then save the search."))
    return urlencode(kept)


@transaction.atomic
def save_search(owner, name: str, params) -> SavedSearch:
    """Keep a search under a name for `owner`, with its own calendar feed."""
    query = search_query(params)
    name = " ".join(name.split())
    if not name:
        raise ValidationError(_("Give the search a name, for example 'Koffie in mijn wijk'."))
    if SavedSearch.objects.filter(owner=owner).count() >= MAX_SAVED_SEARCHES:
        raise ValidationError(
            _("You can keep at most %(count)d searches. Delete one you no longer use first.")
            % {"count": MAX_SAVED_SEARCHES}
        )
    saved = SavedSearch.objects.create(owner=owner, name=name[:100], query=query)
    record_event(owner, Action.CREATE, saved)
    return saved


@transaction.atomic
def delete_saved_search(saved: SavedSearch, *, actor) -> None:
    record_event(actor, Action.DELETE, saved)
    saved.delete()


# Changes to public entries (issue 10 point 4; docs/adr/0021-date-window-bounded-schedules-and-checked-edits.md).


def edit_applies_at_once(actor, before, after) -> bool:
    """Whether an edit changes the entry at once, or waits as a revision for a professional.

    An entry nobody can find yet (draft, waiting, rejected) is still the owner's to shape. A public entry
    changes at once only for someone who moderates it both as it is and as it would become, so a move to
    another municipality or wijk needs a professional of the place it moves to.
    """
    if before.status not in PUBLIC_STATUSES:
        return True
    rule = f"directory.moderate_{before._meta.model_name}"
    return can(actor, rule, before) and can(actor, rule, after)


def may_decide(actor, entry, target) -> bool:
    """Who approves or rejects a revision: a professional of the municipality the entry would belong to."""
    rule = f"directory.moderate_{entry._meta.model_name}"
    if target.municipality_id != entry.municipality_id:
        return can(actor, rule, target)
    return can(actor, rule, entry) or can(actor, rule, target)


def _pending(entry):
    return Revision.objects.filter(
        entry_type=ContentType.objects.get_for_model(entry), entry_id=entry.pk, status=RevisionStatus.PENDING
    )


def _save_named(named: dict, *, actor) -> dict:
    return {field: save_entry(new, actor=actor, via="named-in-form", submit=True) for field, new in named.items()}


@transaction.atomic
def save_with_named_entries(entry, named: dict, *, actor, via: str = "", submit: bool = False):
    """Save an activity together with the organiser and place its author named in the form (`named`: unsaved
    entries by field): they become the author's own entries, waiting for moderation like any contribution."""
    for field, saved in _save_named(named, actor=actor).items():
        setattr(entry, field, saved)
    return save_entry(entry, actor=actor, via=via, submit=submit)


@transaction.atomic
def propose_revision(
    entry, *, actor, data: dict, changed: list[str], previous: dict, municipality, named: dict | None = None
) -> Revision:
    """Keep a change to a public entry until a professional checks it; the entry itself stays as it is.

    A newer change by the same or another person replaces one that still waits. An organiser or place named in
    the form (`named`) is made at once, as the author's own entry waiting for moderation, and the change links it.
    """
    data, changed, previous = dict(data), list(changed), dict(previous)
    for field, saved in _save_named(named or {}, actor=actor).items():
        data[field], data[f"new_{field}"] = saved.pk, ""
        previous.setdefault(field, getattr(entry, f"{field}_id"))
        changed = [name for name in changed if name != f"new_{field}"]
        if field not in changed:
            changed.append(field)
    _pending(entry).select_for_update().update(status=RevisionStatus.REPLACED)
    revision = Revision.objects.create(
        entry_type=ContentType.objects.get_for_model(entry),
        entry_id=entry.pk,
        municipality=municipality,
        data=data,
        changed=changed,
        previous=previous,
        author=actor if actor is not None and actor.is_authenticated else None,
    )
    record_event(
        actor,
        Action.UPDATE,
        entry,
        municipality=entry.municipality.statcode,
        revision=revision.pk,
        changed=changed,
        waits_for_check=True,
        to_municipality=municipality.statcode,
    )
    return revision


@transaction.atomic
def withdraw_revision(entry, *, actor) -> int:
    """The owner's edit brought the entry back to what is published: the waiting change is dropped."""
    withdrawn = _pending(entry).select_for_update().update(status=RevisionStatus.REPLACED)
    if withdrawn:
        record_event(actor, Action.UPDATE, entry, municipality=entry.municipality.statcode, revision_withdrawn=True)
    return withdrawn


def _lock_pending(revision: Revision) -> Revision:
    locked = Revision.objects.select_for_update().get(pk=revision.pk)
    if locked.status != RevisionStatus.PENDING:
        raise ValidationError(_("This change has already been decided on."))
    return locked


@transaction.atomic
def approve_revision(revision: Revision, changed_entry, *, actor, note: str = ""):
    """Apply a checked change: `changed_entry` is the entry with the revision's form applied (validated by the
    caller with the same form the owner used). The change counts as a check by a person."""
    revision = _lock_pending(revision)
    entry = mark_checked(save_entry(changed_entry, actor=actor, via="revision"), actor=actor)
    now = timezone.now()
    Revision.objects.filter(pk=revision.pk).update(
        status=RevisionStatus.APPROVED, decided_by=actor, decided_at=now, note=note[:2000]
    )
    record_event(
        actor,
        Action.UPDATE,
        entry,
        municipality=entry.municipality.statcode,
        revision=revision.pk,
        approved=True,
        changed=revision.changed,
        checked=True,
        note=note[:500],
    )
    directory_notifications.change_decided(revision, entry, actor, approved=True)
    return entry


@transaction.atomic
def reject_revision(revision: Revision, entry, *, actor, note: str) -> Revision:
    """Refuse a change, with a note for the owner; the published entry stays as it is."""
    revision = _lock_pending(revision)
    revision.status, revision.decided_by, revision.decided_at = RevisionStatus.REJECTED, actor, timezone.now()
    revision.note = note[:2000]
    revision.save(update_fields=["status", "decided_by", "decided_at", "note"])
    record_event(
        actor,
        Action.UPDATE,
        entry,
        municipality=entry.municipality.statcode,
        revision=revision.pk,
        approved=False,
        note=note[:500],
    )
    directory_notifications.change_decided(revision, entry, actor, approved=False)
    return revision
