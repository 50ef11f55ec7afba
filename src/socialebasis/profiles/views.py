from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from socialebasis.areas.geometry import bounds
from socialebasis.areas.models import District, Municipality
from socialebasis.core.idempotency import idempotent
from socialebasis.core.numbers import parse_int
from socialebasis.core.page_cache import cached_for_visitors
from socialebasis.core.permissions import can
from socialebasis.indicators import selectors as indicator_selectors

from . import charts, findings, page_cache, registrations, selectors, services
from . import norms as norm_checks
from .forms import AgendaItemForm, NormForm
from .models import AgendaItem, Norm, ReportStatus, Verdict

# How often the page of a PDF being made asks again (meta refresh and Retry-After).
REFRESH_SECONDS = 2


def _year(request) -> int | None:
    return parse_int(request.GET.get("jaar"), 1000, 9999)


def _crumbs(municipality, *items):
    return [
        (_("Municipalities"), reverse("areas:home")),
        (municipality.name, reverse("areas:municipality", args=[municipality.statcode])),
        *items,
    ]


def _profile_or_404(statcode: str, district_code: str, year: int | None):
    profile = selectors.build_profile(district_code, year)
    if profile is None or profile.municipality is None or profile.municipality.statcode != statcode:
        raise Http404
    return profile


def _context(request, profile) -> dict:
    district = profile.district
    checks = findings.checks_for(profile)
    inventory = registrations.inventory(district)
    themes: dict[str, list[dict]] = {}
    for row in profile.rows:
        themes.setdefault(row.indicator.theme or _("Other"), []).append(
            {
                "row": row,
                "value": findings.figure(row.value, row.indicator.unit),
                "municipality": findings.figure(row.municipality_value, row.indicator.unit),
                "country": findings.figure(row.country_value, row.indicator.unit),
                "trend_text": findings.trend_text(row),
                "vs_municipality": Verdict(row.verdict_municipality).label
                if row.municipality_value is not None
                else "",
                "vs_country": Verdict(row.verdict_country).label if row.country_value is not None else "",
                "chart": charts.trend_chart(row),
            }
        )
    residents = profile.row(selectors.RESIDENTS)
    return {
        "profile": profile,
        "municipality": profile.municipality,
        "district": district,
        # One table per theme, each theme once (issue 12 point 7: rows come ordered by source, not by theme).
        "themes": sorted(themes.items()),
        "has_series": any(row.series for row in profile.rows),
        "strengths": [findings.finding_text(r) for r in profile.strengths],
        "concerns": [findings.finding_text(r) for r in profile.concerns],
        "overview_chart": charts.verdict_chart(profile),
        "verdict_legend": charts.verdict_legend(),
        "trend_legend": charts.legend(),
        "residents": residents,
        "residents_figure": findings.figure(residents.value, residents.indicator.unit) if residents else "",
        "neighbourhoods": selectors.neighbourhoods_of(profile),
        "sources": indicator_selectors.sources_of_municipality(profile.municipality.statcode)
        if profile.municipality
        else [],
        "checks": checks,
        "agenda": list(selectors.agenda_of(request.user, district)) if district else [],
        "may_edit_agenda": district is not None and can(request.user, "profiles.change_agenda", profile.municipality),
        "inventory": inventory,
        "inventory_breakdown": [
            (_("Target group"), inventory.target_groups),
            (_("Sphere"), inventory.spheres),
            (_("Goal"), inventory.goals),
        ]
        if inventory
        else [],
        "year_param": district.year if district else profile.area.division_year,
        "code": district.statcode if district else profile.area.code,
    }


@cached_for_visitors(lambda request, statcode, district_code: page_cache.scopes(statcode))
def district_profile(request, statcode: str, district_code: str):
    """The profile; anonymous visitors get it from the cache while nothing it shows has changed (page_cache.py)."""
    profile = _profile_or_404(statcode, district_code, _year(request))
    context = _context(request, profile)
    municipality = profile.municipality
    return render(
        request,
        "profiles/profile.html",
        {
            "profile": {"name": profile.name},
            "municipality": municipality,
            "code": context["code"],
            "year_param": context["year_param"],
            "profile_body": render_to_string("profiles/_profile_body.html", context, request),
            "breadcrumbs": _crumbs(municipality, (profile.name, None)),
        },
    )


