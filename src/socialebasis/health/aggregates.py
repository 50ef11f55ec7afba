"""The wijk figures of positive health: computed only from contributions, published only when safe.

A period (a calendar year) is published only once it is over: figures that still grow would give away, by the
difference between two days, what the last few people contributed. Within a period the wijken of a municipality
are the rows, the three bands of a dimension's score the columns (one table per dimension, all with the same
rows), the municipality the totals; `indicators.suppression.suppress_nested` hides every figure that, alone or
added and subtracted with others, would tell something about fewer than five people. A mean is published only
with its number of people (a mean is a sum divided by that number, so it follows the counts' protection).
Contributions whose wijk is not known count for the municipality but are never shown as a row.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from socialebasis.indicators.suppression import suppress_nested

from .dimensions import BANDS, DIMENSIONS, KEYS, band_of

NOTE = "gespreksinstrument, geen meetinstrument"


@dataclass
class AreaFigures:
    code: str
    name: str
    n: int | None
    means: dict[str, float | None] = field(default_factory=dict)
    bands: dict[str, list[int | None]] = field(default_factory=dict)

    @property
    def published(self) -> bool:
        return self.n is not None

    def shares(self, dimension: str) -> list[float | None]:
        return [
            None if count is None or not self.n else round(100 * count / self.n, 1) for count in self.bands[dimension]
        ]

    @property
    def rows(self) -> list[dict]:
        """Per dimension: label, mean and the bands with count and share, for templates."""
        return [
            {
                "key": d.key,
                "label": d.label,
                "mean": self.means.get(d.key),
                "bands": [
                    {"label": band[1], "count": count, "share": share}
                    for band, count, share in zip(BANDS, self.bands.get(d.key, []), self.shares(d.key), strict=False)
                ],
            }
            for d in DIMENSIONS
        ]


@dataclass
class PeriodFigures:
    period: int
    division_year: int
    municipality: AreaFigures
    districts: list[AreaFigures]


def figures_for(municipality, districts: list, rows_of_scores: list[tuple[int | None, dict]], period: int):
    """`rows_of_scores`: (district id or None, {dimension: score}) per contribution. `districts` are the rows
    (the wijken of one division). Returns PeriodFigures with every unsafe figure None."""
    index = {d.pk: i for i, d in enumerate(districts)}
    unknown = len(districts)
    per_row: dict[int, list[dict]] = defaultdict(list)
    for district_id, scores in rows_of_scores:
        per_row[index.get(district_id, unknown)].append(scores)
    rows = unknown + 1
    tables = []
    for key in KEYS:
        table = [[0] * len(BANDS) for _ in range(rows)]
        for r, scores_list in per_row.items():
            for scores in scores_list:
                table[r][band_of(float(scores[key]))] += 1
        tables.append(table)
    published = suppress_nested(tables, never_shown_rows=frozenset({unknown}))

    def mean(items: list[dict], key: str) -> float:
        total = sum(Decimal(str(s[key])) for s in items)
        return round(float(total / len(items)), 1)

    def area(code, name, n, items, cells_of):
        return AreaFigures(
            code=code,
            name=name,
            n=n,
            means={key: (mean(items, key) if n else None) for key in KEYS},
            bands={key: cells_of(t) for t, key in enumerate(KEYS)},
        )

    everyone = [s for items in per_row.values() for s in items]
    division_year = districts[0].year if districts else 0
    return PeriodFigures(
        period=period,
        division_year=division_year,
        municipality=area(
            municipality.statcode, municipality.name, published.total, everyone, lambda t: published.column_totals[t]
        ),
        districts=[
            area(d.statcode, d.name, published.row_totals[i], per_row.get(i, []), lambda t, i=i: published.cells[t][i])
            for i, d in enumerate(districts)
        ],
    )
