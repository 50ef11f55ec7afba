"""Pages of the sociale kaart: the list (works without JavaScript; the map only enhances it), details, iCal,
contributions and moderation. Every read goes through the selectors, which apply the permission rule."""

import copy

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from socialebasis.core.idempotency import idempotent
from socialebasis.core.page_cache import cached_for_visitors
from socialebasis.core.permissions import can
from socialebasis.frameworks.models import Verdict

from . import page_cache, selectors, services
from .forms import (
    FORMS_WITH_USER,
    ActivityForm,
    ActivitySearchForm,
    EntrySearchForm,
    MeetingPlaceForm,
    OrganisationForm,
    SavedSearchForm,
    VerdictForm,
    applied_data,
    describe_changes,
    previous_values,
    submitted_data,
)
from .geocoding import GeocodingUnavailable, locate_postcode
from .models import Activity, MeetingPlace, Organisation, Revision, RevisionStatus, SavedSearch
from .schedule import calendar_of, next_dates
from .vocabulary import OrganisationKind, PlaceKind, Status

KINDS = {
    "activiteit": (Activity, ActivityForm, "activity"),
    "plek": (MeetingPlace, MeetingPlaceForm, "meetingplace"),
    "organisatie": (Organisation, OrganisationForm, "organisation"),
}
KINDS_BY_MODEL = {name: (kind, form_class) for kind, (_model, form_class, name) in KINDS.items()}
PAGE_SIZE = 25


def _crumbs(*items):
    return [(_("Sociale kaart"), reverse("directory:list")), *items]


def run_search(request, form, user=None):
    """The search of a valid form as a queryset, plus a Dutch message when the postcode cannot be placed.
    It shows what `user` (default: the one making the request) may see.

    Raises GeocodingUnavailable when PDOK cannot be reached; callers tell the user.
    """
    latitude = longitude = None
    note = ""
    postcode = form.cleaned_data.get("postcode")
    if postcode:
        found = locate_postcode(postcode)
        if found is None:
            note = _("We could not find postcode %(postcode)s. The results are not sorted by distance.") % {
                "postcode": postcode
            }
        else:
            latitude, longitude = found
    results = selectors.search_activities(user or request.user, form.to_search(latitude, longitude))
    return results.select_related("municipality", "district").defer(
        "municipality__boundary", "district__boundary"
    ), note


@cached_for_visitors(page_cache.scopes)
def activity_list(request):
    form = ActivitySearchForm(request.GET or None)
    results, note, unavailable = None, "", False
    if not request.GET or form.is_valid():
        if not request.GET:
            form = ActivitySearchForm({})
            form.is_valid()
        try:
            results, note = run_search(request, form)
        except GeocodingUnavailable:
            unavailable = True
            data = form.cleaned_data.copy()
            data["postcode"] = ""
            form.cleaned_data = data
            results, note = run_search(request, form)
    page = Paginator(results if results is not None else Activity.objects.none(), PAGE_SIZE).get_page(
        request.GET.get("pagina")
    )
    for activity in page:
        activity.distance = selectors.distance_km(activity)
    form.offer_choices(*selectors.search_choices(getattr(form, "municipality_id", None)))
    query = request.GET.copy()
    query.pop("pagina", None)
    save_form = SavedSearchForm(initial={"query": query.urlencode()}) if query else None
    points = [
        {
            "title": a.title,
            "url": reverse("directory:activity", args=[a.pk]),
            "lat": a.latitude,
            "lon": a.longitude,
        }
        for a in page
        if a.latitude is not None and a.longitude is not None
    ]
    return render(
        request,
        "directory/activity_list.html",
        {
            "form": form,
            "page": page,
            # After a search the results come first and the form folds away; an invalid search shows only the
            # form with its errors, never a count of results that were not searched for.
            "searched": results is not None,
            "results_first": results is not None and bool(query),
            "note": note,
            "geocoding_unavailable": unavailable,
            "query": query.urlencode(),
            "save_form": save_form,
            "breadcrumbs": _crumbs(),
            "tabs": search_tabs(request, "directory:list"),
            "map_points": points,
            "tile_url": settings.MAP_TILE_URL,
            "tile_attribution": settings.MAP_TILE_ATTRIBUTION,
        },
    )


