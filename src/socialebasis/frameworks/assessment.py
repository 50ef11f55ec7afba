"""The afbakeningskader: does an activity belong to a municipality's sociale basis?

Pure functions over a framework document (its schema is in `document.py`; docs/frameworks.md explains the
rules and each preset's reading of its seed). No database and no request: pages, API, CLI and tests all
call `assess_activity`.

The rule, with the keys of `assessment.logic` (Vijfheerenlanden's wording in seed 001 §1.2 and Bijlage 2):

1. No primary goal → `no_goal` (outside in all four presets: "primair bijdraagt aan ...").
2. Any characteristic in `outside_if_true` that holds → outside, whatever else is unknown
   (d, e, f: "rekenen we niet tot de sociale basis").
3. Inside only when the known answers alone prove it: every `inside_requires_true` holds, at least one of
   `inside_requires_any_true` holds, and every `outside_if_true` and `grey_if_true` is known not to hold.
4. Everything else is grey: a conversation is needed (001 §1.4, Bijlage 3), and the result names the
   unknown answers that could change the verdict.

An unknown answer to any criterion the rules use therefore never yields inside, not even one that the other
answers make irrelevant (with "reciprocity" true, "mainly volunteers" unknown still gives grey): the product
decision is that inside needs a complete answer, and grey lists exactly what is missing.
"""

from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass
from enum import StrEnum
from typing import Any

from django.utils.translation import gettext as _

Answer = bool | None


class Verdict(StrEnum):
    INSIDE = "inside"
    GREY = "grey"
    OUTSIDE = "outside"


class Outcome(StrEnum):
    MET = "met"  # a goal the activity serves, or a required characteristic that holds
    NOT_MET = "not_met"  # no goal at all, or a required characteristic that does not hold
    EXCLUDES = "excludes"  # an exclusion that holds
    MAKES_GREY = "makes_grey"  # a grey-area characteristic that holds
    CLEAR = "clear"  # an exclusion or grey-area characteristic that does not hold
    UNKNOWN = "unknown"  # answered "don't know"
    RECORDED = "recorded"  # indicative only: recorded, never decides


class UnknownCriteria(ValueError):
    """Goals or characteristics that the framework does not have."""

    def __init__(self, goals: list[str], characteristics: list[str]):
        self.goals = goals
        self.characteristics = characteristics
        super().__init__(f"unknown goals {goals}, unknown characteristics {characteristics}")


@dataclass(frozen=True)
class Reason:
    criterion: str
    kind: str  # "goal" or "characteristic"
    label: str
    effect: str
    answer: Answer
    outcome: Outcome
    decisive: bool
    source: str
    explanation: str


@dataclass(frozen=True)
class AssessmentResult:
    verdict: Verdict
    reasons: list[Reason]
    sphere: dict[str, str] | None
    missing: list[str]
    framework_version: int | None

    def as_dict(self) -> dict[str, Any]:
        return {
            "verdict": str(self.verdict),
            "reasons": [{**asdict(r), "outcome": str(r.outcome)} for r in self.reasons],
            "sphere": self.sphere,
            "framework_version": self.framework_version,
            "missing": list(self.missing),
        }


def criteria_keys(framework: Mapping) -> tuple[list[str], list[str]]:
    """The goal keys and the characteristic keys of a framework, in the framework's order."""
    return [g["key"] for g in framework["goals"]], [c["key"] for c in framework["characteristics"]]


def _role(logic: Mapping, key: str) -> str:
    for role in ("outside_if_true", "grey_if_true", "inside_requires_true", "inside_requires_any_true"):
        if key in logic.get(role, []):
            return role
    return "indicative"


_OUTCOME_BY_ROLE: dict[str, dict[Answer, Outcome]] = {
    "outside_if_true": {True: Outcome.EXCLUDES, False: Outcome.CLEAR, None: Outcome.UNKNOWN},
    "grey_if_true": {True: Outcome.MAKES_GREY, False: Outcome.CLEAR, None: Outcome.UNKNOWN},
    "inside_requires_true": {True: Outcome.MET, False: Outcome.NOT_MET, None: Outcome.UNKNOWN},
    "inside_requires_any_true": {True: Outcome.MET, False: Outcome.NOT_MET, None: Outcome.UNKNOWN},
}


