import json
from collections.abc import Mapping
from dataclasses import asdict

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from socialebasis.areas.models import Municipality
from socialebasis.core.numbers import parse_int
from socialebasis.core.permissions import can
from socialebasis.indicators import catalogue

from . import previews, selectors, services
from .assessment import assess_activity
from .document import FrameworkDocumentError, canonical, content_hash, validate_document
from .editor import SECTION_BY_NAME, FrameworkEditor, rows
from .forms import AssessmentForm, FrameworkEditForm
from .models import Framework, Influence, Verdict

# Headings for the municipality-specific lists under `extra`. Unknown sections get their key as heading.
EXTRA_TITLES = {
    "themes": gettext_lazy("Themes"),
    "municipal_attitude": gettext_lazy("The attitude of the municipality"),
    "value_perspectives": gettext_lazy("Why the sociale basis matters"),
    "transformation": gettext_lazy("Changes in the social domain"),
    "strong_society": gettext_lazy("A strong community"),
    "wijk_process": gettext_lazy("Working per wijk or village"),
    "review_cycle": gettext_lazy("Review"),
    "inclusion_terrains": gettext_lazy("Inclusion: the terrains"),
    "normalising": gettext_lazy("Normalising"),
    "strong_basis_effects": gettext_lazy("What a strong sociale basis brings"),
    "initiative_support": gettext_lazy("Support for initiatives"),
    "wijk_data_sources": gettext_lazy("Sources for a picture of the wijk"),
    "districts": gettext_lazy("Wijken"),
    "values": gettext_lazy("Values"),
    "ownership_roles": gettext_lazy("Who owns it, and the role of the municipality"),
    "social_quality_conditions": gettext_lazy("Conditions of social quality"),
    "policy_principles": gettext_lazy("Policy principles"),
    "ambition_2040": gettext_lazy("Ambition"),
    "council_functions": gettext_lazy("Functions of wijk and village councils"),
    "implementation_agenda": gettext_lazy("Implementation agenda"),
    "programmes": gettext_lazy("Programmes and their result for society"),
    "lines": gettext_lazy("Lines of support"),
    "approach": gettext_lazy("Approach"),
    "participation_tracks": gettext_lazy("Ways to take part"),
    "positive_health_dimensions": gettext_lazy("Dimensions of positive health"),
    "own_strength_concepts": gettext_lazy("Own strength: the words"),
    "strengthening_actions": gettext_lazy("Strengthening the sociale basis"),
}
EXTRA_FIELD_LABELS = {
    "societal_result": gettext_lazy("Result for society"),
    "role": gettext_lazy("Role of the municipality"),
    "order": gettext_lazy("Order"),
}
ROLE_LABELS = {
    "facilitate": gettext_lazy("facilitate, do not take over"),
    "consult": gettext_lazy("ask for input and let residents take part"),
}
_SHOWN_ELSEWHERE = {"key", "name", "term", "description", "explanation", "source", "derived", "step"}


def _municipality(statcode: str) -> Municipality:
    return get_object_or_404(Municipality, statcode=statcode)


def _crumbs(municipality: Municipality, *items: tuple[str, str | None]) -> list[tuple[str, str | None]]:
    return [
        (_("Municipalities"), reverse("areas:home")),
        (municipality.name, reverse("areas:municipality", args=[municipality.statcode])),
        *items,
    ]


def _display_source(source: str, content: Mapping) -> str:
    """Sources cite the seed file; residents see the title of the policy document instead."""
    reference = content.get("document", {})
    if reference.get("file") and reference.get("title"):
        return source.replace(reference["file"], reference["title"])
    return source


def _role_label(logic: Mapping, key: str) -> str:
    if key in logic["outside_if_true"]:
        return _("If yes, the activity falls outside the sociale basis.")
    if key in logic["grey_if_true"]:
        return _("If yes, it is a grey area: a conversation is needed.")
    if key in logic["inside_requires_true"]:
        return _("This must be yes for the activity to belong.")
    if key in logic["inside_requires_any_true"]:
        return _("At least one of these must be yes: %(labels)s.") % {"labels": ", ".join(logic["_any_labels"])}
    return _("Recorded, but does not decide.")