# The three searches of the sociale kaart, offered as tabs above each of them: (URL name, label).
SEARCH_TABS = (
    ("directory:list", _lazy("Activities")),
    ("directory:places", _lazy("Meeting places")),
    ("directory:organisations", _lazy("Organisations")),
)
# What a search carries over when one switches tabs: what the three searches share.
SHARED_PARAMETERS = ("q", "municipality", "district", "postcode", "radius")


def search_tabs(request, current: str) -> list[dict]:
    shared = QueryDict(mutable=True)
    for name in SHARED_PARAMETERS:
        if request.GET.get(name):
            shared[name] = request.GET[name]
    suffix = f"?{shared.urlencode()}" if shared else ""
    return [{"label": label, "url": reverse(name) + suffix, "current": name == current} for name, label in SEARCH_TABS]


def _entry_list(request, *, current, kinds, with_place, search, title, intro, counted):
    """The places or organisations page: the same search as the activities page (words, area, postcode) and
    the same layout (results first after a search, the form folded in "Refine your search")."""
    form = EntrySearchForm(request.GET or {}, kinds=kinds, with_place=with_place)
    results, note, unavailable = None, "", False
    if form.is_valid():
        latitude = longitude = None
        postcode = form.cleaned_data.get("postcode")
        if postcode:
            try:
                found = locate_postcode(postcode)
            except GeocodingUnavailable:
                unavailable = True
            else:
                if found is None:
                    note = _("We could not find postcode %(postcode)s. The results are not sorted by distance.") % {
                        "postcode": postcode
                    }
                else:
                    latitude, longitude = found
        results = search(request.user, form.to_search(latitude, longitude)).select_related("municipality")
    page = Paginator(results if results is not None else [], PAGE_SIZE).get_page(request.GET.get("pagina"))
    for entry in page:
        entry.distance = selectors.distance_km(entry)
    municipalities, districts, _spheres = selectors.search_choices(getattr(form, "municipality_id", None))
    form.offer_choices(municipalities, districts)
    query = request.GET.copy()
    query.pop("pagina", None)
    points = [
        {"title": e.name, "url": e.get_absolute_url(), "lat": e.latitude, "lon": e.longitude}
        for e in page
        if getattr(e, "latitude", None) is not None and getattr(e, "longitude", None) is not None
    ]
    return render(
        request,
        "directory/entry_list.html",
        {
            "form": form,
            "page": page,
            "searched": results is not None,
            "results_first": results is not None and bool(query),
            "note": note,
            "geocoding_unavailable": unavailable,
            "query": query.urlencode(),
            "title": title,
            "intro": intro,
            "count_text": counted(page.paginator.count),
            "tabs": search_tabs(request, current),
            "breadcrumbs": _crumbs((title, None)),
            "map_points": points,
            "tile_url": settings.MAP_TILE_URL,
            "tile_attribution": settings.MAP_TILE_ATTRIBUTION,
        },
    )


@cached_for_visitors(page_cache.scopes)
def place_list(request):
    return _entry_list(
        request,
        current="directory:places",
        kinds=PlaceKind.choices,
        with_place=True,
        search=selectors.search_places,
        title=_("Meeting places"),
        intro=_("Find a place to meet in your neighbourhood: a community centre, a library, a park."),
        counted=lambda n: ngettext("%(count)d meeting place found", "%(count)d meeting places found", n) % {"count": n},
    )


@cached_for_visitors(page_cache.scopes)
def organisation_list(request):
    return _entry_list(
        request,
        current="directory:organisations",
        kinds=OrganisationKind.choices,
        with_place=False,
        search=selectors.search_organisations,
        title=_("Organisations"),
        intro=_("Find the associations, foundations and groups that organise something in your municipality."),
        counted=lambda n: ngettext("%(count)d organisation found", "%(count)d organisations found", n) % {"count": n},
    )


