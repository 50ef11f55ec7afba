"""4-digit postcodes with a point (GeoNames): imported all or nothing, read in any spelling, placed in a wijk."""

import pytest

from socialebasis.areas import selectors, services
from socialebasis.areas.models import Municipality, PostcodeArea

pytestmark = pytest.mark.django_db


def test_the_shipped_postcodes_are_loaded_once(seed_areas):
    from django.conf import settings

    count = PostcodeArea.objects.count()
    assert count == 94
    again = services.import_postcode_points(settings.BASE_DIR / "data" / "geonames" / "pc4_geonames_4gemeenten.csv")
    assert (again.created, again.updated) == (0, 94) and PostcodeArea.objects.count() == count


@pytest.mark.parametrize("written", ["5251", "5251AB", "5251 ab", " 5251 AB "])
def test_a_postcode_in_any_spelling_gives_its_point_and_wijk(seed_areas, written):
    heusden = Municipality.objects.get(statcode="GM0797")
    assert selectors.postcode_digits(written) == "5251"
    latitude, longitude = selectors.postcode_point(written)
    assert 51.6 < latitude < 51.8 and 5.0 < longitude < 5.4
    district = selectors.district_of_postcode(heusden, written)
    assert district is not None and district.municipality == heusden


@pytest.mark.parametrize("written", ["", "525", "0251", "52511", "5251 A", "abcd", "5251\x00"])
def test_anything_else_is_no_postcode(seed_areas, written):
    assert selectors.postcode_digits(written) is None
    assert selectors.postcode_point(written) is None


def test_a_bad_row_names_row_and_column_and_writes_nothing(db, tmp_path):
    path = tmp_path / "pc4.csv"
    path.write_text(
        "postal_code,place_name,admin_name1,admin_code1,admin_name2,admin_code2,latitude,longitude,accuracy\n"
        "6621,Dreumel,Guelders,03,West Maas en Waal,0668,51.8491,5.433,\n"
        "66x1,Alphen,Guelders,03,West Maas en Waal,0668,91.0,5.4708,\n",
        encoding="utf-8",
    )
    with pytest.raises(services.AreaImportError) as refused:
        services.import_postcode_points(path)
    assert [str(e) for e in refused.value.errors] == [
        "rij 3, kolom postal_code: geen postcode van vier cijfers",
        "rij 3, kolom latitude: geen breedtegraad in Nederland",
    ]
    assert not PostcodeArea.objects.exists()