def _item(content: Mapping, title: str, text: str, source: str, *, pairs=(), derived=False) -> dict:
    return {
        "title": title,
        "text": text,
        "pairs": [pair for pair in pairs if pair[1] not in ("", None)],
        "source": _display_source(source, content),
        "derived": derived,
    }


def _named_items(content: Mapping, items: list[Mapping]) -> list[dict]:
    return [_item(content, i["name"], i["description"], i["source"], derived=i.get("derived", False)) for i in items]


def _cited_indicators(content: Mapping, goal: Mapping) -> list[dict]:
    """The figures a goal cites, by their Dutch name in the catalogue (never the code), with the source."""
    return [
        {
            "label": catalogue.label_of(indicator["code"]),
            "source": _display_source(indicator["source"], content),
            "derived": indicator.get("derived", False),
        }
        for indicator in goal.get("indicators", [])
    ]


def _extra_items(content: Mapping, items: list[Mapping]) -> list[dict]:
    result = []
    for item in items:
        pairs = []
        for field, value in item.items():
            if field in _SHOWN_ELSEWHERE:
                continue
            label = EXTRA_FIELD_LABELS.get(field, field.replace("_", " ").capitalize())
            shown = ROLE_LABELS.get(value, value) if field == "role" else value
            pairs.append((label, shown))
        result.append(
            _item(
                content,
                item.get("name") or item.get("term") or item["key"],
                item.get("description") or item.get("explanation") or "",
                item["source"],
                pairs=pairs,
            )
        )
    return result


def framework_sections(content: Mapping) -> list[dict]:
    """The parts of a framework as titled lists of items, in reading order; empty parts left out."""
    logic = dict(content["assessment"]["logic"])
    labels = {c["key"]: c["label"] for c in content["characteristics"]}
    logic["_any_labels"] = [labels[key] for key in logic["inside_requires_any_true"]]
    goal_names = {g["key"]: g["name"] for g in content["goals"]}
    sections = [
        (
            "spheres",
            _("Spheres"),
            _("The parts of the sociale basis, and how much influence the municipality has on each."),
            [
                _item(
                    content,
                    s["name"],
                    s["description"],
                    s["source"],
                    pairs=[
                        (_("Influence of the municipality"), Influence(s["influence"]).label),
                        (_("Explanation"), s.get("influence_explanation", "")),
                    ],
                    derived=s.get("derived", False),
                )
                for s in content["spheres"]
            ],
        ),
        (
            "goals",
            _("Goals"),
            _("An activity belongs to the sociale basis only if it mainly serves at least one of these goals."),
            [
                {**item, "indicators": _cited_indicators(content, goal)}
                for item, goal in zip(_named_items(content, content["goals"]), content["goals"], strict=True)
            ],
        ),
        (
            "characteristics",
            _("Criteria"),
            _("These questions decide whether an activity belongs to the sociale basis."),
            [
                _item(
                    content,
                    c["label"],
                    c.get("explanation", ""),
                    c["source"],
                    pairs=[(_("Question"), c["question"]), (_("Meaning for the check"), _role_label(logic, c["key"]))],
                    derived=c.get("derived", False),
                )
                for c in content["characteristics"]
            ],
        ),
        (
            "conditions",
            _("Necessary conditions"),
            _("What the sociale basis needs in order to exist. These conditions are not part of it themselves."),
            _named_items(content, content["conditions"]),
        ),
        ("principles", _("Principles"), "", _named_items(content, content["principles"])),
        (
            "support_forms",
            _("How the municipality supports"),
            "",
            _named_items(content, content["support_forms"]),
        ),
        (
            "prevention_ladder",
            _("Prevention ladder"),
            _("The steps from prevention for everyone to individual care."),
            [
                _item(content, f"{step['step']}. {step['name']}", step["description"], step["source"])
                for step in sorted(content["prevention_ladder"], key=lambda step: step["step"])
            ],
        ),
        (
            "outside",
            _("What falls outside"),
            _("Falling outside does not mean it is not important."),
            [_item(content, "", i["description"], i["source"]) for i in content["outside"]],
        ),
        (
            "grey_area_terms",
            _("Words and grey areas"),
            "",
            [_item(content, t["term"], t["explanation"], t["source"]) for t in content["grey_area_terms"]],
        ),
        (
            "wijk_conditions",
            _("What every wijk needs"),
            "",
            _named_items(content, content["wijk_conditions"]),
        ),
    ]
    for key, items in content.get("extra", {}).items():
        title = EXTRA_TITLES.get(key, key.replace("_", " ").capitalize())
        sections.append((f"extra-{key}", str(title), "", _extra_items(content, items)))
    sections.append(
        (
            "examples",
            _("Examples"),
            _("Activities from the policy document, with the outcome of the check."),
            [
                _item(
                    content,
                    e["name"],
                    e.get("note", ""),
                    e["source"],
                    pairs=[
                        (_("Outcome"), Verdict(e["expected_verdict"]).label),
                        (_("Goals"), ", ".join(goal_names[g] for g in e["goals"]) or _("none")),
                    ],
                )
                for e in content["examples"]
            ],
        )
    )
    return [
        {"id": key, "title": title, "intro": intro, "items": items} for key, title, intro, items in sections if items
    ]