def assess_activity(
    framework: Mapping,
    goals: Iterable[str],
    answers: Mapping[str, Answer],
    *,
    version: int | None = None,
) -> AssessmentResult:
    """Judge one activity against one framework document.

    `goals` are the keys of the goals the activity *primarily* serves; `answers` maps characteristic keys
    to True, False or None (unknown). A characteristic without an answer counts as unknown.
    """
    goal_by_key = {g["key"]: g for g in framework["goals"]}
    characteristic_by_key = {c["key"]: c for c in framework["characteristics"]}
    chosen = list(dict.fromkeys(goals))
    unknown_goals = [key for key in chosen if key not in goal_by_key]
    unknown_characteristics = [key for key in answers if key not in characteristic_by_key]
    if unknown_goals or unknown_characteristics:
        raise UnknownCriteria(unknown_goals, unknown_characteristics)
    for key, value in answers.items():
        if value is not None and not isinstance(value, bool):
            raise TypeError(f"answer for {key!r} must be True, False or None, not {value!r}")

    answer: dict[str, Answer] = {key: answers.get(key) for key in characteristic_by_key}
    logic = framework["assessment"]["logic"]
    excluding = list(logic.get("outside_if_true", []))
    greying = list(logic.get("grey_if_true", []))
    required = list(logic.get("inside_requires_true", []))
    any_of = list(logic.get("inside_requires_any_true", []))

    exclusions = [key for key in excluding if answer[key] is True]
    missing: list[str] = []

    if not chosen and logic.get("no_goal", "outside") == "outside":
        verdict = Verdict.OUTSIDE
        decisive = {"goals", *exclusions}
    elif exclusions:
        verdict = Verdict.OUTSIDE
        decisive = set(exclusions)
    else:
        blockers = [key for key in greying if answer[key] is True]
        blockers += [key for key in required if answer[key] is False]
        if any_of and all(answer[key] is False for key in any_of):
            blockers += any_of
        if not chosen:
            blockers.append("goals")
        # Any unknown answer to a criterion the rules use keeps it grey, even one that could not change the
        # outcome (reciprocity yes, volunteers unknown): the product decision for 001 Bijlage 2 is
        # that inside needs every answer known, and grey names what is missing.
        unknown = [key for key in (*excluding, *greying, *required, *any_of) if answer[key] is None]
        order = list(characteristic_by_key)
        missing = sorted(set(unknown), key=order.index)
        if not blockers and not missing:
            verdict = Verdict.INSIDE
            decisive = {*chosen, *excluding, *greying, *required}
            decisive |= {key for key in any_of if answer[key] is True}
        else:
            verdict = Verdict.GREY
            decisive = {*blockers, *missing}

    reasons = _goal_reasons(framework, chosen, goal_by_key, decisive)
    for key, characteristic in characteristic_by_key.items():
        role = _role(logic, key)
        outcome = _OUTCOME_BY_ROLE[role][answer[key]] if role in _OUTCOME_BY_ROLE else Outcome.RECORDED
        reasons.append(
            Reason(
                criterion=key,
                kind="characteristic",
                label=characteristic["label"],
                effect=characteristic["effect"],
                answer=answer[key],
                outcome=outcome,
                decisive=key in decisive,
                source=characteristic["source"],
                explanation=characteristic.get("explanation", ""),
            )
        )
    sphere = None if verdict == Verdict.OUTSIDE else suggest_sphere(framework, answer)
    return AssessmentResult(verdict, reasons, sphere, missing, version)


def _goal_reasons(framework: Mapping, chosen: list[str], goal_by_key: Mapping, decisive: set) -> list[Reason]:
    if not chosen:
        return [
            Reason(
                criterion="goals",
                kind="goal",
                label=_("Primary goal"),
                effect="include",
                answer=False,
                outcome=Outcome.NOT_MET,
                decisive="goals" in decisive,
                source=framework["assessment"]["source"],
                explanation=_("The activity does not primarily serve any of the goals of this framework."),
            )
        ]
    return [
        Reason(
            criterion=key,
            kind="goal",
            label=goal_by_key[key]["name"],
            effect="include",
            answer=True,
            outcome=Outcome.MET,
            decisive=key in decisive,
            source=goal_by_key[key]["source"],
            explanation=goal_by_key[key].get("description", ""),
        )
        for key in chosen
    ]


def suggest_sphere(framework: Mapping, answer: Mapping[str, Answer]) -> dict[str, str] | None:
    """The first of the framework's `sphere_rules` whose answers all match; None when none does."""
    spheres = {s["key"]: s for s in framework["spheres"]}
    for rule in framework["assessment"]["logic"].get("sphere_rules", []):
        if all(answer.get(key) is expected for key, expected in rule["when"].items()):
            sphere = spheres[rule["sphere"]]
            return {
                "key": sphere["key"],
                "name": sphere["name"],
                "influence": sphere["influence"],
                "source": rule["source"],
            }
    return None
