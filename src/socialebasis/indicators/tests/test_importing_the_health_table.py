"""(a) CBS/RIVM 50090NED: every column, all years, both age groups; empty stays missing; joins on (year, code)."""

import random
import re

import pytest
from django.db import IntegrityError

from socialebasis.areas.models import District
from socialebasis.indicators import services
from socialebasis.indicators.catalogue import key_of_column
from socialebasis.indicators.models import Area, Indicator, IndicatorValue

from .conftest import HEALTH_CSV, source_rows

MEASURES = [
    c
    for c in source_rows()[0]
    if re.search(r"_\d+$", c) and key_of_column(c) not in {"Gemeentenaam", "SoortRegio", "Codering"}
]
GROUPS = {"20300": "18+", "80200": "65+"}
MISSING = ("", ".")  # an empty cell, or CBS's "." for "not known"


@pytest.fixture
def full_import(seed_areas, replay):
    """The whole table, imported once per test process and written again in bulk for the next test (12 s -> 1 s);
    the tests that import on purpose (bad files, importing again) still run the importer."""
    return replay("health_table", lambda: services.import_health_table(HEALTH_CSV))


def test_every_measure_column_becomes_an_indicator_keyed_without_running_number(full_import):
    assert len(MEASURES) == 35  # ErvarenGezondheidGoedZeerGoed_4 .. MoeiteMetRondkomen_38
    for column in MEASURES:
        indicator = Indicator.objects.get(key=key_of_column(column))
        assert indicator.cbs_column == column
        assert indicator.groups == ["18+", "65+"]
    assert Indicator.objects.filter(key="Eenzaam", cbs_column="Eenzaam_28").exists()


def test_imported_values_equal_the_source_file_for_a_sample_of_areas(full_import):
    rows = source_rows()
    assert IndicatorValue.objects.count() == len(rows) * len(MEASURES)
    sample = random.Random(5).sample(rows, 60) + [r for r in rows if r["WijkenEnBuurten"] in ("NL01", "WK196105")]
    for row in sample:
        stored = {
            (v.indicator.cbs_column): v.value
            for v in IndicatorValue.objects.filter(
                area__code=row["WijkenEnBuurten"],
                area__division_year=2020,
                year=int(row["Perioden"][:4]),
                group=GROUPS[row["Leeftijd"]],
            ).select_related("indicator")
        }
        assert set(stored) == set(MEASURES)
        for column in MEASURES:
            expected = None if row[column] in MISSING else float(row[column])
            assert stored[column] == expected, (row["WijkenEnBuurten"], row["Perioden"], column)


def test_an_empty_cell_is_stored_as_missing_never_as_zero(full_import):
    rows = source_rows()
    empty = sum(1 for r in rows for c in MEASURES if r[c] in MISSING)
    assert empty > 0
    assert IndicatorValue.objects.filter(value__isnull=True).count() == empty
    assert full_import.missing == empty
    # Walking or cycling to school or work is not published in this extract at all.
    assert not IndicatorValue.objects.filter(indicator__key="LopenEnOfFietsenNaarSchoolOfWerk", value__isnull=False)
    zeros_in_source = sum(1 for r in rows for c in MEASURES if r[c] not in MISSING and float(r[c]) == 0)
    assert IndicatorValue.objects.filter(value=0).count() == zeros_in_source


def test_importing_again_changes_nothing(full_import):
    before = IndicatorValue.objects.count()
    again = services.import_health_table(HEALTH_CSV)
    assert (again.created, again.updated) == (0, 0)
    assert again.unchanged == before
    assert IndicatorValue.objects.count() == before


def test_values_are_stored_per_code_and_division_year(full_import):
    assert Area.objects.filter(division_year=2020, code="WK196105").count() == 1
    with pytest.raises(IntegrityError):
        Area.objects.create(code="WK196105", division_year=2020, level="wijk")


def test_vijfheerenlanden_2020_codes_are_not_joined_to_the_2023_wijken_with_the_same_code(full_import):
    old = Area.objects.get(code="WK196105", division_year=2020)
    new = District.objects.get(statcode="WK196105", year=2023)
    assert new.name == "Meerkerk"
    assert old.district is None  # 11 wijken in 2020, 39 in 2023: WK196105 meant another area
    assert old.display_name == "WK196105"
    assert old.municipality_area.code == "GM1961" and old.municipality_area.division_year == 2020


def test_heusden_codes_mean_the_same_in_2020_and_2023_so_they_get_the_name(full_import):
    area = Area.objects.get(code="WK079701", division_year=2020)
    assert area.district == District.objects.get(statcode="WK079701", year=2023)
    assert area.display_name == area.district.name
    assert Area.objects.get(code="GM0797", division_year=2020).name == "Heusden"
    assert Area.objects.get(code="NL01", division_year=2020).name == "Nederland"


def test_a_bad_number_is_refused_with_row_and_column_and_nothing_is_stored(seed_areas, tmp_path):
    lines = HEALTH_CSV.read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    cells = lines[3].split(",")
    cells[header.index("Eenzaam_28")] = "veel"
    path = tmp_path / "bad.csv"
    path.write_text("\n".join([lines[0], lines[1], lines[2], ",".join(cells)]) + "\n", encoding="utf-8")
    with pytest.raises(services.IndicatorImportError) as error:
        services.import_health_table(path)
    assert "Rij 4, kolom 'Eenzaam_28': 'veel' is geen getal." in error.value.errors
    assert not IndicatorValue.objects.exists()
    assert not Indicator.objects.exists()


def test_a_file_without_the_cbs_dimensions_is_refused(seed_areas, tmp_path):
    path = tmp_path / "other.csv"
    path.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(services.IndicatorImportError, match="ontbreekt"):
        services.import_health_table(path)