def framework_detail(request, statcode: str):
    municipality = _municipality(statcode)
    in_force = selectors.version_in_force(municipality)
    version = in_force
    requested = request.GET.get("versie")
    if requested:
        number = parse_int(requested, 1, 999_999_999)
        version = selectors.version_by_number(municipality, number) if number is not None else None
        if version is None:
            raise Http404
    framework = getattr(municipality, "framework", None) or Framework(municipality=municipality)
    content = version.content if version else None
    return render(
        request,
        "frameworks/framework_detail.html",
        {
            "municipality": municipality,
            "version": version,
            "in_force": in_force,
            "content": content,
            "definition_source": _display_source(content["definition"]["source"], content) if content else "",
            "rules_source": _display_source(content["assessment"]["source"], content) if content else "",
            "sections": framework_sections(content) if content else [],
            "versions": list(selectors.versions_of(municipality)),
            "can_change": can(request.user, "frameworks.change_framework", framework),
            "breadcrumbs": _crumbs(municipality, (_("Local framework"), None)),
        },
    )


def assessment(request, statcode: str):
    municipality = _municipality(statcode)
    version = selectors.version_in_force(municipality)
    if version is None:
        raise Http404
    content = version.content
    submitted = AssessmentForm.submit_name in request.GET
    form = AssessmentForm(content, data=request.GET if submitted else None)
    result = None
    if submitted and form.is_valid():
        result = assess_activity(content, form.goals(), form.answers(), version=version.number)
    reasons = []
    if result is not None:
        reasons = [
            {**asdict(r), "source": _display_source(r.source, content)}
            for r in sorted(result.reasons, key=lambda r: not r.decisive)
        ]
    labels = {c["key"]: c["label"] for c in content["characteristics"]}
    return render(
        request,
        "frameworks/assessment.html",
        {
            "municipality": municipality,
            "version": version,
            "content": content,
            "form": form,
            "result": result,
            "reasons": reasons,
            "missing_labels": [labels[key] for key in result.missing] if result else [],
            "breadcrumbs": _crumbs(
                municipality,
                (_("Local framework"), reverse("frameworks:detail", args=[statcode])),
                (_("Does this belong to the sociale basis?"), None),
            ),
        },
    )


def _editable(request, statcode: str) -> Municipality:
    municipality = _municipality(statcode)
    framework = getattr(municipality, "framework", None) or Framework(municipality=municipality)
    if not can(request.user, "frameworks.change_framework", framework):
        raise PermissionDenied
    return municipality


def _base_version(basis_code: str, number: int | None = None):
    """The stored version an edit starts from: a given number, or the latest of that municipality."""
    basis = selectors.municipalities_with_framework().filter(statcode=basis_code).first()
    if basis is None:
        return None
    if number is None:
        return selectors.latest_version(basis)
    return selectors.version_by_number(basis, number)