def search_calendar(request):
    """The iCal feed of a search: the list page's query string is the saved search."""
    form = ActivitySearchForm(request.GET)
    if not form.is_valid():
        return HttpResponse(_("This search is not valid."), status=400, content_type="text/plain; charset=utf-8")
    return _search_ical(request, form, "sociale-kaart.ics")


@login_required
def saved_searches(request):
    """Your saved searches, each with its calendar feed; a search from the list page is saved here (POST)."""
    form = None
    if request.method == "POST":
        form = SavedSearchForm(request.POST)
        if form.is_valid():
            try:
                saved = services.save_search(
                    request.user, form.cleaned_data["name"], QueryDict(form.cleaned_data["query"])
                )
            except ValidationError as invalid:
                form.add_error(None, invalid)
            else:
                messages.success(request, _("Saved: %(name)s. Its calendar feed is below.") % {"name": saved.name})
                return redirect("directory:saved-searches")
    return render(
        request,
        "directory/saved_searches.html",
        {
            "searches": SavedSearch.objects.filter(owner=request.user),
            "form": form,
            "breadcrumbs": _crumbs((_("My saved searches"), None)),
        },
        status=400 if form is not None else 200,
    )


@login_required
@require_POST
def saved_search_delete(request, pk):
    saved = get_object_or_404(SavedSearch, pk=pk, owner=request.user)
    services.delete_saved_search(saved, actor=request.user)
    messages.success(request, _("Deleted: %(name)s.") % {"name": saved.name})
    return redirect("directory:saved-searches")


def saved_search_calendar(request, token):
    """The calendar feed of a saved search, for calendar apps: the token is the key, and the feed shows only what
    anyone may see."""
    saved = get_object_or_404(SavedSearch, feed_token=token)
    form = ActivitySearchForm(QueryDict(saved.query))
    if not form.is_valid():  # a code that no longer exists: an empty calendar rather than an error in the app
        return _ical(request, Activity.objects.none(), "zoekopdracht.ics")
    return _search_ical(request, form, "zoekopdracht.ics", user=AnonymousUser())


def _search_ical(request, form, filename, user=None):
    """The first 200 activities of a valid search as a calendar; 503 in plain Dutch when PDOK is down."""
    try:
        results, _note = run_search(request, form, user=user)
    except GeocodingUnavailable:
        return HttpResponse(
            _("The postcode service cannot be reached right now."),
            status=503,
            content_type="text/plain; charset=utf-8",
        )
    return _ical(request, results[:200], filename)


def _ical(request, activities, filename):
    body = calendar_of(activities, lambda a: request.build_absolute_uri(reverse("directory:activity", args=[a.pk])))
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


_READERS = {
    "activity": selectors.activities_for,
    "meetingplace": selectors.places_for,
    "organisation": selectors.organisations_for,
}


def _visible_or_404(request, model, pk):
    return get_object_or_404(_READERS[model._meta.model_name](request.user), pk=pk)


def _revision_notice(request, entry) -> dict:
    """For whoever may change the entry: the change of theirs that waits for a check, or the last decision."""
    if not can(request.user, f"directory.change_{entry._meta.model_name}", entry):
        return {}
    latest = selectors.revisions_of(entry).first()
    if latest is None or latest.status == RevisionStatus.APPROVED:
        return {}
    form_class = KINDS_BY_MODEL[entry._meta.model_name][1]
    return {"revision": latest, "revision_changes": describe_changes(form_class, latest)}


def _shown(user, rule: str, entry):
    """A linked organisation or place, only when this person may see it: a published activity must not show
    the name of an organiser that still waits for moderation."""
    return entry if entry is not None and can(user, rule, entry) else None


def _verdict_label(verdict: str) -> str:
    return str(Verdict(verdict).label) if verdict in Verdict.values else ""


