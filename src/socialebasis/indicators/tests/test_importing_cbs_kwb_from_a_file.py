"""(b2) CBS Kerncijfers wijken en buurten 2024 from the shipped files: residents per wijk and buurt, no network."""

import csv

import pytest

from socialebasis.areas.models import District
from socialebasis.indicators import services
from socialebasis.indicators.models import Area, Indicator, IndicatorValue

from .conftest import KWB_FILES


def _rows(path) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_residents_of_every_municipality_wijk_and_buurt_come_from_the_files(kwb_2024):
    stored = dict(
        IndicatorValue.objects.filter(indicator__key="AantalInwoners", year=2024).values_list("area__code", "value")
    )
    expected = {r["statcode"]: float(r["AantalInwoners_5"]) for path in KWB_FILES for r in _rows(path)}
    assert stored == expected
    assert (
        len([c for c in stored if c.startswith("WK")]) == 81 and len([c for c in stored if c.startswith("BU")]) == 227
    )
    assert Indicator.objects.get(key="AantalInwoners").unit == "count"
    assert Indicator.objects.get(key="Woningvoorraad").label == "Woningvoorraad"
    assert not Indicator.objects.filter(key__in=["naam", "gemeentenaam", "wijkcode_uit_buurtcode"]).exists()


def test_the_2024_wijken_mean_the_same_as_the_2023_districts_and_buurten_keep_their_names(kwb_2024):
    wijken = Area.objects.filter(division_year=2024, level="wijk")
    assert wijken.count() == 81
    assert not wijken.filter(district__isnull=True).exists()
    assert {a.district.statcode for a in wijken.select_related("district")} == set(
        District.objects.values_list("statcode", flat=True)
    )
    assert Area.objects.get(code="BU07970101", division_year=2024).name == "Braken-West"


def test_importing_the_files_again_changes_nothing(kwb_2024):
    again = [services.import_kwb_file(path, table="85984NED", year=2024) for path in KWB_FILES]
    assert [(r.created, r.updated) for r in again] == [(0, 0), (0, 0)]


def test_a_row_without_a_cbs_code_refuses_the_whole_file(seed_areas, tmp_path):
    path = tmp_path / "kwb.csv"
    path.write_text("statcode,naam,AantalInwoners_5\nWK079701,Drunen,21000\nWijk 2,Vlijmen,15000\n", encoding="utf-8")
    with pytest.raises(services.IndicatorImportError) as refused:
        services.import_kwb_file(path, table="85984NED", year=2024)
    assert "Rij 3, kolom 'statcode'" in str(refused.value)
    assert not IndicatorValue.objects.exists()
