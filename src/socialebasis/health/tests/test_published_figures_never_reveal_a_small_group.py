"""For ANY set of contributed results, no published figure (per wijk, per municipality, per period, totals, and
what follows from them by adding and subtracting) tells something about a group of 1 to 4 people.

The checker below does not reuse the suppression code: it writes down every equation a reader has (each row, each
column, each total) and asks linear algebra which unknowns and which line remainders are determined."""

from types import SimpleNamespace

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from socialebasis.health.aggregates import figures_for
from socialebasis.health.dimensions import BANDS, KEYS, band_of
from socialebasis.indicators.suppression import MIN_CELL, suppress_nested

SMALL = range(1, MIN_CELL)


def _equations(tables, rows, widths):
    """(total item, [part items]) for every line a reader can add up."""
    lines = []
    for t, width in enumerate(widths):
        lines += [(("row", r), [("cell", t, r, c) for c in range(width)]) for r in range(rows)]
        lines += [(("column", t, c), [("cell", t, r, c) for r in range(rows)]) for c in range(width)]
        lines.append((("total",), [("column", t, c) for c in range(width)]))
    lines.append((("total",), [("row", r) for r in range(rows)]))
    return lines


def _true_and_published(tables, published):
    true, shown = {}, {}
    rows = len(tables[0])
    for t, table in enumerate(tables):
        for r in range(rows):
            for c, n in enumerate(table[r]):
                true[("cell", t, r, c)] = n
                shown[("cell", t, r, c)] = published.cells[t][r][c]
        for c in range(len(table[0])):
            true[("column", t, c)] = sum(table[r][c] for r in range(rows))
            shown[("column", t, c)] = published.column_totals[t][c]
    for r in range(rows):
        true[("row", r)] = sum(tables[0][r])
        shown[("row", r)] = published.row_totals[r]
    true[("total",)] = sum(sum(row) for row in tables[0])
    shown[("total",)] = published.total
    return true, shown


def assert_nothing_small_follows(tables, published):
    rows, widths = len(tables[0]), [len(t[0]) for t in tables]
    true, shown = _true_and_published(tables, published)
    # Published figures are the truth, and never a small group.
    for item, value in shown.items():
        if value is not None:
            assert value == true[item]
            assert value not in SMALL, item
    unknown = [item for item, value in shown.items() if value is None]
    if not unknown:
        return
    position = {item: i for i, item in enumerate(unknown)}
    lines = _equations(tables, rows, widths)
    matrix = []
    for total, parts in lines:
        row = np.zeros(len(unknown))
        if total in position:
            row[position[total]] -= 1
        for part in parts:
            if part in position:
                row[position[part]] += 1
        if row.any():
            matrix.append(row)
    matrix = np.array(matrix) if matrix else np.zeros((0, len(unknown)))
    rank = np.linalg.matrix_rank(matrix) if len(matrix) else 0

    def determined(vector) -> bool:
        if not len(matrix):
            return False
        return np.linalg.matrix_rank(np.vstack([matrix, vector])) == rank

    # No hidden small figure can be worked out on its own ...
    for item in unknown:
        if true[item] in SMALL:
            vector = np.zeros(len(unknown))
            vector[position[item]] = 1
            assert not determined(vector), f"{item} = {true[item]} can be worked out"
    # ... nor the hidden part of any line ("total minus what is shown") when that part is a small group.
    for total, parts in lines:
        hidden_parts = [p for p in parts if p in position]
        remainder = sum(true[p] for p in hidden_parts)
        if hidden_parts and remainder in SMALL:
            vector = np.zeros(len(unknown))
            for p in hidden_parts:
                vector[position[p]] = 1
            assert not determined(vector), f"the hidden part of {total} ({remainder}) can be worked out"


counts = st.integers(min_value=0, max_value=12)


