"""The theory-of-change map: its checks (networkx) and its drawing as accessible SVG.

A map reads from inputs through activities and outputs to outcomes and impact. The checks name arrows that make
a circle (a cycle: the map no longer says what causes what) and boxes no arrow touches (loose boxes), and outcomes
with no figure or story tag to show whether they happen.
"""

from dataclasses import dataclass, field

import networkx as nx
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from . import evidence
from .models import BoxKind

COLUMNS = [BoxKind.INPUT, BoxKind.ACTIVITY, BoxKind.OUTPUT, BoxKind.OUTCOME, BoxKind.IMPACT]


@dataclass
class MapCheck:
    cycles: list[list] = field(default_factory=list)  # each a list of boxes
    loose: list = field(default_factory=list)
    outcomes_without_evidence: list = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not (self.cycles or self.loose or self.outcomes_without_evidence)


def graph(boxes, arrows) -> nx.DiGraph:
    g = nx.DiGraph()
    g.add_nodes_from(box.pk for box in boxes)
    g.add_edges_from((arrow.source_id, arrow.target_id) for arrow in arrows)
    return g


def check_map(boxes, arrows) -> MapCheck:
    boxes = list(boxes)
    by_id = {box.pk: box for box in boxes}
    g = graph(boxes, arrows)
    # A bounded number of cycles is enough to show the problem; a large map cannot make this run long.
    cycles = []
    for cycle in nx.simple_cycles(g):
        cycles.append([by_id[pk] for pk in cycle])
        if len(cycles) >= 10:
            break
    loose = [by_id[pk] for pk in nx.isolates(g)]
    without = [
        box for box in boxes if box.kind == BoxKind.OUTCOME and not box.indicators.all() and not box.story_tags.strip()
    ]
    return MapCheck(cycles=cycles, loose=loose, outcomes_without_evidence=without)


def arrow_evidence(arrow, area_codes: list[str]) -> list[evidence.Resolved]:
    """What shows now whether the arrow's assumption holds: the figures and story tags of the box it points to."""
    entries = [evidence.item("indicator", i.key) for i in arrow.target.indicators.all()]
    entries += [evidence.item("story", tag.strip(), tag.strip()) for tag in arrow.target.story_tags.split(",")]
    return evidence.resolve_all(entries, {"area_codes": area_codes})


BOX_W, BOX_H, GAP_X, GAP_Y, TOP = 150, 54, 40, 18, 34


def _wrap(text: str, width: int = 22, lines: int = 2) -> list[str]:
    words, out, line = text.split(), [], ""
    for word in words:
        if len(line) + len(word) + 1 > width and line:
            out.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    out.append(line)
    if len(out) > lines:
        out = out[:lines]
        out[-1] = out[-1][: width - 1] + "…"
    return out


def draw(change_map, boxes, arrows) -> SafeString:
    """The map as SVG, columns from input to impact. Its accessible name says how many boxes and arrows it has; the
    text version beside it (the page's list) gives every box and arrow in words."""
    columns = {kind: [b for b in boxes if b.kind == kind] for kind in COLUMNS}
    rows = max((len(c) for c in columns.values()), default=0) or 1
    width = len(COLUMNS) * (BOX_W + GAP_X) - GAP_X + 10
    height = TOP + rows * (BOX_H + GAP_Y) + 4
    place = {}
    parts = []
    for col, kind in enumerate(COLUMNS):
        x = 5 + col * (BOX_W + GAP_X)
        parts.append(
            format_html(
                '<text x="{}" y="18" font-size="13" font-weight="bold" fill="#000">{}</text>',
                x,
                BoxKind(kind).label.capitalize(),
            )
        )
        for row, box in enumerate(columns[kind]):
            y = TOP + row * (BOX_H + GAP_Y)
            place[box.pk] = (x, y)
            lines = format_html_join(
                "",
                '<tspan x="{}" dy="{}">{}</tspan>',
                ((x + 8, 16 if i == 0 else 15, line) for i, line in enumerate(_wrap(box.title))),
            )
            parts.append(
                format_html(
                    '<rect x="{}" y="{}" width="{}" height="{}" rx="4" fill="#fff" stroke="#24578f" stroke-width="2"/>'
                    '<text x="{}" y="{}" font-size="12" fill="#000">{}</text>',
                    x,
                    y,
                    BOX_W,
                    BOX_H,
                    x + 8,
                    y + 4,
                    lines,
                )
            )
    lines = []
    for arrow in arrows:
        if arrow.source_id not in place or arrow.target_id not in place:
            continue
        (sx, sy), (tx, ty) = place[arrow.source_id], place[arrow.target_id]
        forward = tx > sx
        x1 = sx + BOX_W if forward else sx
        x2 = tx if forward else tx + BOX_W
        lines.append((x1, sy + BOX_H // 2, x2, ty + BOX_H // 2, "" if forward else "5 3"))
    title = _("Theory of change '%(title)s': %(boxes)s boxes and %(arrows)s arrows; see the text version below.") % {
        "title": change_map.title,
        "boxes": len(boxes),
        "arrows": len(arrows),
    }
    return format_html(
        '<svg class="sb-chart sb-toc-map" role="img" viewBox="0 0 {w} {h}" width="{w}" height="{h}">'
        "<title>{title}</title>"
        '<defs><marker id="sb-arrowhead" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" '
        'orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" fill="#333"/></marker></defs>'
        "{arrows}{boxes}</svg>",
        w=width,
        h=height,
        title=title,
        arrows=format_html_join(
            "",
            '<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="#333" stroke-width="1.5" stroke-dasharray="{}" '
            'marker-end="url(#sb-arrowhead)"/>',
            ((a, b, c, d, dash or "none") for a, b, c, d, dash in lines),
        ),
        boxes=SafeString("".join(parts)),
    )