def district_report(request, statcode: str, district_code: str):
    profile = _profile_or_404(statcode, district_code, _year(request))
    context = _context(request, profile)
    context["breadcrumbs"] = _crumbs(profile.municipality, (profile.name, None))
    return render(request, "profiles/report.html", context)


def district_report_pdf(request, statcode: str, district_code: str):
    """The report as PDF, made on the worker: served when ready, else a page that says it is being made and
    refreshes itself (a meta refresh, no JavaScript) until it is. Without a worker it is ready at once."""
    profile = _profile_or_404(statcode, district_code, _year(request))
    context = _context(request, profile)
    html = render(request, "profiles/report.html", {**context, "for_pdf": True}).content.decode()
    code = profile.district.statcode if profile.district else profile.area.code
    report = services.request_report_pdf(
        code=code, division_year=context["year_param"], html=html, base_url=request.build_absolute_uri("/")
    )
    if report.status == ReportStatus.READY:
        response = HttpResponse(bytes(report.pdf), content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="wijkprofiel-{code}.pdf"'
        return response
    context["breadcrumbs"] = _crumbs(
        profile.municipality,
        (profile.name, reverse("profiles:profile", args=[statcode, code]) + f"?jaar={context['year_param']}"),
        (_("Report as PDF"), None),
    )
    pending = report.status == ReportStatus.PENDING
    response = render(
        request,
        "profiles/report_pdf_pending.html",
        {**context, "pending": pending, "again_url": request.get_full_path(), "refresh_seconds": REFRESH_SECONDS},
        status=202 if pending else 200,
    )
    if pending:
        response["Retry-After"] = str(REFRESH_SECONDS)
    return response


def comparison(request, statcode: str):
    municipality = get_object_or_404(Municipality, statcode=statcode)
    choices = selectors.comparison_choices(municipality)
    pairs = [pair for pair, _count in choices]
    key, _sep, group = request.GET.get("indicator", "").partition("|")
    chosen = next(((i, g) for i, g in pairs if i.key == key and g == group), selectors.default_comparison(choices))
    rows, features = [], []
    if chosen:
        indicator, group = chosen
        rows = selectors.comparison(municipality, indicator, group)
        order = request.GET.get("sorteer", "naam")
        if order in ("waarde", "-waarde"):
            present = [r for r in rows if r["summary"]]
            present.sort(key=lambda r: r["summary"].value, reverse=order == "-waarde")
            rows = present + [r for r in rows if not r["summary"]]
        values = [r["summary"].value for r in rows if r["summary"]]
        classes = charts.classes(values)
        for r in rows:
            s = r["summary"]
            r["value"] = findings.figure(s.value if s else None, indicator.unit)
            r["municipality"] = findings.figure(s.municipality_value if s else None, indicator.unit)
            r["class"] = charts.class_of(s.value, classes) if s else None
            if r["district"].boundary:
                features.append(
                    {
                        "type": "Feature",
                        "geometry": r["district"].boundary,
                        "properties": {
                            "name": f"{r['district'].name}: {r['value']}",
                            "class": r["class"],
                            "url": reverse("profiles:profile", args=[statcode, r["district"].statcode]),
                        },
                    }
                )
        legend = [
            (i, findings.figure(low, indicator.unit), findings.figure(high, indicator.unit))
            for i, (low, high) in enumerate(classes)
        ]
    else:
        indicator, legend = None, []
    return render(
        request,
        "profiles/comparison.html",
        {
            "municipality": municipality,
            "breadcrumbs": _crumbs(municipality, (_("Compare wijken"), None)),
            "pairs": pairs,
            "indicator": indicator,
            "group": group if chosen else "",
            "choice": f"{indicator.key}|{group}" if chosen else "",
            "rows": rows,
            "order": request.GET.get("sorteer", "naam"),
            "legend": legend,
            "map_data": {
                "type": "FeatureCollection",
                "features": features,
                "bounds": bounds([f["geometry"] for f in features]) if features else None,
            },
            "tile_url": settings.MAP_TILE_URL,
            "tile_attribution": settings.MAP_TILE_ATTRIBUTION,
        },
    )


def norm_overview(request, statcode: str):
    municipality = get_object_or_404(Municipality, statcode=statcode)
    norms = selectors.norms_of(municipality)
    table = norm_checks.overview([municipality])[municipality.pk]
    return render(
        request,
        "profiles/norms.html",
        {
            "municipality": municipality,
            "breadcrumbs": _crumbs(municipality, (_("Minimum standards"), None)),
            "norms": norms,
            "all_norms": municipality.norms.select_related("indicator"),
            "table": table,
            "may_change": can(request.user, "profiles.change_norms", municipality),
            "has_preset": services.preset_path(municipality) is not None,
        },
    )


def _require(request, rule: str, municipality) -> None:
    if not can(request.user, rule, municipality):
        raise PermissionDenied


def norm_edit(request, statcode: str, pk: int | None = None):
    municipality = get_object_or_404(Municipality, statcode=statcode)
    _require(request, "profiles.change_norms", municipality)
    norm = get_object_or_404(Norm, pk=pk, municipality=municipality) if pk else None
    form = NormForm(request.POST or None, instance=norm)
    if request.method == "POST" and form.is_valid():
        services.save_norm(form, request.user, municipality)
        messages.success(request, _("The minimum standard is saved."))
        return redirect("profiles:norms", statcode)
    return render(
        request,
        "profiles/norm_edit.html",
        {
            "municipality": municipality,
            "form": form,
            "norm": norm,
            "breadcrumbs": _crumbs(
                municipality, (_("Minimum standards"), reverse("profiles:norms", args=[statcode])), (_("Edit"), None)
            ),
        },
    )


@require_POST
def norm_delete(request, statcode: str, pk: int):
    municipality = get_object_or_404(Municipality, statcode=statcode)
    _require(request, "profiles.change_norms", municipality)
    services.delete_norm(get_object_or_404(Norm, pk=pk, municipality=municipality), request.user)
    messages.success(request, _("The minimum standard is removed."))
    return redirect("profiles:norms", statcode)


@require_POST
def norm_preset(request, statcode: str):
    municipality = get_object_or_404(Municipality, statcode=statcode)
    _require(request, "profiles.change_norms", municipality)
    try:
        added, _present = services.apply_preset(municipality, request.user)
    except services.PresetError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("%(added)s norms added from the preset.") % {"added": added})
    return redirect("profiles:norms", statcode)


