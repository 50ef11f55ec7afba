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
