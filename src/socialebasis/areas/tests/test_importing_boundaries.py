import json

import pytest
from shapely.geometry import shape

from socialebasis.areas import services
from socialebasis.areas.models import AreaDivision, District, Municipality

pytestmark = pytest.mark.django_db


def test_real_wijken_2023_load_with_their_municipalities(seed_areas):
    assert District.objects.filter(year=2023).count() == 81
    counts = {m.statcode: m.districts.count() for m in Municipality.objects.all()}
    assert counts == {"GM0668": 8, "GM0797": 11, "GM0828": 23, "GM1961": 39}
    drunen = District.objects.get(statcode="WK079701", year=2023)
    assert drunen.name == "Wijk 01 Drunen"
    assert drunen.municipality.name == "Heusden"


def test_self_touching_ring_is_repaired_into_a_valid_boundary(seed_areas):
    boundary = District.objects.get(statcode="WK196133").boundary
    geometry = shape(boundary)
    assert geometry.is_valid
    assert geometry.geom_type in ("Polygon", "MultiPolygon")
    assert geometry.area > 0


def test_import_is_idempotent(seed_areas, settings):
    report = services.import_district_boundaries(
        settings.BASE_DIR / "data" / "cbs" / "cbs_wijken_2023_4gemeenten_wgs84.geojson"
    )
    assert (report.created, report.updated) == (0, 81)
    assert District.objects.count() == 81


def test_codes_are_unique_per_division_year_only(seed_areas, tmp_path):
    # Vijfheerenlanden reused WK196101 with another meaning in 2020; both must live side by side.
    feature = _feature("WK196101", "Vianen-Centrum (2020)", "GM1961")
    path = _write(tmp_path, [feature])
    services.import_district_boundaries(path, year=2020)
    assert set(District.objects.filter(statcode="WK196101").values_list("year", "name")) == {
        (2023, "Tienhoven aan de Lek"),
        (2020, "Vianen-Centrum (2020)"),
    }


def test_bad_file_names_the_feature_and_writes_nothing(db, tmp_path):
    good = _feature("WK079701", "Drunen", "GM0797")
    bad = _feature("WK079702", "Elshout", "GM0797")
    bad["geometry"] = {"type": "Point", "coordinates": [5.1, 51.7]}
    path = _write(tmp_path, [good, bad])
    with pytest.raises(services.AreaImportError) as error:
        services.import_district_boundaries(path, year=2023)
    assert "object 2 (WK079702)" in str(error.value)
    assert "Point" in str(error.value)
    assert District.objects.count() == 0
    assert Municipality.objects.count() == 0


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda f: f["properties"].pop("statcode"), "'statcode' ontbreekt"),
        (lambda f: f["properties"].update(gemeentecode="GM0828"), "past niet bij gemeentecode"),
        (lambda f: f.update(geometry={"type": "Polygon", "coordinates": [[[1, 1], [2]]]}), "onleesbaar"),
    ],
)
def test_each_kind_of_bad_feature_gets_a_dutch_message(db, tmp_path, change, expected):
    feature = _feature("WK079701", "Drunen", "GM0797")
    change(feature)
    with pytest.raises(services.AreaImportError, match=expected):
        services.import_district_boundaries(_write(tmp_path, [feature]), year=2023)
    assert District.objects.count() == 0


def test_duplicate_code_in_one_file_is_refused(db, tmp_path):
    feature = _feature("WK079701", "Drunen", "GM0797")
    with pytest.raises(services.AreaImportError, match="twee keer"):
        services.import_district_boundaries(_write(tmp_path, [feature, feature]), year=2023)


def test_not_json_is_refused_clearly(db, tmp_path):
    path = tmp_path / "kapot.geojson"
    path.write_text("{niet: json", encoding="utf-8")
    with pytest.raises(services.AreaImportError, match="geen geldige GeoJSON"):
        services.import_district_boundaries(path)


def test_heusden_own_division_has_19_wijken_linked_to_cbs(seed_areas):
    division = AreaDivision.objects.get(municipality__statcode="GM0797")
    assert division.areas.count() == 19
    vijfhoeven = division.areas.get(slug="vijfhoeven")
    assert [d.statcode for d in vijfhoeven.districts.all()] == ["WK079705"]
    # Every CBS wijk of Heusden is covered by at least one of its own wijken.
    covered = set(District.objects.filter(own_areas__division=division).values_list("statcode", flat=True))
    assert covered == set(District.objects.filter(municipality__statcode="GM0797").values_list("statcode", flat=True))


def test_own_division_with_unknown_cbs_wijk_writes_nothing(seed_areas, tmp_path):
    spec = {
        "municipality": "GM0828",
        "slug": "kernen",
        "name": "Kernen",
        "cbs_year": 2023,
        "areas": [{"name": "Haren", "slug": "haren", "districts": ["WK082899"]}],
    }
    path = tmp_path / "oss.json"
    path.write_text(json.dumps(spec), encoding="utf-8")
    with pytest.raises(services.AreaImportError, match="WK082899"):
        services.import_own_division(path)
    assert not AreaDivision.objects.filter(municipality__statcode="GM0828").exists()


def test_own_division_without_year_or_with_unknown_buurt_is_refused(seed_areas, tmp_path):
    spec = {"municipality": "GM0828", "slug": "kernen", "name": "Kernen", "areas": []}
    path = tmp_path / "oss.json"
    path.write_text(json.dumps(spec), encoding="utf-8")
    with pytest.raises(services.AreaImportError, match="cbs_year"):
        services.import_own_division(path)
    spec.update(cbs_year=2023, areas=[{"name": "Haren", "slug": "haren", "neighbourhoods": ["BU08280000"]}])
    path.write_text(json.dumps(spec), encoding="utf-8")
    with pytest.raises(services.AreaImportError, match="BU08280000"):
        services.import_own_division(path)
    assert not AreaDivision.objects.filter(municipality__statcode="GM0828").exists()


def test_import_command_reports_errors_without_traceback(db, tmp_path):
    from django.core.management import CommandError, call_command

    with pytest.raises(CommandError, match="bestaat niet"):
        call_command("import_areas", "districts", str(tmp_path / "missing.geojson"))


def _feature(code, name, municipality):
    return {
        "type": "Feature",
        "properties": {"statcode": code, "statnaam": name, "gemeentecode": municipality, "gemeentenaam": "X"},
        "geometry": {
            "type": "Polygon",
            "coordinates": [[[5.0, 51.0], [5.1, 51.0], [5.1, 51.1], [5.0, 51.1], [5.0, 51.0]]],
        },
    }


def _write(tmp_path, features):
    path = tmp_path / "wijken.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}), encoding="utf-8")
    return path
