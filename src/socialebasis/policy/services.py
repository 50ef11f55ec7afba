"""Writes of the policy app: each checks its whole input first, then writes in one transaction with its audit line."""

import json
from dataclasses import dataclass
from pathlib import Path

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from socialebasis.audit.models import Action
from socialebasis.audit.services import record_event
from socialebasis.core.permissions import can
from socialebasis.frameworks import selectors as framework_selectors
from socialebasis.indicators.services import Cell, Definition, store_computed
from socialebasis.profiles import services as profile_services
from socialebasis.profiles.forms import AgendaItemForm
from socialebasis.profiles.models import MunicipalRole, OwnerKind

from . import evidence as evidence_module
from .models import (
    Answer,
    Arrow,
    BlockScore,
    BuildingBlock,
    CheckAnswer,
    CheckVersion,
    PolicyCheck,
    Publication,
    SelfAssessment,
    SocialQualityScore,
)

PRESETS = Path(__file__).resolve().parent / "presets"
SOCIAL_QUALITY_SOURCE = "sociale-kwaliteit"
SOCIAL_QUALITY_THEME = "Sociale kwaliteit"


def _require(actor, rule: str, obj) -> None:
    """`actor=None` is the platform itself (the demo loader, a command), as in the workflows; pages and the API
    always pass the person asking (an anonymous visitor too), never None."""
    if actor is not None and not can(actor, rule, obj):
        raise PermissionDenied


# Policy checks ------------------------------------------------------------------------------------------------


def principles_of(version) -> list[dict]:
    """The questions of a check: the principles of the framework version it uses, in the document's order."""
    return list(version.content.get("principles", [])) if version else []


@dataclass
class CheckData:
    title: str
    summary: str
    owner: str
    target_groups: str = ""
    spheres: list | None = None
    budget: int | None = None
    districts: list | None = None


def _describe(check: PolicyCheck, data: CheckData) -> None:
    check.title, check.summary, check.owner = data.title, data.summary, data.owner
    check.target_groups, check.spheres, check.budget = data.target_groups, data.spheres or [], data.budget


def start_check(municipality, data: CheckData, actor, *, is_demo: bool = False) -> PolicyCheck:
    """A new check with one question per principle of the framework in force today."""
    _require(actor, "policy.add_check", municipality)
    version = framework_selectors.version_in_force(municipality)
    if version is None or not principles_of(version):
        raise ValidationError(_("This municipality has no framework with principles yet."))
    with transaction.atomic():
        check = PolicyCheck(municipality=municipality, framework_version=version, author=actor, is_demo=is_demo)
        _describe(check, data)
        check.save()
        check.districts.set(data.districts or [])
        CheckAnswer.objects.bulk_create(
            CheckAnswer(check_item=check, position=index, principle_key=principle["key"])
            for index, principle in enumerate(principles_of(version))
        )
        keep_version(check, actor)
        record_event(actor, Action.CREATE, check, municipality=municipality.statcode)
    return check


def save_check(check: PolicyCheck, data: CheckData, answers: dict[str, dict], actor) -> PolicyCheck:
    """Save the description and the answers as the next kept version. `answers` maps a principle key to
    {answer, explanation, what_would_help, evidence}; keys the check does not ask about are refused."""
    _require(actor, "policy.change_check", check)
    existing = {a.principle_key: a for a in check.answers.all()}
    unknown = sorted(set(answers) - set(existing))
    if unknown:
        raise ValidationError(
            _("These principles are not part of this check: %(keys)s.") % {"keys": ", ".join(unknown)}
        )
    for values in answers.values():
        if values.get("answer", "") not in ("", *Answer.values):
            raise ValidationError(_("Choose one of the answers for every principle."))
    with transaction.atomic():
        _describe(check, data)
        check.save()
        if data.districts is not None:
            check.districts.set(data.districts)
        for key, values in answers.items():
            answer = existing[key]
            answer.answer = values.get("answer", "")
            answer.explanation = values.get("explanation", "").strip()
            answer.what_would_help = values.get("what_would_help", "").strip()
            answer.evidence = evidence_module.clean(values.get("evidence", []))
            answer.save()
        keep_version(check, actor)
        record_event(actor, Action.UPDATE, check, municipality=check.municipality.statcode)
    return check


