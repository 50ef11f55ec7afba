"""Pages of positive health. A self-check works without an account (nothing is kept: the result is shown once) and
with one (kept in the account, read by its owner only). Contributing to the wijk figures is a separate form."""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from socialebasis.areas import signposts
from socialebasis.areas.models import Municipality
from socialebasis.core.permissions import can

from . import selectors, services, spider
from .dimensions import BY_KEY, DIMENSIONS, scores_of
from .forms import ContributeForm, SelfCheckForm
from .models import SelfCheck


def _home_municipality(user):
    """The resident's own municipality, when they told it (an account with a postcode); None for a visitor."""
    if not user.is_authenticated:
        return None
    if user.home_municipality_id:
        return user.home_municipality
    return user.home_district.municipality if user.home_district_id else None


def _where_to_look(user, district) -> dict:
    """Where the result points a resident: the sociale kaart in their own wijk when we know it, and asking a neighbour
    for help only where their municipality runs burenhulp (areas.signposts); else no link to an empty place."""
    municipality = district.municipality if district is not None else _home_municipality(user)
    query = {}
    if municipality is not None:
        query["municipality"] = municipality.statcode
        if district is not None:
            query["district"] = district.statcode
    return {
        "directory_url": reverse("directory:list") + ("?" + urlencode(query) if query else ""),
        "neighbour_help_url": signposts.url_for(signposts.NEIGHBOUR_HELP, municipality),
    }


def _result_context(request, scores: dict, talk_about: list[str], *, check=None, earlier=None, district=None):
    low = selectors.low_dimensions(scores)
    wanted = [key for key in talk_about if key not in low] + low
    offers = selectors.offers_for(request.user, district, wanted)
    return {
        "rows": [
            {
                "key": d.key,
                "label": d.label,
                "score": scores[d.key],
                "talk": d.key in talk_about,
                "low": d.key in low,
                "earlier": [c.scores.get(d.key) for c in earlier or []],
            }
            for d in DIMENSIONS
        ],
        "web": spider.web(scores, earlier[0].scores if earlier else None),
        "talk_labels": [BY_KEY[key].label for key in talk_about],
        "low_labels": [BY_KEY[key].label for key in low],
        "offers": [{"label": BY_KEY[key].label, "activities": found} for key, found in offers.items()],
        "district": district,
        **_where_to_look(request.user, district),
        "check": check,
        "earlier": earlier or [],
        "contribute_form": ContributeForm(),
    }


def self_check(request):
    form = SelfCheckForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if request.user.is_authenticated:
            check = services.save_self_check(request.user, form.answers(), form.talk_about())
            return redirect("health:result", pk=check.pk)
        # Without an account nothing is kept: the result is this page, once. The answers travel in the contribute
        # form so that the resident can still choose to give their scores to the wijk figures.
        context = _result_context(request, scores_of(form.answers()), form.talk_about())
        context["answers"] = form.answers()
        return render(request, "health/result.html", context)
    return render(request, "health/self_check.html", {"form": form})


def _own_check_or_404(request, pk: int) -> SelfCheck:
    check = get_object_or_404(SelfCheck, pk=pk)
    if not can(request.user, "health.view_selfcheck", check):
        raise Http404  # not "forbidden": nobody learns that someone else's result exists
    return check


@login_required
def result(request, pk: int):
    check = _own_check_or_404(request, pk)
    earlier = list(selectors.own_checks(request.user).filter(created_at__lt=check.created_at)[:3])
    context = _result_context(
        request, check.scores, check.talk_about, check=check, earlier=earlier, district=request.user.home_district
    )
    return render(request, "health/result.html", context)


@login_required
def mine(request):
    return render(request, "health/mine.html", {"checks": selectors.own_checks(request.user)})


@login_required
@require_POST
def delete(request, pk: int):
    check = _own_check_or_404(request, pk)
    services.delete_self_checks(request.user, check)
    messages.success(request, _("Your result is deleted."))
    return redirect("health:mine")


@login_required
@require_POST
def delete_all(request):
    count = services.delete_self_checks(request.user)
    messages.success(request, _("All your results are deleted (%(count)s).") % {"count": count})
    return redirect("health:mine")


@require_POST
def contribute(request):
    form = ContributeForm(request.POST)
    if request.POST.get("check"):
        check = _own_check_or_404(request, _pk(request.POST["check"]))
        scores, talk_about, answers = check.scores, check.talk_about, None
    else:
        answers_form = SelfCheckForm(request.POST)
        if not answers_form.is_valid():
            return redirect("health:self-check")
        check, answers = None, answers_form.answers()
        scores, talk_about = scores_of(answers), answers_form.talk_about()
    if form.is_valid():
        services.contribute(form.municipality, form.district, scores)
        return render(
            request,
            "health/contributed.html",
            {"district": form.district, "municipality": form.municipality, "check": check},
        )
    district = request.user.home_district if check is not None else None  # the owner's page, as they saw it
    context = _result_context(request, scores, talk_about, check=check, district=district)
    context.update(contribute_form=form, answers=answers)
    return render(request, "health/result.html", context, status=400)


def _pk(text: str) -> int:
    from socialebasis.core.numbers import parse_int

    pk = parse_int(text, 1)
    if pk is None:
        raise Http404
    return pk


def municipality_figures(request, statcode: str):
    municipality = get_object_or_404(Municipality, statcode=statcode)
    periods = []
    for period in selectors.closed_periods(municipality):
        figures = selectors.period_figures(municipality, period)
        if figures is not None:
            periods.append(figures)
    return render(
        request,
        "health/figures.html",
        {
            "municipality": municipality,
            "periods": periods,
            "dimensions": DIMENSIONS,
            "breadcrumbs": [
                (_("Municipalities"), reverse("areas:home")),
                (municipality.name, reverse("areas:municipality", args=[municipality.statcode])),
                (_("Positive health"), ""),
            ],
        },
    )
