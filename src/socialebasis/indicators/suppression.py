"""Small-cell suppression for figures computed from our own respondents (surveys, health checks).

Rules, applied to one table of counts (cells plus their total):

1. Primary: a cell with fewer than `MIN_CELL` (5) respondents is suppressed.
2. Complementary: if a line (the cells that add up to one total) has exactly one suppressed cell, the total
   and the other cells would give it away, so the smallest other non-zero cell of that line is suppressed
   too. If no other cell can be suppressed, the total itself is suppressed. In a two-way table this is done
   for rows and columns until nothing changes.
3. Published counts are rounded to the nearest multiple of `ROUND_TO` (5); the total is rounded on its own,
   never computed from rounded cells. Percentages are computed from the unrounded counts of published cells.

A suppressed cell is `None` in the output; a zero is a real zero (nobody), which gives nothing away.
"""

from dataclasses import dataclass

MIN_CELL = 5
ROUND_TO = 5


def round_count(n: int, base: int = ROUND_TO) -> int:
    """Round half up to a multiple of `base` (12 -> 10, 13 -> 15)."""
    return int((n + base / 2) // base * base)


def _is_small(n: int) -> bool:
    return 0 < n < MIN_CELL


@dataclass(frozen=True)
class SuppressedLine:
    cells: tuple[int | None, ...]
    total: int | None
    suppressed: frozenset[int]

    @property
    def is_complete(self) -> bool:
        return not self.suppressed and self.total is not None


def _complementary(counts: list[int], hidden: set[int]) -> tuple[set[int], bool]:
    """Add cells to `hidden` so no hidden cell can be derived from the total; return (hidden, hide total)."""
    hidden = set(hidden)
    if len(hidden) == 1:
        candidates = [i for i, n in enumerate(counts) if i not in hidden and n > 0]
        if candidates:
            hidden.add(min(candidates, key=lambda i: (counts[i], i)))
        else:
            return hidden, True
    return hidden, False


def suppress_line(counts: list[int], *, round_output: bool = True) -> SuppressedLine:
    """Suppress and round one line of counts (for example respondents per answer) with its total."""
    if any(n < 0 for n in counts):
        raise ValueError("Counts cannot be negative.")
    hidden = {i for i, n in enumerate(counts) if _is_small(n)}
    hidden, hide_total = _complementary(counts, hidden)
    total = sum(counts)
    if _is_small(total):
        hide_total, hidden = True, {i for i, n in enumerate(counts) if n > 0}
    show = round_count if round_output else (lambda n: n)
    return SuppressedLine(
        cells=tuple(None if i in hidden else show(n) for i, n in enumerate(counts)),
        total=None if hide_total else show(total),
        suppressed=frozenset(hidden),
    )


def suppress_table(table: list[list[int]], *, round_output: bool = True) -> dict:
    """Two-way table (rows x columns) with row, column and grand totals. Returns the published table:
    `cells` (None = suppressed), `row_totals`, `column_totals`, `total`."""
    if not table or not table[0]:
        return {"cells": [], "row_totals": [], "column_totals": [], "total": None}
    width = len(table[0])
    if any(len(row) != width for row in table):
        raise ValueError("All rows need the same number of cells.")
    if any(n < 0 for row in table for n in row):
        raise ValueError("Counts cannot be negative.")
    hidden = {(r, c) for r, row in enumerate(table) for c, n in enumerate(row) if _is_small(n)}
    hidden_row_totals: set[int] = set()
    hidden_column_totals: set[int] = set()
    changed = True
    while changed:
        changed = False
        for r, row in enumerate(table):
            line_hidden = {c for c in range(width) if (r, c) in hidden}
            new, hide_total = _complementary(row, line_hidden)
            if new != line_hidden:
                hidden |= {(r, c) for c in new}
                changed = True
            if hide_total and r not in hidden_row_totals:
                hidden_row_totals.add(r)
                changed = True
        for c in range(width):
            column = [table[r][c] for r in range(len(table))]
            line_hidden = {r for r in range(len(table)) if (r, c) in hidden}
            new, hide_total = _complementary(column, line_hidden)
            if new != line_hidden:
                hidden |= {(r, c) for r in new}
                changed = True
            if hide_total and c not in hidden_column_totals:
                hidden_column_totals.add(c)
                changed = True
        # A hidden row total next to exactly one other hidden row total is derivable from the grand total.
        for totals, values in (
            (hidden_row_totals, [sum(row) for row in table]),
            (hidden_column_totals, [sum(table[r][c] for r in range(len(table))) for c in range(width)]),
        ):
            if len(totals) == 1:
                candidates = [i for i, n in enumerate(values) if i not in totals and n > 0]
                if candidates:
                    totals.add(min(candidates, key=lambda i: (values[i], i)))
                    changed = True
    show = round_count if round_output else (lambda n: n)
    row_sums = [sum(row) for row in table]
    column_sums = [sum(table[r][c] for r in range(len(table))) for c in range(width)]
    grand = sum(row_sums)
    return {
        "cells": [[None if (r, c) in hidden else show(n) for c, n in enumerate(row)] for r, row in enumerate(table)],
        "row_totals": [None if r in hidden_row_totals else show(n) for r, n in enumerate(row_sums)],
        "column_totals": [None if c in hidden_column_totals else show(n) for c, n in enumerate(column_sums)],
        "total": None if _is_small(grand) else show(grand),
    }


def share(part: int | None, whole: int | None) -> float | None:
    """Percentage of a published cell; None when either side is suppressed or the whole is zero."""
    if part is None or not whole:
        return None
    return round(100 * part / whole, 1)


# Nested tables whose every published figure is safe against subtraction ---------------------------------------
#
# `suppress_table` above protects a line whose one hidden cell the total would give away. Figures of our own
# respondents (positive-health contributions) need more: two small hidden cells in one line (1 and 2) are a group
# of 3 anyone can work out as "total minus the rest", and a hidden total can be added up again from its cells.
# `suppress_nested` therefore works on the whole set of lines at once: it works out everything a reader can derive
# (a hidden figure that is the only unknown of a line is known), and keeps hiding until, in every line, the unknown
# part is nobody (0) or at least MIN_CELL people and no derived figure is a group of 1 to MIN_CELL - 1.
# Several tables share their rows and row totals (the six dimensions of one wijk: the same people). Rows can be
# marked as never shown (respondents without a known wijk); they still count in the columns and the total. When no
# smaller step helps, everything of the tables is hidden: safe, and rare.


@dataclass(frozen=True)
class NestedTables:
    cells: list[list[list[int | None]]]  # per table, per row, per column; None = suppressed
    row_totals: list[int | None]  # shared by the tables
    column_totals: list[list[int | None]]  # per table
    total: int | None


def nested_lines(shape: list[tuple[int, int]]) -> list[tuple[tuple, list[tuple]]]:
    """Every (total, parts) line of nested tables of the given (rows, columns) shapes, as item keys:
    ("cell", t, r, c), ("row", r), ("column", t, c), ("total",)."""
    lines: list[tuple[tuple, list[tuple]]] = []
    rows = shape[0][0] if shape else 0
    for t, (_rows, width) in enumerate(shape):
        lines += [(("row", r), [("cell", t, r, c) for c in range(width)]) for r in range(rows)]
        lines += [(("column", t, c), [("cell", t, r, c) for r in range(rows)]) for c in range(width)]
        lines.append((("total",), [("column", t, c) for c in range(width)]))
    lines.append((("total",), [("row", r) for r in range(rows)]))
    return lines


def derivable(lines, values: dict, hidden: set) -> set:
    """The hidden items a reader can work out from the published ones (a line with one unknown gives it away)."""
    unknown = set(hidden)
    changed = True
    while changed:
        changed = False
        for total, parts in lines:
            missing = [item for item in (total, *parts) if item in unknown]
            if len(missing) == 1:
                unknown.discard(missing[0])
                changed = True
    return set(hidden) - unknown


def _first_problem(lines, values: dict, hidden: set) -> tuple | None:
    """A line that gives a small group away, with what a reader derives; None when all is safe."""
    derived = derivable(lines, values, hidden)
    unknown = hidden - derived
    for total, parts in lines:
        if total not in unknown:
            rest = sum(values[item] for item in parts if item in unknown)
            if 0 < rest < MIN_CELL:
                return total, parts, derived
    for total, parts in lines:
        for item in (total, *parts):
            if item in derived and _is_small(values[item]):
                return total, parts, derived
    return None


def _to_hide(lines, values: dict, hidden: set, problem) -> tuple | None:
    """The smallest published figure whose hiding takes the problem away: a part of the line, else a figure that
    lets a reader derive one of its items, else its total."""
    total, parts, derived = problem

    def shown(items):
        return [item for item in items if item not in hidden and values[item] > 0]

    candidates = shown(parts)
    if not candidates:
        leaking = {item for item in (total, *parts) if item in derived}
        for line_total, line_parts in lines:
            items = (line_total, *line_parts)
            if leaking.intersection(items):
                candidates += [item for item in shown(items) if item != total]
    if not candidates:
        candidates = shown([total])
    return min(candidates, key=lambda item: (values[item], item)) if candidates else None


def suppress_nested(tables: list[list[list[int]]], *, never_shown_rows: frozenset[int] = frozenset()) -> NestedTables:
    """Publish tables of counts (rows x columns; every table has the same rows with the same row sums) so that no
    published figure, alone or with others added or subtracted line by line, gives away a group of 1 to
    MIN_CELL - 1 people."""
    if not tables:
        return NestedTables([], [], [], None)
    rows = len(tables[0])
    if any(len(t) != rows for t in tables) or any(n < 0 for t in tables for row in t for n in row):
        raise ValueError("Every table needs the same rows and counts cannot be negative.")
    row_sums = [sum(row) for row in tables[0]]
    if any([sum(row) for row in t] != row_sums for t in tables):
        raise ValueError("The tables' rows must add up to the same row totals.")
    shape = [(rows, len(t[0]) if t else 0) for t in tables]
    values: dict[tuple, int] = {("total",): sum(row_sums)}
    for r, n in enumerate(row_sums):
        values[("row", r)] = n
    for t, table in enumerate(tables):
        for r, row in enumerate(table):
            for c, n in enumerate(row):
                values[("cell", t, r, c)] = n
        for c in range(shape[t][1]):
            values[("column", t, c)] = sum(table[r][c] for r in range(rows))
    hidden = {item for item, n in values.items() if _is_small(n)}
    # A wijk shown without its number of people, or never shown: none of its figures is published.
    for r in {r for r in range(rows) if ("row", r) in hidden} | set(never_shown_rows):
        hidden |= {("row", r)} | {("cell", t, r, c) for t in range(len(tables)) for c in range(shape[t][1])}
    lines = nested_lines(shape)
    while (problem := _first_problem(lines, values, hidden)) is not None:
        item = _to_hide(lines, values, hidden, problem)
        if item is None:
            hidden = set(values)  # nothing smaller helps: publish nothing of these tables
            break
        hidden.add(item)

    def show(item):
        return None if item in hidden else values[item]

    return NestedTables(
        cells=[
            [[show(("cell", t, r, c)) for c in range(shape[t][1])] for r in range(rows)] for t in range(len(tables))
        ],
        row_totals=[show(("row", r)) for r in range(rows)],
        column_totals=[[show(("column", t, c)) for c in range(shape[t][1])] for t in range(len(tables))],
        total=show(("total",)),
    )
