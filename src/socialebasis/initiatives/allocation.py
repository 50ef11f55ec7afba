"""Dividing a fund's budget over the wijken by need: "ongelijk investeren voor gelijke kansen" (seed 001 §5.2).

The formula, published on the fund's allocation page and by `GET /api/v1/funds/{id}/allocation`:

1. Every wijk gets the base share `b`. The rest `R = total - b * n` (n wijken) is divided by need.
2. For every chosen indicator k with weight w_k, a wijk's ratio is its value divided by the mean of the wijken that
   have a value: `r_ik = x_ik / mean_k`. A wijk without a value counts as the mean (ratio 1) and is marked so.
   An indicator where a higher value means *less* need (none of the presets) is not offered.
3. The need score is the weighted mean of the ratios: `s_i = Σ_k w_k * r_ik / Σ_k w_k`.
4. A wijk's share of the rest is `R * s_i / Σ_j s_j`, rounded down to whole euros; the euros left over go one each to
   the wijken with the largest remainders (ties: the lowest CBS code first). So the amounts add up exactly to the
   total.

`divide` is a pure function of numbers, so a test (and anyone with the published terms) can recompute it.
"""

from dataclasses import dataclass, field
from math import floor


class AllocationError(ValueError):
    """Terms that cannot be divided; the message is Dutch and meant for the form."""


@dataclass
class Row:
    code: str
    name: str
    values: dict[str, float | None]
    ratios: dict[str, float] = field(default_factory=dict)
    score: float = 0.0
    base: int = 0
    need_share: int = 0

    @property
    def amount(self) -> int:
        return self.base + self.need_share


def divide(total: int, base_share: int, weights: dict[str, float], rows: list[Row]) -> list[Row]:
    """Fill in ratios, score and amounts of `rows` (in place) and return them, sorted by code."""
    if not rows:
        raise AllocationError("Er zijn geen wijken om over te verdelen.")
    if total < 0 or base_share < 0:
        raise AllocationError("Bedragen kunnen niet negatief zijn.")
    rest = total - base_share * len(rows)
    if rest < 0:
        raise AllocationError(
            f"Het basisbedrag is te hoog: {len(rows)} wijken * € {base_share} is meer dan het budget van € {total}."
        )
    active = {key: w for key, w in weights.items() if w > 0}
    rows = sorted(rows, key=lambda r: r.code)
    means = {}
    for key in active:
        present = [r.values.get(key) for r in rows if r.values.get(key) is not None]
        mean = sum(present) / len(present) if present else 0.0
        means[key] = mean
    weight_sum = sum(active.values())
    for row in rows:
        row.ratios = {}
        for key in active:
            value = row.values.get(key)
            row.ratios[key] = 1.0 if value is None or means[key] == 0 else value / means[key]
        row.score = sum(active[k] * row.ratios[k] for k in active) / weight_sum if weight_sum else 1.0
        row.base = base_share
    score_sum = sum(r.score for r in rows)
    exact = [rest * r.score / score_sum if score_sum > 0 else rest / len(rows) for r in rows]
    floors = [floor(x) for x in exact]
    left = rest - sum(floors)
    order = sorted(range(len(rows)), key=lambda i: (-(exact[i] - floors[i]), rows[i].code))
    for i in order[:left]:
        floors[i] += 1
    for row, share in zip(rows, floors, strict=True):
        row.need_share = share
    return rows
