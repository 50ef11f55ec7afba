"""(b) CBS Kerncijfers wijken en buurten over the OData API, on a recorded-style response (no network here)."""

from pathlib import Path

import pytest
from django.test import override_settings

from socialebasis.indicators import odata
from socialebasis.indicators.models import Area, Indicator, IndicatorValue

RECORDED = Path(__file__).parent / "fixtures" / "cbs_85618NED_heusden.json"


@pytest.fixture
def session():
    return odata.RecordedSession(RECORDED)


def test_columns_are_matched_without_their_running_number_and_all_pages_are_read(seed_areas, session):
    report = odata.import_kwb("85618NED", ["GM0797"], session=session)
    assert Indicator.objects.get(key="AantalInwoners").label == "Aantal inwoners"
    assert not Indicator.objects.filter(key__in=["Gemeentenaam", "MeestVoorkomendePostcode", "AantalInwoners_5"])
    inwoners = dict(IndicatorValue.objects.filter(indicator__key="AantalInwoners").values_list("area__code", "value"))
    assert inwoners == {"NL01": 17811291, "GM0797": 46320, "WK079701": 21305, "WK079702": 6790, "BU07970101": 1985}
    assert report.created == 5 * 12  # 12 numeric columns; the text columns are not figures
    assert len(session.requests) == 3  # properties, page 1, page 2 (odata.nextLink)


def test_the_division_year_comes_from_the_table_and_missing_stays_missing(seed_areas, session):
    odata.import_kwb("85618NED", ["GM0797"], session=session)
    wijk = Area.objects.get(code="WK079701")
    assert wijk.division_year == 2023 and wijk.district.name.startswith("Wijk 01")
    buurt = IndicatorValue.objects.get(area__code="BU07970101", indicator__key="HuishoudensTotaal")
    assert buurt.value is None
    assert Indicator.objects.get(key="GemiddeldeHuishoudensgrootte").unit == "number"


def test_the_request_filters_on_the_municipality_and_uses_the_configured_address(seed_areas, session):
    with override_settings(CBS_ODATA_URL="https://example.invalid/odata/"):
        odata.import_kwb("85618NED", ["GM0797"], session=session)
    url, params = session.requests[1]
    assert url == "https://example.invalid/odata/85618NED/TypedDataSet"
    assert "startswith(WijkenEnBuurten,'WK0797')" in params["$filter"]


def test_importing_twice_changes_nothing(seed_areas, session):
    odata.import_kwb("85618NED", ["GM0797"], session=session)
    again = odata.import_kwb("85618NED", ["GM0797"], session=odata.RecordedSession(RECORDED))
    assert (again.created, again.updated) == (0, 0)


def test_an_unreachable_service_is_a_clear_error_and_stores_nothing(seed_areas):
    class Offline:
        def get(self, url, params=None, timeout=None):
            raise OSError("Name or service not known")

    with pytest.raises(odata.ODataError, match="De CBS-dienst gaf geen bruikbaar antwoord"):
        odata.import_kwb("85618NED", ["GM0797"], session=Offline())
    assert not IndicatorValue.objects.exists()
