"""Reads of the policy app, shared by pages and API. Every list goes through `visible()`."""

import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from django.db.models import Q
from django.utils.translation import gettext as _

from socialebasis.areas.models import District
from socialebasis.core.permissions import visible
from socialebasis.frameworks import selectors as framework_selectors

from . import evidence
from .models import Answer, BuildingBlock, ChangeMap, PolicyCheck, SelfAssessment, SocialQualityScore

PRESETS = Path(__file__).resolve().parent / "presets"


def checks_visible_to(user):
    checks = PolicyCheck.objects.select_related("municipality", "framework_version", "author", "reviewer")
    return visible(user, "policy.view_check", checks)


def self_assessments_visible_to(user):
    rows = SelfAssessment.objects.select_related("municipality")
    return visible(user, "policy.view_theory_of_change", rows)


def maps_visible_to(user):
    rows = ChangeMap.objects.select_related("municipality", "district")
    return visible(user, "policy.view_theory_of_change", rows)


def social_quality_visible_to(user):
    rows = SocialQualityScore.objects.select_related("district__municipality")
    return visible(user, "policy.view_social_quality", rows)


# Policy checks ------------------------------------------------------------------------------------------------


@dataclass
class Question:
    key: str
    name: str
    description: str
    source: str
    answer: object  # CheckAnswer
    evidence: list = field(default_factory=list)

    @property
    def answer_label(self) -> str:
        return str(Answer(self.answer.answer).label) if self.answer.answer else _("not answered yet")

    @property
    def at_risk(self) -> bool:
        return self.answer.answer in (Answer.NOT, Answer.PARTLY)


def questions(check: PolicyCheck) -> list[Question]:
    """The check's questions, taken from its own framework version (never from the version in force now)."""
    principles = {p["key"]: p for p in check.framework_version.content.get("principles", [])}
    context = {"area_codes": _area_codes(check)}
    result = []
    for answer in check.answers.all():
        principle = principles.get(answer.principle_key, {})
        result.append(
            Question(
                key=answer.principle_key,
                name=principle.get("name", answer.principle_key),
                description=principle.get("description", ""),
                source=principle.get("source", ""),
                answer=answer,
                evidence=evidence.resolve_all(answer.evidence, context),
            )
        )
    return result


def _area_codes(check: PolicyCheck) -> list[str]:
    codes = list(check.districts.values_list("statcode", flat=True))
    return [*codes, check.municipality.statcode]


@dataclass
class CheckResult:
    at_risk: list[Question]
    unanswered: list[Question]
    meets: list[Question]


def result_of(items: list[Question]) -> CheckResult:
    return CheckResult(
        at_risk=[q for q in items if q.at_risk],
        unanswered=[q for q in items if not q.answer.answer],
        meets=[q for q in items if q.answer.answer == Answer.MEETS],
    )


def sphere_names(check: PolicyCheck) -> list[str]:
    names = {s["key"]: s["name"] for s in check.framework_version.content.get("spheres", [])}
    return [names.get(key, key) for key in check.spheres]


# The theory of change -----------------------------------------------------------------------------------------


def blocks_for(municipality) -> list[BuildingBlock]:
    """The shared building blocks and the municipality's own, in order."""
    if not BuildingBlock.objects.filter(municipality=None).exists():
        from .services import load_building_blocks

        load_building_blocks()
    return list(
        BuildingBlock.objects.filter(Q(municipality=None) | Q(municipality=municipality)).order_by(
            "kind", "position", "name"
        )
    )


def assessments_of(user, municipality) -> list[SelfAssessment]:
    return list(
        self_assessments_visible_to(user)
        .filter(municipality=municipality)
        .prefetch_related("scores__block")
        .order_by("year")
    )


def score_table(blocks, assessments) -> list[dict]:
    """One row per building block, with the score of each year (None where not scored)."""
    by_year = {a.year: {s.block_id: s for s in a.scores.all()} for a in assessments}
    rows = []
    for block in blocks:
        cells = [by_year[a.year].get(block.pk) for a in assessments]
        rows.append({"block": block, "scores": cells})
    return rows


def plain_summary(blocks, assessments) -> str:
    """A short summary in plain Dutch (B1) of the latest year, compared with the year before."""
    if not assessments:
        return ""
    latest = assessments[-1]
    scores = {s.block_id: s.score for s in latest.scores.all() if s.score}
    names = {b.pk: b.name for b in blocks}
    if not scores:
        return _("In %(year)s no building block has a score yet.") % {"year": latest.year}
    high = max(scores.values())
    low = min(scores.values())
    best = [names[k].lower() for k, v in scores.items() if v == high and k in names]
    worst = [names[k].lower() for k, v in scores.items() if v == low and k in names]
    sentences = [
        _("In %(year)s we gave ourselves the highest score (%(score)s out of 5) for: %(blocks)s.")
        % {"year": latest.year, "score": high, "blocks": ", ".join(best)}
    ]
    if low < high:
        sentences.append(
            _("We need to do the most work on: %(blocks)s (%(score)s out of 5).")
            % {"blocks": ", ".join(worst), "score": low}
        )
    if len(assessments) > 1:
        before = {s.block_id: s.score for s in assessments[-2].scores.all() if s.score}
        up = [names[k].lower() for k, v in scores.items() if k in before and v > before[k]]
        down = [names[k].lower() for k, v in scores.items() if k in before and v < before[k]]
        year = assessments[-2].year
        if up:
            sentences.append(_("Better than in %(year)s: %(blocks)s.") % {"year": year, "blocks": ", ".join(up)})
        if down:
            sentences.append(_("Worse than in %(year)s: %(blocks)s.") % {"year": year, "blocks": ", ".join(down)})
        if not up and not down:
            sentences.append(_("The scores are the same as in %(year)s.") % {"year": year})
    return " ".join(sentences)


# Social quality -----------------------------------------------------------------------------------------------


@cache
def _social_quality_preset() -> dict:
    return json.loads((PRESETS / "social_quality.json").read_text(encoding="utf-8"))


def conditions_for(municipality) -> list[dict]:
    """The four conditions: the municipality's own wording when its framework has it (Oss), else the shared one."""
    version = framework_selectors.version_in_force(municipality)
    own = (version.content.get("extra", {}) if version else {}).get("social_quality_conditions")
    if isinstance(own, list) and own and all(isinstance(c, dict) and "key" in c and "name" in c for c in own):
        return own
    return _social_quality_preset()["conditions"]


def suggested_indicators(condition: str) -> list[str]:
    return _social_quality_preset()["suggested_indicators"].get(condition, [])


def current_districts(municipality) -> list[District]:
    year = District.objects.filter(municipality=municipality).order_by("-year").values_list("year", flat=True).first()
    return list(District.objects.filter(municipality=municipality, year=year).order_by("statcode")) if year else []


def social_quality_overview(user, municipality) -> tuple[list[dict], list[dict], int | None]:
    """(conditions, one row per wijk with its scores of the latest year scored, that year)."""
    conditions = conditions_for(municipality)
    rows = social_quality_visible_to(user).filter(district__municipality=municipality)
    year = rows.order_by("-year").values_list("year", flat=True).first()
    scores: dict[tuple[int, str], SocialQualityScore] = {}
    if year:
        scores = {(r.district_id, r.condition): r for r in rows.filter(year=year)}
    table = [
        {"district": d, "scores": [scores.get((d.pk, c["key"])) for c in conditions]}
        for d in current_districts(municipality)
    ]
    return conditions, table, year