@cached_for_visitors(page_cache.scopes)
def activity_detail(request, pk: int):
    activity = get_object_or_404(
        selectors.activities_for(request.user)
        .select_related("municipality", "district", "place", "organisation")
        .defer("municipality__boundary", "district__boundary"),
        pk=pk,
    )
    moderates = can(request.user, "directory.moderate_activity", activity)
    services.record_staff_read(request.user, activity, via="page")
    return render(
        request,
        "directory/activity_detail.html",
        {
            "activity": activity,
            "organisation": _shown(request.user, "directory.view_organisation", activity.organisation),
            "place": _shown(request.user, "directory.view_meetingplace", activity.place),
            "dates": next_dates(activity.starts_at, activity.recurrence, activity.exceptions, 5),
            "may_change": can(request.user, "directory.change_activity", activity),
            **_revision_notice(request, activity),
            "moderates": moderates,
            "computed_label": _verdict_label(activity.assessment_verdict),
            "verdict_label": _verdict_label(activity.verdict),
            "verdict_form": VerdictForm() if moderates else None,
            "breadcrumbs": _crumbs((activity.title, None)),
        },
    )


def activity_calendar(request, pk: int):
    activity = get_object_or_404(selectors.activities_for(request.user).select_related("place"), pk=pk)
    return _ical(request, [activity], f"activiteit-{activity.pk}.ics")


@cached_for_visitors(page_cache.scopes)
def place_detail(request, pk: int):
    place = get_object_or_404(
        selectors.places_for(request.user).select_related("district", "organisation").defer("district__boundary"),
        pk=pk,
    )
    activities = selectors.activities_for(request.user).filter(place=place).order_by("title")
    services.record_staff_read(request.user, place, via="page")
    return render(
        request,
        "directory/place_detail.html",
        {
            "place": place,
            "organisation": _shown(request.user, "directory.view_organisation", place.organisation),
            "activities": activities,
            "may_change": can(request.user, "directory.change_meetingplace", place),
            **_revision_notice(request, place),
            "moderates": can(request.user, "directory.moderate_meetingplace", place),
            "breadcrumbs": _crumbs((place.name, None)),
        },
    )


@cached_for_visitors(page_cache.scopes)
def organisation_detail(request, pk: int):
    organisation = get_object_or_404(selectors.organisations_for(request.user), pk=pk)
    services.record_staff_read(request.user, organisation, via="page")
    return render(
        request,
        "directory/organisation_detail.html",
        {
            "organisation": organisation,
            "activities": selectors.activities_for(request.user).filter(organisation=organisation),
            "places": selectors.places_for(request.user).filter(organisation=organisation),
            "may_change": can(request.user, "directory.change_organisation", organisation),
            **_revision_notice(request, organisation),
            "moderates": can(request.user, "directory.moderate_organisation", organisation),
            "breadcrumbs": _crumbs((organisation.name, None)),
        },
    )


def _kind(kind: str):
    if kind not in KINDS:
        raise Http404
    return KINDS[kind]


def _detail_url(entry) -> str:
    name = {"activity": "activity", "meetingplace": "place", "organisation": "organisation"}[entry._meta.model_name]
    return reverse(f"directory:{name}", args=[entry.pk])


def _form(form_class, request, instance=None, initial=None):
    kwargs = {"instance": instance, "initial": initial}
    if form_class in FORMS_WITH_USER:
        kwargs["user"] = request.user
    return form_class(request.POST or None, **kwargs)


def _groups(form) -> list:
    """The resident's activity form in its groups (what, when, where …); other forms are shown field by field."""
    if not isinstance(form, ActivityForm) or form.expert:
        return []
    return [(legend, [form[name] for name in names if name in form.fields]) for legend, names in form.GROUPS]


def _named(form) -> dict:
    """The organiser and place a resident named in the activity form, not yet saved."""
    return form.new_entries() if isinstance(form, ActivityForm) else {}


@login_required
@idempotent
def entry_create(request, kind: str):
    model, form_class, _name = _kind(kind)
    if not can(request.user, "directory.add_entry"):
        raise PermissionDenied
    form = _form(form_class, request)
    if request.method == "POST" and form.is_valid():
        entry = services.save_with_named_entries(
            form.save(commit=False), _named(form), actor=request.user, via="page", submit=True
        )
        messages.success(request, _("Thank you. A professional will check your entry before it is shown to everyone."))
        return redirect(_detail_url(entry))
    return render(
        request,
        "directory/entry_form.html",
        {
            "form": form,
            "groups": _groups(form),
            "title": _("Add: %(kind)s") % {"kind": model._meta.verbose_name},
            "breadcrumbs": _crumbs(),
        },
    )