@idempotent
def agenda_edit(request, statcode: str, district_code: str, pk: int | None = None):
    year = _year(request)
    districts = District.objects.filter(statcode=district_code, municipality__statcode=statcode).select_related(
        "municipality"
    )
    district = (districts.filter(year=year) if year else districts.order_by("-year")).first()
    if district is None:
        raise Http404
    _require(request, "profiles.change_agenda", district.municipality)
    item = get_object_or_404(AgendaItem, pk=pk, district=district) if pk else None
    form = AgendaItemForm(request.POST or None, instance=item)
    profile_url = reverse("profiles:profile", args=[statcode, district_code]) + f"?jaar={district.year}"
    if request.method == "POST" and form.is_valid():
        services.save_agenda_item(form, request.user, district)
        messages.success(request, _("The agenda item is saved."))
        return redirect(profile_url + "#agenda")
    return render(
        request,
        "profiles/agenda_edit.html",
        {
            "municipality": district.municipality,
            "district": district,
            "form": form,
            "item": item,
            "profile_url": profile_url,
            "breadcrumbs": _crumbs(district.municipality, (district.name, profile_url), (_("Sociale agenda"), None)),
        },
    )


@require_POST
def agenda_delete(request, statcode: str, district_code: str, pk: int):
    item = get_object_or_404(
        AgendaItem.objects.select_related("district__municipality"),
        pk=pk,
        district__statcode=district_code,
        district__municipality__statcode=statcode,
    )
    _require(request, "profiles.change_agenda", item.district.municipality)
    services.delete_agenda_item(item, request.user)
    messages.success(request, _("The agenda item is removed."))
    return redirect(reverse("profiles:profile", args=[statcode, district_code]) + f"?jaar={item.district.year}#agenda")