def snapshot(check: PolicyCheck) -> dict:
    principles = {p["key"]: p for p in principles_of(check.framework_version)}
    return {
        "title": check.title,
        "summary": check.summary,
        "owner": check.owner,
        "target_groups": check.target_groups,
        "spheres": check.spheres,
        "budget": int(check.budget) if check.budget is not None else None,
        "districts": sorted(check.districts.values_list("statcode", flat=True)),
        "status": check.status,
        "framework_version": check.framework_version.number,
        "answers": [
            {
                "principle": a.principle_key,
                "question": principles.get(a.principle_key, {}).get("name", a.principle_key),
                "answer": a.answer,
                "explanation": a.explanation,
                "what_would_help": a.what_would_help,
                "evidence": a.evidence,
            }
            for a in check.answers.all()
        ],
    }


def keep_version(check: PolicyCheck, actor) -> CheckVersion:
    last = check.versions.order_by("-number").values_list("number", flat=True).first() or 0
    return CheckVersion.objects.create(check_item=check, number=last + 1, content=snapshot(check), created_by=actor)


# The theory of change -----------------------------------------------------------------------------------------


def load_building_blocks() -> int:
    """The shipped building blocks (presets/building_blocks.json, seeds 004 and 001); unchanged ones stay."""
    data = json.loads((PRESETS / "building_blocks.json").read_text(encoding="utf-8"))
    added = 0
    with transaction.atomic():
        for position, block in enumerate(data["blocks"]):
            _row, created = BuildingBlock.objects.update_or_create(
                municipality=None,
                key=block["key"],
                defaults={
                    "name": block["name"],
                    "description": block["description"],
                    "kind": block["kind"],
                    "source": block["source"],
                    "position": position,
                },
            )
            added += created
    return added


def add_building_block(municipality, *, name: str, description: str, kind: str, actor) -> BuildingBlock:
    from django.utils.text import slugify

    _require(actor, "policy.change_theory_of_change", municipality)
    key = slugify(name)[:50] or "blok"
    if BuildingBlock.objects.filter(municipality=municipality, key=key).exists():
        raise ValidationError({"name": _("This municipality already has a building block with this name.")})
    with transaction.atomic():
        position = BuildingBlock.objects.filter(municipality=municipality).count() + 100
        block = BuildingBlock.objects.create(
            municipality=municipality,
            key=key,
            name=name.strip(),
            description=description.strip(),
            kind=kind,
            source=_("own building block of %(name)s") % {"name": municipality.name},
            position=position,
        )
        record_event(actor, Action.CREATE, block, municipality=municipality.statcode)
    return block


def save_self_assessment(
    municipality, year: int, *, participants: str, summary: str, scores: dict[int, dict], actor, is_demo=False
) -> SelfAssessment:
    """The self-assessment of one year: `scores` maps a building block's id to {score, explanation, evidence}."""
    _require(actor, "policy.change_theory_of_change", municipality)
    from .selectors import blocks_for

    blocks = {b.pk: b for b in blocks_for(municipality)}
    errors = {}
    if not participants.strip():
        errors["participants"] = _("Say who took part.")
    for block_id, values in scores.items():
        if block_id not in blocks:
            errors["scores"] = _("Unknown building block.")
        score = values.get("score")
        if score is not None and not (1 <= score <= 5):
            errors[f"score_{block_id}"] = _("Give a score from 1 to 5.")
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        assessment, created = SelfAssessment.objects.update_or_create(
            municipality=municipality,
            year=year,
            defaults={"participants": participants.strip(), "summary": summary.strip(), "is_demo": is_demo},
        )
        if created:
            assessment.created_by = actor
            assessment.save(update_fields=["created_by"])
        for block_id, values in scores.items():
            BlockScore.objects.update_or_create(
                assessment=assessment,
                block=blocks[block_id],
                defaults={
                    "score": values.get("score"),
                    "explanation": values.get("explanation", "").strip(),
                    "evidence": evidence_module.clean(values.get("evidence", [])),
                },
            )
        record_event(actor, Action.CREATE if created else Action.UPDATE, assessment, municipality=municipality.statcode)
    return assessment


def save_map_part(form, actor, change_map):
    """A box or an arrow of a map, from its (validated) form; an arrow with a test date and a wijk puts the test of
    its assumption on that wijk's sociale agenda (through the profiles' own form and service)."""
    _require(actor, "policy.change_theory_of_change", change_map.municipality)
    with transaction.atomic():
        part = form.save(commit=False)
        part.change_map = change_map
        part.save()
        form.save_m2m()
        if isinstance(part, Arrow):
            _sync_agenda(part, actor)
        change_map.save(update_fields=["updated_at"])
        record_event(actor, Action.UPDATE, change_map, municipality=change_map.municipality.statcode)
    return part