@login_required
def entry_edit(request, kind: str, pk: int):
    model, form_class, name = _kind(kind)
    entry = _visible_or_404(request, model, pk)
    if not can(request.user, f"directory.change_{name}", entry):
        raise PermissionDenied
    before = copy.copy(entry)
    pending = selectors.pending_revision(entry)
    # Whoever continues editing starts from the change that still waits, not from the published text.
    own = pending is not None and pending.author_id == request.user.pk
    form = _form(form_class, request, entry, initial=pending.data if own and request.method != "POST" else None)
    if request.method == "POST" and form.is_valid():
        changed_entry = form.save(commit=False)
        if services.edit_applies_at_once(request.user, before, changed_entry):
            moderates = can(request.user, f"directory.moderate_{name}", entry)
            services.save_with_named_entries(
                changed_entry, _named(form), actor=request.user, via="page", submit=not moderates
            )
            messages.success(request, _("Your changes have been saved."))
        elif not form.changed_data:
            services.withdraw_revision(before, actor=request.user)
            messages.success(request, _("Nothing has changed: the entry stays as it is published."))
        else:
            services.propose_revision(
                before,
                actor=request.user,
                data=submitted_data(form),
                changed=form.changed_data,
                previous=previous_values(form),
                municipality=changed_entry.municipality,
                named=_named(form),
            )
            messages.success(
                request,
                _(
                    "Your change waits for a check. Until a professional has checked it, everyone sees the "
                    "entry as it was."
                ),
            )
        return redirect(_detail_url(entry))
    return render(
        request,
        "directory/entry_form.html",
        {
            "form": form,
            "groups": _groups(form),
            "title": _("Edit: %(name)s") % {"name": entry},
            "breadcrumbs": _crumbs((str(entry), None)),
            "waits_for_check": pending is not None,
        },
    )


STATUS_ACTIONS = {
    "publish": Status.PUBLISHED,
    "reject": Status.REJECTED,
    "archive": Status.ARCHIVED,
}


@login_required
@require_POST
def entry_status(request, kind: str, pk: int):
    """Moderation (publish, reject, archive) and "still correct" (check)."""
    model, _form_class, name = _kind(kind)
    entry = _visible_or_404(request, model, pk)
    action = request.POST.get("action", "")
    if action == "check":
        if not can(request.user, f"directory.change_{name}", entry):
            raise PermissionDenied
        if can(request.user, f"directory.moderate_{name}", entry):
            services.mark_checked(entry, actor=request.user)
            messages.success(request, _("Marked as checked."))
        else:
            # An owner's "still correct" asks a professional to check; it is not a check by itself.
            services.save_entry(entry, actor=request.user, via="still-correct")
            messages.success(request, _("Thank you. A professional will check your entry."))
        return redirect(_detail_url(entry))
    if action not in STATUS_ACTIONS or not can(request.user, f"directory.moderate_{name}", entry):
        raise PermissionDenied
    try:
        services.set_status(entry, STATUS_ACTIONS[action], actor=request.user, note=request.POST.get("note", ""))
    except ValidationError as invalid:  # a step that needs a note (rejecting): the owner reads why
        messages.error(request, " ".join(invalid.messages))
    else:
        messages.success(request, _("The status has been changed."))
    return redirect(_detail_url(entry))


@login_required
@require_POST
def activity_verdict(request, pk: int):
    activity = get_object_or_404(selectors.activities_for(request.user), pk=pk)
    if not can(request.user, "directory.moderate_activity", activity):
        raise PermissionDenied
    form = VerdictForm(request.POST)
    if form.is_valid():
        services.decide_verdict(
            activity, actor=request.user, verdict=form.cleaned_data["verdict"], note=form.cleaned_data["note"]
        )
        messages.success(request, _("The verdict has been recorded."))
    else:
        messages.error(request, _("Write a note with your decision."))
    return redirect(_detail_url(activity))


