"""Pages of the policy app: thin — read the request, call a selector or a service, check a rule, render."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from socialebasis.areas.models import District, Municipality
from socialebasis.core.numbers import parse_int
from socialebasis.core.permissions import can

from . import charts, maps, selectors, services
from .forms import (
    AnswerForm,
    ArrowForm,
    AssessmentForm,
    BlockScoreForm,
    BoxForm,
    BuildingBlockForm,
    CheckForm,
    MapForm,
    ParticipantsForm,
    PublicationForm,
    ScoreForm,
    indicator_choices,
)
from .models import Arrow, Box, ChangeMap, Publication

# A map's parts in its addresses: a box (vak) or an arrow (pijl).
PARTS = ("vak", "pijl")


def _municipality(statcode: str) -> Municipality:
    return get_object_or_404(Municipality, statcode=statcode)


def _require(request, rule: str, obj) -> None:
    if not can(request.user, rule, obj):
        raise PermissionDenied


def _crumbs(municipality, *items):
    return [
        (_("Municipalities"), reverse("areas:home")),
        (municipality.name, reverse("areas:municipality", args=[municipality.statcode])),
        (_("Policy and theory of change"), reverse("policy:overview", args=[municipality.statcode])),
        *items,
    ]


def overview(request, statcode: str):
    municipality = _municipality(statcode)
    user = request.user
    checks = list(selectors.checks_visible_to(user).filter(municipality=municipality))
    can_see_toc = can(user, "policy.view_theory_of_change", municipality)
    can_see_quality = can(user, "policy.view_social_quality", municipality)
    if not (checks or can_see_toc or can_see_quality or can(user, "policy.add_check", municipality)):
        raise Http404
    return render(
        request,
        "policy/overview.html",
        {
            "municipality": municipality,
            "checks": checks,
            "can_see_toc": can_see_toc,
            "can_see_quality": can_see_quality,
            "can_add_check": can(user, "policy.add_check", municipality),
            "can_publish": can(user, "policy.change_publication", municipality),
            "breadcrumbs": [*_crumbs(municipality)[:-1], (_("Policy and theory of change"), None)],
        },
    )


# Policy checks ------------------------------------------------------------------------------------------------


def _check_data(form: CheckForm) -> services.CheckData:
    data = form.cleaned_data
    return services.CheckData(
        title=data["title"],
        summary=data["summary"],
        owner=data["owner"],
        target_groups=data.get("target_groups", ""),
        spheres=data.get("spheres", []),
        budget=data.get("budget"),
        districts=form.chosen_districts(),
    )


def check_new(request, statcode: str):
    municipality = _municipality(statcode)
    _require(request, "policy.add_check", municipality)
    from socialebasis.frameworks.selectors import version_in_force

    version = version_in_force(municipality)
    form = CheckForm(
        request.POST or None,
        districts=selectors.current_districts(municipality),
        spheres=version.content.get("spheres", []) if version else [],
    )
    if request.method == "POST" and form.is_valid():
        try:
            check = services.start_check(municipality, _check_data(form), request.user)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The policy check is started. Now answer the questions."))
            return redirect("policy:check-edit", statcode, check.pk)
    return render(
        request,
        "policy/check_new.html",
        {
            "municipality": municipality,
            "form": form,
            "version": version,
            "breadcrumbs": _crumbs(municipality, (_("New policy check"), None)),
        },
    )


def _check_of(request, statcode: str, pk: int, rule: str = "policy.view_check"):
    check = get_object_or_404(selectors.checks_visible_to(request.user), pk=pk, municipality__statcode=statcode)
    _require(request, rule, check)
    return check


def check_detail(request, statcode: str, pk: int):
    check = _check_of(request, statcode, pk)
    return render(request, "policy/check_detail.html", _check_context(request, check, public=False))


def _check_context(request, check, *, public: bool) -> dict:
    items = selectors.questions(check)
    return {
        "municipality": check.municipality,
        "check": check,
        "questions": items,
        "result": selectors.result_of(items),
        "spheres": selectors.sphere_names(check),
        "districts": list(check.districts.order_by("statcode")),
        "versions": list(check.versions.select_related("created_by")[:20]) if not public else [],
        "public": public,
        "can_edit": not public and can(request.user, "policy.change_check", check),
        "share_url": request.build_absolute_uri(reverse("policy:shared-check", args=[check.token])),
        "breadcrumbs": _crumbs(check.municipality, (check.title, None)) if not public else [],
    }


def check_edit(request, statcode: str, pk: int):
    check = _check_of(request, statcode, pk, "policy.change_check")
    version = check.framework_version
    districts = selectors.current_districts(check.municipality)
    choices = indicator_choices()
    initial = {
        "title": check.title,
        "summary": check.summary,
        "districts": [str(pk) for pk in check.districts.values_list("pk", flat=True)],
        "target_groups": check.target_groups,
        "spheres": check.spheres,
        "budget": int(check.budget) if check.budget is not None else None,
        "owner": check.owner,
    }
    data = request.POST or None
    form = CheckForm(data, initial=initial, districts=districts, spheres=version.content.get("spheres", []))
    items = selectors.questions(check)
    answer_forms = [
        (
            item,
            AnswerForm(
                data,
                prefix=item.key,
                indicators=choices,
                existing=item.answer.evidence,
                initial={
                    "answer": item.answer.answer,
                    "explanation": item.answer.explanation,
                    "what_would_help": item.answer.what_would_help,
                },
            ),
        )
        for item in items
    ]
    if request.method == "POST":
        valid = form.is_valid() & all([f.is_valid() for _i, f in answer_forms])
        if valid:
            answers = {
                item.key: {
                    "answer": f.cleaned_data["answer"],
                    "explanation": f.cleaned_data["explanation"],
                    "what_would_help": f.cleaned_data["what_would_help"],
                    "evidence": f.evidence(),
                }
                for item, f in answer_forms
            }
            services.save_check(check, _check_data(form), answers, request.user)
            messages.success(request, _("The policy check is saved as a new version."))
            return redirect("policy:check", statcode, check.pk)
    summary = [
        {"anchor": f[name].auto_id + ("_0" if name == "answer" else ""), "label": item.name, "message": error}
        for item, f in answer_forms
        for name, errors in f.errors.items()
        for error in errors
        if name in f.fields
    ]
    return render(
        request,
        "policy/check_edit.html",
        {
            "municipality": check.municipality,
            "check": check,
            "form": form,
            "answer_forms": answer_forms,
            "summary": summary,
            "breadcrumbs": _crumbs(
                check.municipality,
                (check.title, reverse("policy:check", args=[statcode, check.pk])),
                (_("Change"), None),
            ),
        },
    )


def shared_check(request, token: str):
    """The read-only link: anyone with the link reads the check; nothing can be changed here."""
    from .models import PolicyCheck

    check = get_object_or_404(PolicyCheck.objects.select_related("municipality", "framework_version"), token=token)
    response = render(request, "policy/check_detail.html", _check_context(request, check, public=True))
    response["X-Robots-Tag"] = "noindex"
    response["Referrer-Policy"] = "no-referrer"
    return response


def check_pdf(request, statcode: str, pk: int):
    """The check as PDF for the council (WeasyPrint, like the wijk report)."""
    check = _check_of(request, statcode, pk)
    from .pdf import render_pdf

    html = render_to_string("policy/check_print.html", _check_context(request, check, public=True), request=request)
    pdf = render_pdf(html, base_url=request.build_absolute_uri("/"))
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="beleidstoets-{check.pk}-v{check.version}.pdf"'
    return response


# Theory of change ---------------------------------------------------------------------------------------------


def theory_of_change(request, statcode: str):
    municipality = _municipality(statcode)
    _require(request, "policy.view_theory_of_change", municipality)
    blocks = selectors.blocks_for(municipality)
    assessments = selectors.assessments_of(request.user, municipality)
    rows = selectors.score_table(blocks, assessments)
    years = [a.year for a in assessments]
    latest = assessments[-1] if assessments else None
    return render(
        request,
        "policy/theory_of_change.html",
        {
            "municipality": municipality,
            "blocks": blocks,
            "assessments": assessments,
            "rows": rows,
            "years": years,
            "chart": charts.scores_chart(rows, years),
            "legend": charts.legend(years),
            "summary": (latest.summary if latest and latest.summary else selectors.plain_summary(blocks, assessments)),
            "maps": list(selectors.maps_visible_to(request.user).filter(municipality=municipality)),
            "can_change": can(request.user, "policy.change_theory_of_change", municipality),
            "breadcrumbs": _crumbs(municipality, (_("Theory of change"), None)),
        },
    )


def self_assessment_edit(request, statcode: str, year: int):
    municipality = _municipality(statcode)
    _require(request, "policy.change_theory_of_change", municipality)
    if not 1900 <= year <= 2100:
        raise Http404
    blocks = selectors.blocks_for(municipality)
    existing = municipality.self_assessments.filter(year=year).prefetch_related("scores").first()
    scores = {s.block_id: s for s in existing.scores.all()} if existing else {}
    data = request.POST or None
    choices = indicator_choices()
    form = AssessmentForm(
        data, initial={"participants": existing.participants, "summary": existing.summary} if existing else None
    )
    block_forms = [
        (
            block,
            BlockScoreForm(
                data,
                prefix=f"b{block.pk}",
                indicators=choices,
                existing=scores[block.pk].evidence if block.pk in scores else [],
                initial={"score": scores[block.pk].score, "explanation": scores[block.pk].explanation}
                if block.pk in scores
                else None,
            ),
        )
        for block in blocks
    ]
    if request.method == "POST" and form.is_valid() & all([f.is_valid() for _b, f in block_forms]):
        services.save_self_assessment(
            municipality,
            year,
            participants=form.cleaned_data["participants"],
            summary=form.cleaned_data["summary"],
            scores={
                block.pk: {
                    "score": f.cleaned_data["score"],
                    "explanation": f.cleaned_data["explanation"],
                    "evidence": f.evidence(),
                }
                for block, f in block_forms
            },
            actor=request.user,
        )
        messages.success(request, _("The self-assessment of %(year)s is saved.") % {"year": year})
        return redirect("policy:theory-of-change", statcode)
    return render(
        request,
        "policy/self_assessment_edit.html",
        {
            "municipality": municipality,
            "year": year,
            "form": form,
            "block_forms": block_forms,
            "breadcrumbs": _crumbs(
                municipality,
                (_("Theory of change"), reverse("policy:theory-of-change", args=[statcode])),
                (str(year), None),
            ),
        },
    )


def self_assessment_start(request, statcode: str):
    """Choose the year to assess (a plain GET form)."""
    year = parse_int(request.GET.get("jaar"), 1900, 2100)
    if year is None:
        raise Http404
    return redirect("policy:self-assessment", statcode, year)


def building_block_new(request, statcode: str):
    municipality = _municipality(statcode)
    _require(request, "policy.change_theory_of_change", municipality)
    form = BuildingBlockForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.add_building_block(municipality, actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The building block is added."))
            return redirect("policy:theory-of-change", statcode)
    return render(
        request,
        "policy/simple_form.html",
        {
            "municipality": municipality,
            "form": form,
            "title": _("Add a building block of your own"),
            "back": reverse("policy:theory-of-change", args=[statcode]),
            "breadcrumbs": _crumbs(
                municipality,
                (_("Theory of change"), reverse("policy:theory-of-change", args=[statcode])),
                (_("Add a building block"), None),
            ),
        },
    )


def map_new(request, statcode: str):
    municipality = _municipality(statcode)
    _require(request, "policy.change_theory_of_change", municipality)
    form = MapForm(request.POST or None, districts=selectors.current_districts(municipality))
    if request.method == "POST" and form.is_valid():
        change_map = ChangeMap.objects.create(
            municipality=municipality,
            title=form.cleaned_data["title"],
            district=form.district_objects.get(form.cleaned_data["district"]),
        )
        messages.success(request, _("The map is made. Add its boxes."))
        return redirect("policy:map", statcode, change_map.pk)
    return render(
        request,
        "policy/simple_form.html",
        {
            "municipality": municipality,
            "form": form,
            "title": _("New theory-of-change map"),
            "back": reverse("policy:theory-of-change", args=[statcode]),
            "breadcrumbs": _crumbs(
                municipality,
                (_("Theory of change"), reverse("policy:theory-of-change", args=[statcode])),
                (_("New map"), None),
            ),
        },
    )


def _map_of(request, statcode: str, pk: int) -> ChangeMap:
    return get_object_or_404(selectors.maps_visible_to(request.user), pk=pk, municipality__statcode=statcode)


def map_detail(request, statcode: str, pk: int):
    change_map = _map_of(request, statcode, pk)
    boxes = list(change_map.boxes.prefetch_related("indicators"))
    arrows = list(
        change_map.arrows.select_related("source", "target", "agenda_item").prefetch_related("target__indicators")
    )
    codes = [change_map.district.statcode] if change_map.district else []
    codes.append(change_map.municipality.statcode)
    return render(
        request,
        "policy/map_detail.html",
        {
            "municipality": change_map.municipality,
            "change_map": change_map,
            "svg": maps.draw(change_map, boxes, arrows),
            "columns": [(kind.label, [b for b in boxes if b.kind == kind]) for kind in maps.COLUMNS],
            "arrows": [(arrow, maps.arrow_evidence(arrow, codes)) for arrow in arrows],
            "check": maps.check_map(boxes, arrows),
            "can_change": can(request.user, "policy.change_theory_of_change", change_map.municipality),
            "breadcrumbs": _crumbs(
                change_map.municipality,
                (_("Theory of change"), reverse("policy:theory-of-change", args=[statcode])),
                (change_map.title, None),
            ),
        },
    )


def map_part(request, statcode: str, pk: int, part: str, part_pk: int | None = None):
    if part not in PARTS:
        raise Http404
    change_map = _map_of(request, statcode, pk)
    _require(request, "policy.change_theory_of_change", change_map.municipality)
    model, form_class = (Box, BoxForm) if part == "vak" else (Arrow, ArrowForm)
    instance = get_object_or_404(model, pk=part_pk, change_map=change_map) if part_pk else None
    extra = {"change_map": change_map} if model is Arrow else {}
    form = form_class(request.POST or None, instance=instance, **extra)
    if request.method == "POST" and form.is_valid():
        services.save_map_part(form, request.user, change_map)
        messages.success(request, _("The map is saved."))
        return redirect("policy:map", statcode, change_map.pk)
    if model is Box:
        title = _("Change a box") if instance else _("Add a box")
    else:
        title = _("Change an arrow") if instance else _("Add an arrow")
    return render(
        request,
        "policy/simple_form.html",
        {
            "municipality": change_map.municipality,
            "form": form,
            "title": title,
            "back": reverse("policy:map", args=[statcode, change_map.pk]),
            "delete_url": reverse("policy:map-part-delete", args=[statcode, change_map.pk, part, instance.pk])
            if instance
            else "",
            "breadcrumbs": _crumbs(
                change_map.municipality,
                (change_map.title, reverse("policy:map", args=[statcode, change_map.pk])),
                (title, None),
            ),
        },
    )


@require_POST
def map_part_delete(request, statcode: str, pk: int, part: str, part_pk: int):
    if part not in PARTS:
        raise Http404
    change_map = _map_of(request, statcode, pk)
    _require(request, "policy.change_theory_of_change", change_map.municipality)
    model = Box if part == "vak" else Arrow
    services.delete_map_part(get_object_or_404(model, pk=part_pk, change_map=change_map), request.user)
    messages.success(request, _("Removed from the map."))
    return redirect("policy:map", statcode, change_map.pk)


# Social quality -----------------------------------------------------------------------------------------------


def social_quality(request, statcode: str):
    municipality = _municipality(statcode)
    _require(request, "policy.view_social_quality", municipality)
    conditions, table, year = selectors.social_quality_overview(request.user, municipality)
    return render(
        request,
        "policy/social_quality.html",
        {
            "municipality": municipality,
            "conditions": conditions,
            "table": table,
            "year": year,
            "score_year": timezone.localdate().year,
            "can_change": can(request.user, "policy.change_social_quality", municipality),
            "breadcrumbs": _crumbs(municipality, (_("Social quality per wijk"), None)),
        },
    )


def social_quality_edit(request, statcode: str, district_code: str, year: int):
    municipality = _municipality(statcode)
    _require(request, "policy.change_social_quality", municipality)
    district = District.objects.filter(municipality=municipality, statcode=district_code).order_by("-year").first()
    if district is None or not 1900 <= year <= 2100:
        raise Http404
    conditions = selectors.conditions_for(municipality)
    existing = {s.condition: s for s in district.social_quality.filter(year=year)}
    data = request.POST or None
    choices = indicator_choices()
    people = ParticipantsForm(
        data, initial={"participants": next(iter(existing.values())).participants} if existing else None
    )
    forms = []
    for condition in conditions:
        row = existing.get(condition["key"])
        suggested = selectors.suggested_indicators(condition["key"])
        forms.append(
            (
                condition,
                ScoreForm(
                    data,
                    prefix=condition["key"],
                    indicators=choices,
                    existing=row.evidence if row else [evidence_item(k) for k in suggested if k in dict(choices)],
                    initial={"score": row.score, "explanation": row.explanation} if row else None,
                ),
            )
        )
    if request.method == "POST" and people.is_valid() & all([f.is_valid() for _c, f in forms]):
        scores = {
            c["key"]: {
                "score": f.cleaned_data["score"],
                "explanation": f.cleaned_data["explanation"],
                "evidence": f.evidence(),
            }
            for c, f in forms
            if f.cleaned_data["score"] is not None
        }
        services.save_social_quality(
            district, year, scores, participants=people.cleaned_data["participants"], actor=request.user
        )
        messages.success(request, _("The scores of %(name)s are saved.") % {"name": district.name})
        return redirect("policy:social-quality", statcode)
    return render(
        request,
        "policy/social_quality_edit.html",
        {
            "municipality": municipality,
            "district": district,
            "year": year,
            "people": people,
            "forms": forms,
            "breadcrumbs": _crumbs(
                municipality,
                (_("Social quality per wijk"), reverse("policy:social-quality", args=[statcode])),
                (district.name, None),
            ),
        },
    )


def evidence_item(key: str) -> dict:
    return {"kind": "indicator", "reference": key, "label": ""}


def publication(request, statcode: str):
    municipality = _municipality(statcode)
    _require(request, "policy.change_publication", municipality)
    current = Publication.objects.filter(municipality=municipality).first()
    initial = (
        {
            "policy_checks": current.policy_checks,
            "theory_of_change": current.theory_of_change,
            "social_quality": current.social_quality,
        }
        if current
        else None
    )
    form = PublicationForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.save_publication(municipality, actor=request.user, **form.cleaned_data)
        messages.success(request, _("Your choices are saved."))
        return redirect("policy:overview", statcode)
    return render(
        request,
        "policy/simple_form.html",
        {
            "municipality": municipality,
            "form": form,
            "title": _("What everyone may see"),
            "back": reverse("policy:overview", args=[statcode]),
            "breadcrumbs": _crumbs(municipality, (_("What everyone may see"), None)),
        },
    )
