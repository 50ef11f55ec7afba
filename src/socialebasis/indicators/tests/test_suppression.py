"""Small-cell suppression, property-tested: no published figure reveals a count below 5."""

from hypothesis import given
from hypothesis import strategies as st

from socialebasis.indicators.suppression import MIN_CELL, round_count, share, suppress_line, suppress_table

counts = st.integers(min_value=0, max_value=60)


@given(st.lists(counts, min_size=1, max_size=8))
def test_no_small_cell_is_published(line):
    result = suppress_line(line)
    for original, shown in zip(line, result.cells, strict=True):
        if 0 < original < MIN_CELL:
            assert shown is None


@given(st.lists(counts, min_size=1, max_size=8))
def test_a_published_total_never_reveals_a_single_suppressed_cell(line):
    result = suppress_line(line, round_output=False)
    hidden_nonzero = [i for i in result.suppressed if line[i] > 0]
    if result.total is not None:
        assert len(hidden_nonzero) != 1


@given(st.lists(counts, min_size=1, max_size=8))
def test_published_counts_are_multiples_of_five_and_close_to_the_truth(line):
    result = suppress_line(line)
    for original, shown in zip(line, result.cells, strict=True):
        if shown is not None:
            assert shown % 5 == 0 and abs(shown - original) <= 2.5
    if result.total is not None:
        assert result.total % 5 == 0 and abs(result.total - sum(line)) <= 2.5


@given(
    st.lists(st.lists(counts, min_size=2, max_size=5), min_size=2, max_size=5).filter(
        lambda t: len({len(r) for r in t}) == 1
    )
)
def test_in_a_table_every_published_row_and_column_total_protects_its_cells(table):
    result = suppress_table(table, round_output=False)
    cells = result["cells"]
    for r, row in enumerate(table):
        for c, n in enumerate(row):
            if 0 < n < MIN_CELL:
                assert cells[r][c] is None
        hidden = [c for c, n in enumerate(row) if cells[r][c] is None and n > 0]
        if result["row_totals"][r] is not None:
            assert len(hidden) != 1
    for c in range(len(table[0])):
        hidden = [r for r in range(len(table)) if cells[r][c] is None and table[r][c] > 0]
        if result["column_totals"][c] is not None:
            assert len(hidden) != 1
    if result["total"] is not None:
        hidden_rows = [r for r, t in enumerate(result["row_totals"]) if t is None and sum(table[r]) > 0]
        assert len(hidden_rows) != 1


def test_examples():
    assert suppress_line([3, 10, 20]).cells == (None, None, 20)
    assert suppress_line([3, 10, 20]).total == 35
    assert suppress_line([0, 12, 13]).cells == (0, 10, 15)
    assert suppress_line([2, 0]).total is None
    assert round_count(12) == 10 and round_count(13) == 15 and round_count(2) == 0
    assert share(10, 40) == 25.0 and share(None, 40) is None
