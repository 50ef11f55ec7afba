from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from socialebasis.areas.models import District, Municipality
from socialebasis.core.numbers import parse_int
from socialebasis.core.permissions import can
from socialebasis.core.roles import STAFF_ROLES, has_role

from . import selectors, services
from .forms import CombineForm, SignalForm
from .models import OPEN_STATUSES, Signal, SignalStatus, Theme


def _crumbs(*items):
    return [(_("Signals"), reverse("signalling:list")), *items]


def _current_districts(municipality):
    year = District.objects.filter(municipality=municipality).order_by("-year").values_list("year", flat=True).first()
    return District.objects.filter(municipality=municipality, year=year).order_by("name")


@login_required
def signal_list(request):
    """Staff: the signals of their municipalities (late ones marked), with combining into one agenda action.
    Everyone else: the signals they raised and what became of them."""
    signals = selectors.signals_for(request.user).order_by("status", "due_at")
    staff = has_role(request.user, *STAFF_ROLES)
    return render(
        request,
        "signalling/list.html",
        {
            "signals": signals,
            "staff": staff,
            "combinable": [s for s in signals if s.status in OPEN_STATUSES and s.status != SignalStatus.ON_AGENDA]
            if staff
            else [],
            "combine_form": CombineForm() if staff else None,
            "breadcrumbs": [(_("Signals"), None)],
        },
    )


@login_required
def report(request):
    code = (request.GET.get("gemeente") or request.POST.get("gemeente") or "").strip()[:6]
    with_themes = Municipality.objects.filter(signal_themes__is_active=True).distinct().order_by("name")
    municipality = with_themes.filter(statcode=code).first() if code else None
    if municipality is None and request.user.home_municipality_id:
        municipality = with_themes.filter(pk=request.user.home_municipality_id).first()
    if municipality is None:
        return render(
            request,
            "signalling/choose_municipality.html",
            {"municipalities": with_themes, "breadcrumbs": _crumbs((_("Raise a signal"), None))},
        )
    form = SignalForm(
        request.POST or None,
        municipality=municipality,
        districts=_current_districts(municipality),
        initial={"district": request.user.home_district_id},
    )
    if request.method == "POST" and form.is_valid():
        try:
            signal = services.report_signal(form.cleaned_data, reporter=request.user, municipality=municipality)
        except ValidationError as invalid:
            for field, errors in invalid.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            messages.success(request, _("Thank you. You get a message at every step, and you can follow it here."))
            return redirect(signal)
    themes = Theme.objects.filter(municipality=municipality, is_active=True)
    return render(
        request,
        "signalling/report.html",
        {
            "form": form,
            "municipality": municipality,
            "themes": themes,
            "breadcrumbs": _crumbs((_("Raise a signal"), None)),
        },
    )


def _signal_or_404(request, pk: int) -> Signal:
    signal = get_object_or_404(
        Signal.objects.select_related("municipality", "district", "theme", "agenda_item", "contact"), pk=pk
    )
    if not can(request.user, "signalling.view_signal", signal):
        raise Http404
    return signal


@login_required
def detail(request, pk: int):
    signal = _signal_or_404(request, pk)
    return render(
        request,
        "signalling/detail.html",
        {
            "signal": signal,
            "handles": can(request.user, "signalling.handle_signal", signal),
            "may_open_contact": can(request.user, "signalling.view_contact", signal),
            "breadcrumbs": _crumbs((str(signal), None)),
        },
    )


@login_required
def contact(request, pk: int):
    """The reporter's contact details, kept apart; each opening is written to the audit log."""
    signal = _signal_or_404(request, pk)
    try:
        details = services.open_contact(signal, actor=request.user)
    except PermissionDenied:
        raise Http404 from None
    return render(
        request,
        "signalling/contact.html",
        {
            "signal": signal,
            "contact": details,
            "breadcrumbs": _crumbs((str(signal), signal.get_absolute_url()), (_("Contact details"), None)),
        },
    )


@require_POST
@login_required
def combine(request):
    ids = [n for n in (parse_int(v, 1, 2**31 - 1) for v in request.POST.getlist("signal")) if n]
    signals = list(selectors.handled_by(request.user).filter(pk__in=ids).select_related("district__municipality"))
    form = CombineForm(request.POST)
    if not signals:
        messages.error(request, _("Choose at least one signal."))
        return redirect("signalling:list")
    if form.is_valid():
        data = form.cleaned_data
        agenda = {
            "title": data["title"],
            "evidence": _("Signals of residents and partners: %(themes)s.")
            % {"themes": ", ".join(sorted({s.theme.name for s in signals}))},
            "actions": data["actions"],
            "owner_kind": data["owner_kind"],
            "owner_name": data["owner_name"],
            "municipal_role": data["municipal_role"],
        }
        try:
            item = services.combine_into_agenda(signals, actor=request.user, agenda_data=agenda, note=data["note"])
        except ValidationError as invalid:
            for message in invalid.messages:
                messages.error(request, message)
        else:
            messages.success(
                request,
                _("The signals are on the sociale agenda as “%(title)s”. Everyone who raised one hears it.")
                % {"title": item.title},
            )
            return redirect("signalling:list")
    else:
        for field, errors in form.errors.items():
            label = form.fields[field].label if field in form.fields else ""
            messages.error(request, f"{label}: {' '.join(errors)}" if label else " ".join(errors))
    return redirect("signalling:list")
