"""Results of a survey per question and wijk, with the same protection as the positive-health figures: every
figure that alone or added and subtracted with others would tell something about fewer than five people is hidden
(`indicators.suppression.suppress_nested`). The suppression is worked out over all wijken at once and only then
narrowed to one wijk, so a narrowed view never differs from the whole in a way that gives a cell away."""

import csv
import io
from collections import defaultdict
from dataclasses import dataclass

from django.utils import timezone

from socialebasis.areas.models import District
from socialebasis.indicators.suppression import suppress_nested

from .models import Answer, Question, QuestionKind, Survey


@dataclass
class AreaCounts:
    code: str
    name: str
    n: int | None
    counts: list[int | None]

    @property
    def cells(self) -> list[dict]:
        return [
            {"count": c, "share": None if c is None or not self.n else round(100 * c / self.n, 1)} for c in self.counts
        ]


@dataclass
class QuestionResult:
    question: Question
    options: list[str]
    areas: list[AreaCounts]
    total: AreaCounts


def rows_of(survey: Survey) -> list[District]:
    if survey.district_id:
        return [survey.district]
    return list(District.objects.of_year(None).filter(municipality=survey.municipality).order_by("statcode"))


def are_published(survey: Survey, today=None) -> bool:
    """Results are published once the survey has closed, and it takes no answer after that (ADR 0042): figures
    that changed while answers came in would give one person's answer away to whoever compares them over time,
    however well each figure is suppressed."""
    return (today or timezone.localdate()) > survey.closes_on


def question_results(survey: Survey, district_code: str | None = None) -> list[QuestionResult]:
    """The published results (none while the survey is open)."""
    if not are_published(survey):
        return []
    districts = rows_of(survey)
    index = {d.pk: i for i, d in enumerate(districts)}
    unknown = len(districts)
    answers = defaultdict(list)
    rows = Answer.objects.filter(response__survey=survey).values_list("question_id", "response__district_id", "choices")
    for question_id, district_id, choices in rows:
        answers[question_id].append((index.get(district_id, unknown), choices or []))
    found = []
    for question in survey.questions.exclude(kind=QuestionKind.OPEN).order_by("position"):
        keys = [o["key"] for o in question.options]
        if question.kind == QuestionKind.MULTIPLE:
            tables = []
            for key in keys:
                table = [[0, 0] for _ in range(unknown + 1)]
                for row, choices in answers[question.pk]:
                    table[row][0 if key in choices else 1] += 1
                tables.append(table)
            published = suppress_nested(tables, never_shown_rows=frozenset({unknown}))
            counts_of = [[published.cells[t][r][0] for t in range(len(keys))] for r in range(unknown)]
            total_counts = [published.column_totals[t][0] for t in range(len(keys))]
        else:
            table = [[0] * len(keys) for _ in range(unknown + 1)]
            for row, choices in answers[question.pk]:
                if choices and choices[0] in keys:
                    table[row][keys.index(choices[0])] += 1
            published = suppress_nested([table], never_shown_rows=frozenset({unknown}))
            counts_of = [published.cells[0][r] for r in range(unknown)]
            total_counts = published.column_totals[0]
        areas = [
            AreaCounts(d.statcode, d.name, published.row_totals[i], counts_of[i])
            for i, d in enumerate(districts)
            if district_code is None or d.statcode == district_code
        ]
        total = AreaCounts(survey.municipality.statcode, survey.municipality.name, published.total, total_counts)
        found.append(QuestionResult(question, [o["label"] for o in question.options], areas, total))
    return found


def _cell(value):
    """A spreadsheet must not read a text as a formula (=, +, -, @, a tab or a carriage return at the start: OWASP's
    list for CSV injection)."""
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def as_csv(results: list[QuestionResult]) -> str:
    """The same figures as the page, one line per question, option and area; a hidden figure is empty."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow(["vraag", "tekst", "antwoord", "gebied", "naam", "aantal", "deelnemers"])
    for result in results:
        for area in (*result.areas, result.total):
            for label, count in zip(result.options, area.counts, strict=True):
                row = [result.question.key, result.question.text, label, area.code, area.name]
                writer.writerow([*map(_cell, row), "" if count is None else count, "" if area.n is None else area.n])
    return out.getvalue()