@st.composite
def nested_tables(draw):
    rows = draw(st.integers(min_value=1, max_value=5))
    width = len(BANDS)
    tables_count = draw(st.integers(min_value=1, max_value=3))
    # Every table shares the row totals: draw each row's people once, then spread them over the columns per table.
    people = draw(st.lists(st.integers(min_value=0, max_value=14), min_size=rows, max_size=rows))
    tables = []
    for _ in range(tables_count):
        table = []
        for n in people:
            cuts = sorted(draw(st.lists(st.integers(0, n), min_size=width - 1, max_size=width - 1)))
            bounds = [0, *cuts, n]
            table.append([bounds[i + 1] - bounds[i] for i in range(width)])
        tables.append(table)
    never = draw(st.sets(st.integers(0, rows - 1), max_size=1))
    return tables, frozenset(never)


@settings(max_examples=150, deadline=None)
@given(nested_tables())
def test_no_published_figure_reveals_a_group_under_five(case):
    tables, never_shown = case
    published = suppress_nested(tables, never_shown_rows=never_shown)
    assert_nothing_small_follows(tables, published)
    for r in never_shown:
        assert published.row_totals[r] is None
        assert all(published.cells[t][r][c] is None for t in range(len(tables)) for c in range(len(BANDS)))


scores = st.fixed_dictionaries({key: st.integers(0, 100).map(lambda n: n / 10) for key in KEYS})


@settings(max_examples=80, deadline=None)
@given(
    st.integers(min_value=1, max_value=4),
    st.lists(st.tuples(st.integers(min_value=-1, max_value=3), scores), max_size=40),
)
def test_any_contributions_give_only_safe_wijk_and_municipality_figures(wijken, contributed):
    """The figures of a period as pages, API and the indicator store get them: a mean only with its number of
    people, every number safe, the municipality's the sum of everyone (including those without a known wijk)."""
    municipality = SimpleNamespace(statcode="GM0668", name="West Maas en Waal")
    districts = [SimpleNamespace(pk=i, statcode=f"WK0668{i:02d}", name=f"Wijk {i}", year=2023) for i in range(wijken)]
    rows = [(d if 0 <= d < wijken else None, s) for d, s in contributed]
    figures = figures_for(municipality, districts, rows, 2025)
    # The tables as the reader could rebuild them.
    tables = []
    for key in KEYS:
        table = [[0] * len(BANDS) for _ in range(wijken + 1)]
        for district_id, s in rows:
            table[wijken if district_id is None else district_id][band_of(s[key])] += 1
        tables.append(table)
    published = SimpleNamespace(
        cells=[[[*a.bands[key]] for a in figures.districts] + [[None] * len(BANDS)] for key in KEYS],
        row_totals=[a.n for a in figures.districts] + [None],
        column_totals=[figures.municipality.bands[key] for key in KEYS],
        total=figures.municipality.n,
    )
    assert_nothing_small_follows(tables, published)
    for area in (figures.municipality, *figures.districts):
        if area.n is None or area.n == 0:
            assert all(mean is None for mean in area.means.values())
        if area.n is None:
            assert all(share is None for key in KEYS for share in area.shares(key))
    if figures.municipality.n is not None:
        assert figures.municipality.n == len(rows)


def test_the_checker_catches_two_small_cells_given_away_together():
    """The checker can fail: one-cell-at-a-time suppression leaves 1 + 2 people to be worked out from a row."""
    from socialebasis.indicators.suppression import suppress_table

    tables = [[[1, 2, 10], [5, 5, 5], [0, 0, 7]]]
    line_by_line = suppress_table(tables[0], round_output=False)
    published = SimpleNamespace(
        cells=[line_by_line["cells"]],
        row_totals=line_by_line["row_totals"],
        column_totals=[line_by_line["column_totals"]],
        total=line_by_line["total"],
    )
    try:
        assert_nothing_small_follows(tables, published)
    except AssertionError:
        return
    raise AssertionError("the checker missed a group of three")