def delete_map_part(part, actor) -> None:
    change_map = part.change_map
    _require(actor, "policy.change_theory_of_change", change_map.municipality)
    with transaction.atomic():
        part.delete()
        record_event(actor, Action.UPDATE, change_map, municipality=change_map.municipality.statcode)


def _sync_agenda(arrow: Arrow, actor) -> None:
    district = arrow.change_map.district
    if district is None or arrow.test_by is None:
        return
    form = AgendaItemForm(
        data={
            "title": (_("Test the assumption: %(text)s") % {"text": arrow.assumption})[:200],
            "evidence": _("Assumption in the theory of change '%(map)s': from '%(source)s' to '%(target)s'.")
            % {"map": arrow.change_map.title, "source": arrow.source.title, "target": arrow.target.title},
            "indicators": [i.pk for i in arrow.target.indicators.all()],
            "actions": _("Check whether the assumption still holds, with the figures and the stories of the wijk."),
            "owner_kind": OwnerKind.MUNICIPALITY,
            "owner_name": arrow.change_map.municipality.name,
            "municipal_role": MunicipalRole.SIGNAL,
            "start_date": "",
            "end_date": arrow.test_by.isoformat(),
        },
        instance=arrow.agenda_item,
    )
    if not form.is_valid():
        raise ValidationError(_("The test of this assumption could not be put on the sociale agenda."))
    item = profile_services.save_agenda_item(form, actor, district)
    if arrow.agenda_item_id != item.pk:
        arrow.agenda_item = item
        arrow.save(update_fields=["agenda_item"])


# Social quality -----------------------------------------------------------------------------------------------


def indicator_key(condition: str) -> str:
    return f"sociale_kwaliteit_{condition}"


def save_social_quality(
    district, year: int, scores: dict[str, dict], *, participants: str, actor, is_demo: bool = False
) -> list[SocialQualityScore]:
    """The conditions of social quality of one wijk and year; each score also goes into the indicator store."""
    from .selectors import conditions_for

    _require(actor, "policy.change_social_quality", district.municipality)
    conditions = {c["key"]: c for c in conditions_for(district.municipality)}
    errors = {}
    for key, values in scores.items():
        if key not in conditions:
            errors[key] = _("Unknown condition.")
        elif not isinstance(values.get("score"), int) or not 1 <= values["score"] <= 10:
            errors[f"score_{key}"] = _("Give a score from 1 to 10.")
    if errors:
        raise ValidationError(errors)
    saved = []
    with transaction.atomic():
        for key, values in scores.items():
            row, created = SocialQualityScore.objects.update_or_create(
                district=district,
                year=year,
                condition=key,
                defaults={
                    "score": values["score"],
                    "explanation": values.get("explanation", "").strip(),
                    "evidence": evidence_module.clean(values.get("evidence", [])),
                    "participants": participants.strip(),
                    "is_demo": is_demo,
                },
            )
            if created:
                row.created_by = actor
                row.save(update_fields=["created_by"])
            saved.append(row)
        definitions = [
            Definition(indicator_key(key), f"Sociale kwaliteit: {c['name']}", "score", SOCIAL_QUALITY_THEME, True)
            for key, c in conditions.items()
        ]
        ref = f"sociale kwaliteit {district.statcode} {year}"
        cells = [
            Cell(indicator_key(row.condition), district.statcode, district.year, year, "", float(row.score), ref)
            for row in saved
        ]
        store_computed(SOCIAL_QUALITY_SOURCE, "social-quality", definitions, cells, actor=actor)
        record_event(actor, Action.UPDATE, district, municipality=district.municipality.statcode, social_quality=year)
    return saved


def save_publication(municipality, *, policy_checks: bool, theory_of_change: bool, social_quality: bool, actor):
    _require(actor, "policy.change_publication", municipality)
    with transaction.atomic():
        publication, _created = Publication.objects.update_or_create(
            municipality=municipality,
            defaults={
                "policy_checks": policy_checks,
                "theory_of_change": theory_of_change,
                "social_quality": social_quality,
            },
        )
        record_event(actor, Action.UPDATE, publication, municipality=municipality.statcode)
    return publication
