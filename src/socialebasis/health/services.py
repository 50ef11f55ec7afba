"""Writes of positive health: a resident's own self-check, a contribution to the wijk figures, deleting one's
results, publishing a closed period as indicator values, and the dimension-to-goal mapping."""

import json
from decimal import Decimal
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from socialebasis.areas.models import District, Municipality
from socialebasis.audit.models import Action
from socialebasis.audit.services import record_event
from socialebasis.core.permissions import can
from socialebasis.indicators.models import Unit
from socialebasis.indicators.services import Cell, Definition, ImportReport, store_computed

from . import selectors
from .aggregates import NOTE
from .dimensions import BANDS, DIMENSIONS, KEYS, STATEMENT_KEYS, scores_of
from .models import Contribution, GoalMapping, SelfCheck

PRESETS = Path(__file__).resolve().parent / "presets"
SOURCE_KEY = "zelftest-positieve-gezondheid"
THEME = "Positieve gezondheid (zelftest)"


class HealthError(ValueError):
    """Input that cannot be used; the message is Dutch."""


def _checked_answers(answers: dict) -> dict[str, int]:
    if set(answers) != set(STATEMENT_KEYS) or any(
        not isinstance(v, int) or isinstance(v, bool) or not 0 <= v <= 10 for v in answers.values()
    ):
        raise HealthError("Geef bij elke uitspraak een cijfer van 0 tot en met 10.")
    return {key: answers[key] for key in STATEMENT_KEYS}


def save_self_check(owner, answers: dict, talk_about: list[str]) -> SelfCheck:
    """Keep a self-check in the resident's own account (signed-in residents only)."""
    if not owner.is_authenticated:
        raise HealthError("Log in om je uitslag te bewaren.")
    answers = _checked_answers(answers)
    talk_about = [key for key in KEYS if key in set(talk_about)]
    with transaction.atomic():
        check = SelfCheck.objects.create(owner=owner, answers=answers, scores=scores_of(answers), talk_about=talk_about)
        # The audit line says that a self-check was kept, never what is in it.
        record_event(owner, Action.CREATE, check)
    return check


def contribute(
    municipality: Municipality, district: District | None, scores: dict, *, is_demo: bool = False, period=None
):
    """Add six scores to the wijk figures of this year. Nothing that points at the person is kept: no account, no
    self-check, no time but the year, no audit line with a name (ADR 0042). `period` is for the demo's earlier
    years only; a resident always contributes to the running year."""
    if set(scores) != set(KEYS) or any(not 0 <= float(v) <= 10 for v in scores.values()):
        raise HealthError("De uitslag is niet compleet.")
    if district is not None and district.municipality_id != municipality.pk:
        raise HealthError("Deze wijk hoort niet bij de gemeente.")
    with transaction.atomic():
        return Contribution.objects.create(
            municipality=municipality,
            district=district,
            period=period or timezone.localdate().year,
            is_demo=is_demo,
            **{key: Decimal(str(round(float(scores[key]), 1))) for key in KEYS},
        )


def delete_self_checks(user, check: SelfCheck | None = None) -> int:
    """Delete one of the resident's own self-checks, or all of them. A contribution already given stays: it cannot
    be found back, which is what keeps it anonymous."""
    with transaction.atomic():
        if check is not None:
            if not can(user, "health.delete_selfcheck", check):
                raise HealthError("Je kunt alleen je eigen uitslag verwijderen.")
            record_event(user, Action.DELETE, check)
            check.delete()
            return 1
        mine = selectors.own_checks(user)
        count = mine.count()
        if count:
            record_event(user, Action.DELETE, object_type="health.selfcheck", object_id="alle", count=count)
            mine.delete()
        return count


# Publishing a closed period as indicator values -----------------------------------------------------------------


def indicator_key(dimension: str, suffix: str = "") -> str:
    return f"ZelftestPositieveGezondheid{dimension.capitalize()}{suffix}"


RESPONDENTS = "ZelftestPositieveGezondheidAantal"
DEFINITIONS = [
    Definition(RESPONDENTS, "Zelftest positieve gezondheid: aantal deelnemers", Unit.COUNT, THEME),
    *[
        Definition(indicator_key(d.key), f"Zelftest: {d.label} (gemiddelde 0-10)", Unit.SCORE, THEME, True)
        for d in DIMENSIONS
    ],
    *[
        Definition(indicator_key(d.key, "Verdeling"), f"Zelftest: {d.label} (verdeling)", Unit.PERCENT, THEME)
        for d in DIMENSIONS
    ],
]


def publish_period(period: int, *, actor=None) -> ImportReport | None:
    """Store the figures of a closed year for every municipality with contributions, through the indicator store
    (profile, comparison and norms then use them). Suppressed figures are stored as "not published"."""
    if period >= timezone.localdate().year:
        raise HealthError("Een periode wordt pas gepubliceerd als die voorbij is.")
    cells: list[Cell] = []
    ref = f"zelftest positieve gezondheid {period} ({NOTE})"
    for municipality in selectors.municipalities_with_contributions(period):
        figures = selectors.period_figures(municipality, period)
        if figures is None:
            continue
        for area in (figures.municipality, *figures.districts):
            cells.append(Cell(RESPONDENTS, area.code, figures.division_year, period, "", _f(area.n), ref))
            for d in DIMENSIONS:
                mean = area.means.get(d.key)
                cells.append(Cell(indicator_key(d.key), area.code, figures.division_year, period, "", mean, ref))
                for band, share in zip(BANDS, area.shares(d.key), strict=True):
                    cells.append(
                        Cell(
                            indicator_key(d.key, "Verdeling"),
                            area.code,
                            figures.division_year,
                            period,
                            f"cijfer {band[1]}",
                            share,
                            ref,
                        )
                    )
    if not cells:
        return None
    return store_computed(SOURCE_KEY, "health-self-check", DEFINITIONS, cells, actor=actor)


def _f(n: int | None) -> float | None:
    return None if n is None else float(n)


# Dimension -> framework goals ------------------------------------------------------------------------------------


def set_goal_mapping(municipality: Municipality, dimension: str, goals: list[str], *, actor=None) -> GoalMapping:
    if dimension not in KEYS:
        raise HealthError("Onbekende dimensie.")
    with transaction.atomic():
        mapping, _created = GoalMapping.objects.update_or_create(
            municipality=municipality, dimension=dimension, defaults={"goals": list(goals)}
        )
        record_event(actor, Action.UPDATE, mapping, municipality=municipality.statcode, goals=list(goals))
    return mapping


def apply_goal_presets(municipality: Municipality, *, actor=None) -> int:
    """The mapping of `presets/<statcode>.json` (or the general one), for dimensions not mapped yet."""
    path = PRESETS / f"{municipality.statcode}.json"
    if not path.exists():
        path = PRESETS / "default.json"
    document = json.loads(path.read_text(encoding="utf-8"))
    added = 0
    with transaction.atomic():
        for dimension, goals in document["goals"].items():
            if not GoalMapping.objects.filter(municipality=municipality, dimension=dimension).exists():
                set_goal_mapping(municipality, dimension, goals, actor=actor)
                added += 1
    return added