@login_required
def my_entries(request):
    user = request.user
    return render(
        request,
        "directory/my_entries.html",
        {
            "activities": Activity.objects.filter(owner=user).order_by("title"),
            "places": MeetingPlace.objects.filter(owner=user).order_by("name"),
            "organisations": Organisation.objects.filter(owner=user).order_by("name"),
            "breadcrumbs": _crumbs((_("My entries"), None)),
        },
    )


def _revision_rows(user) -> list[dict]:
    """The changes this person may decide on, each with its entry and what changed."""
    rows = []
    for revision in selectors.revisions_to_decide(user).select_related("entry_type", "author"):
        name = revision.entry_type.model
        if name not in _READERS:
            continue
        entry = (
            revision.entry_type.model_class()
            .objects.select_related("municipality")
            .filter(pk=revision.entry_id)
            .first()
        )
        if entry is None or not services.may_decide(user, entry, selectors.revision_target(revision, entry)):
            continue
        form_class = KINDS_BY_MODEL[name][1]
        rows.append({"revision": revision, "entry": entry, "changes": describe_changes(form_class, revision)})
    return rows


@login_required
@require_POST
def revision_decision(request, pk: int):
    """A professional approves a change (applied at once, and it counts as a check) or rejects it with a note."""
    revision = get_object_or_404(Revision.objects.select_related("entry_type", "author"), pk=pk)
    name = revision.entry_type.model
    if name not in _READERS:
        raise Http404
    entry = get_object_or_404(_READERS[name](request.user).select_related("municipality"), pk=revision.entry_id)
    before = copy.copy(entry)
    if not services.may_decide(request.user, entry, selectors.revision_target(revision, entry)):
        raise PermissionDenied
    if revision.status != RevisionStatus.PENDING:
        messages.error(request, _("This change has already been decided on."))
        return redirect("directory:moderation")
    note = request.POST.get("note", "").strip()[:2000]
    if request.POST.get("action") == "approve":
        form_class = KINDS_BY_MODEL[name][1]
        kwargs = {"user": revision.author} if form_class in FORMS_WITH_USER else {}
        form = form_class(data=applied_data(form_class, entry, revision, **kwargs), instance=entry, **kwargs)
        if not form.is_valid():
            problems = "; ".join(f"{form.fields[f].label if f in form.fields else ''}: {' '.join(e)}".strip(": ")
                                 for f, e in form.errors.items())  # fmt: skip
            messages.error(request, _("This change cannot be applied as it is: %(problems)s") % {"problems": problems})
            return redirect("directory:moderation")
        changed_entry = form.save(commit=False)
        if not services.may_decide(request.user, before, changed_entry):
            raise PermissionDenied
        services.approve_revision(revision, changed_entry, actor=request.user, note=note)
        messages.success(request, _("The change has been approved and is now shown."))
    elif request.POST.get("action") == "reject":
        if not note:
            messages.error(request, _("Write a note for the owner with your decision."))
            return redirect("directory:moderation")
        services.reject_revision(revision, entry, actor=request.user, note=note)
        messages.success(request, _("The change has not been approved. The owner sees your note."))
    else:
        raise PermissionDenied
    return redirect("directory:moderation")


@login_required
def moderation(request):
    """Entries waiting for moderation or a check, and changes to published entries waiting for a check, in the
    wijken this professional works in (the same rows the header counts, selectors.to_check_count)."""
    rows = []
    for model in selectors.ENTRY_MODELS:
        related = ["municipality"] if model is Organisation else ["municipality", "district__municipality"]
        waiting = selectors.moderated_by(request.user, model).filter(status__in=selectors.WAITING_STATUSES)
        rows += list(waiting.select_related(*related))
    return render(
        request,
        "directory/moderation.html",
        {"entries": rows, "revisions": _revision_rows(request.user), "breadcrumbs": _crumbs((_("To check"), None))},
    )
