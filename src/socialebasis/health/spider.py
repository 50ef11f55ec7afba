"""The spider web of a self-check as server-rendered SVG geometry: no script, the same figures as text and table.

Six spokes, one per dimension, from 0 in the middle to 10 at the edge; rings at 2, 4, 6, 8 and 10. The newest
result is a filled shape; an earlier one (to compare) a dashed line. The picture is decoration for the eye: the
page gives every figure as text and in a table, and the SVG has its own title and description.
"""

import math
from dataclasses import dataclass

from .dimensions import DIMENSIONS

SIZE = 360
CENTRE = SIZE / 2
RADIUS = 120
RINGS = (2, 4, 6, 8, 10)


def _point(index: int, value: float) -> tuple[float, float]:
    angle = -math.pi / 2 + index * 2 * math.pi / len(DIMENSIONS)
    r = RADIUS * max(0.0, min(float(value), 10.0)) / 10
    return round(CENTRE + r * math.cos(angle), 1), round(CENTRE + r * math.sin(angle), 1)


def _points(values: list[float]) -> str:
    return " ".join(f"{x},{y}" for x, y in (_point(i, v) for i, v in enumerate(values)))


@dataclass(frozen=True)
class Web:
    size: int
    rings: list[str]
    spokes: list[tuple[float, float]]
    labels: list[dict]
    shape: str
    earlier: str | None
    centre: float


def web(scores: dict, earlier: dict | None = None) -> Web:
    values = [float(scores[d.key]) for d in DIMENSIONS]
    labels = []
    for i, d in enumerate(DIMENSIONS):
        x, y = _point(i, 11.6)
        anchor = "middle" if abs(x - CENTRE) < 5 else ("start" if x > CENTRE else "end")
        labels.append({"x": x, "y": y, "anchor": anchor, "text": d.label, "score": scores[d.key]})
    return Web(
        size=SIZE,
        rings=[_points([ring] * len(DIMENSIONS)) for ring in RINGS],
        spokes=[_point(i, 10) for i in range(len(DIMENSIONS))],
        labels=labels,
        shape=_points(values),
        earlier=_points([float(earlier[d.key]) for d in DIMENSIONS]) if earlier else None,
        centre=CENTRE,
    )