@login_required
def framework_edit(request, statcode: str):
    """The framework editor with forms: a form per section, a preview of the check, saving makes a version."""
    municipality = _editable(request, statcode)
    bases = list(selectors.municipalities_with_framework())
    current = selectors.version_in_force(municipality)
    preview = None
    show_errors = False
    if request.method == "POST":
        number = parse_int(request.POST.get("basis_version", ""), 1, 999_999_999)
        base_version = _base_version(request.POST.get("basis", ""), number) if number else None
        if base_version is None:
            messages.error(request, _("The version you started from no longer exists. Start again."))
            return redirect("frameworks:edit", statcode=statcode)
        base = services.retarget(canonical(base_version.content), municipality)
        added = request.POST.get("toevoegen", "")
        if added in SECTION_BY_NAME:
            editor = FrameworkEditor.with_added_row(base, request.POST, added)
        else:
            editor = FrameworkEditor(base, request.POST)
            show_errors = True
            if editor.is_valid():
                draft = editor.document()
                try:
                    validated = validate_document(draft)
                except FrameworkDocumentError as exc:
                    editor.add_document_errors(exc)
                    validated = None
                if "opslaan" in request.POST and validated is not None:
                    latest = selectors.latest_version(municipality)
                    if latest is not None and latest.content_hash == content_hash(validated):
                        editor.main.add_error(None, _("Nothing has changed compared with the latest version."))
                    else:
                        version = services.create_version(
                            municipality,
                            validated,
                            valid_from=editor.main.cleaned_data["valid_from"],
                            note=editor.main.cleaned_data["note"],
                            actor=request.user,
                            via="form",
                        )
                        messages.success(
                            request,
                            _("Version %(number)s of the framework is saved.") % {"number": version.number},
                        )
                        return redirect("frameworks:detail", statcode=statcode)
                preview = previews.preview(municipality, draft, current.content if current else None)
    else:
        base_version = _base_version(request.GET.get("basis", statcode))
        if base_version is None and bases:
            base_version = _base_version(bases[0].statcode)
        if base_version is None:
            return redirect("frameworks:edit-json", statcode=statcode)
        base = services.retarget(canonical(base_version.content), municipality)
        editor = FrameworkEditor(
            base,
            initial={"basis": base_version.municipality.statcode, "basis_version": base_version.number},
        )
    summary = editor.summary() if show_errors else []
    return render(
        request,
        "frameworks/framework_form.html",
        {
            "municipality": municipality,
            "editor": editor,
            "sections": rows(editor),
            "examples": list(zip(editor.examples.forms, base.get("examples", []), strict=False)),
            "summary": summary,
            "preview": preview,
            "current": current,
            "base_version": base_version,
            "bases": bases,
            "basis": base_version.municipality.statcode,
            "breadcrumbs": _crumbs(
                municipality,
                (_("Local framework"), reverse("frameworks:detail", args=[statcode])),
                (_("Change"), None),
            ),
        },
    )


@login_required
def framework_edit_json(request, statcode: str):
    """The whole framework as one JSON document, for experts: change it, or import another municipality's."""
    municipality = _editable(request, statcode)
    bases = list(selectors.municipalities_with_framework())
    if request.method == "POST":
        form = FrameworkEditForm(request.POST)
        if form.is_valid():
            try:
                version = services.create_version(
                    municipality,
                    form.cleaned_data["document"],
                    valid_from=form.cleaned_data["valid_from"],
                    note=form.cleaned_data["note"],
                    actor=request.user,
                    via="json",
                )
            except FrameworkDocumentError as exc:
                form.add_error("document", [f"{path}: {message}" for path, message in exc.errors])
            else:
                messages.success(
                    request,
                    _("Version %(number)s of the framework is saved.") % {"number": version.number},
                )
                return redirect("frameworks:detail", statcode=statcode)
    else:
        basis_code = request.GET.get("basis", statcode)
        basis = next((m for m in bases if m.statcode == basis_code), None)
        start = selectors.latest_version(basis) if basis else None
        document = services.retarget(canonical(start.content), municipality) if start else {}
        form = FrameworkEditForm(initial={"document": json.dumps(document, ensure_ascii=False, indent=2)})
    return render(
        request,
        "frameworks/framework_edit.html",
        {
            "municipality": municipality,
            "form": form,
            "bases": bases,
            "basis": request.GET.get("basis", statcode),
            "breadcrumbs": _crumbs(
                municipality,
                (_("Local framework"), reverse("frameworks:detail", args=[statcode])),
                (_("Change"), reverse("frameworks:edit", args=[statcode])),
                (_("As a JSON document"), None),
            ),
        },
    )
