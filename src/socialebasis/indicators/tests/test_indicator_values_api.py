"""GET /api/v1/indicator-values: any CBS code in the data, also 2020 codes without a District row."""

import pytest

from socialebasis.areas.models import District


def test_values_of_a_2020_code_without_district_are_served_with_source(client, health_data):
    assert not District.objects.filter(statcode="WK196105", year=2020).exists()
    response = client.get("/api/v1/indicator-values", {"area": "WK196105", "indicator": "Eenzaam", "group": "18+"})
    assert response.status_code == 200
    results = response.json()["results"]
    assert [(r["year"], r["value"]) for r in results] == [(2012, 36.9), (2016, 37.5), (2020, 41.5)]
    first = results[0]
    assert first["division_year"] == 2020 and first["area_name"] == "WK196105"
    assert first["attribution"] == "Bron: CBS, RIVM/GGD'en (Gezondheidsmonitor), PDOK — CC BY 4.0"
    assert first["source_ref"] == "50090NED WK196105 2012 18+ Eenzaam_28"


@pytest.mark.parametrize("code", ["NL01", "GM0797", "WK079701"])
def test_every_level_can_be_asked_for(client, health_data, code):
    response = client.get("/api/v1/indicator-values", {"area": code, "year": 2020, "indicator": "Mantelzorger"})
    assert {(r["group"], r["year"]) for r in response.json()["results"]} == {("18+", 2020), ("65+", 2020)}


def test_an_unescaped_plus_in_the_group_still_means_18_plus(client, health_data):
    response = client.get("/api/v1/indicator-values?area=NL01&year=2020&indicator=Eenzaam&group=18+")
    assert [r["value"] for r in response.json()["results"]] == [47.0]


def test_a_missing_figure_is_null_not_zero(client, health_data):
    response = client.get("/api/v1/indicator-values", {"area": "NL01", "indicator": "LopenNaarSchoolOfWerk"})
    assert {r["value"] for r in response.json()["results"]} == {None}


def test_a_bad_year_is_a_problem_in_dutch(client, health_data):
    response = client.get("/api/v1/indicator-values", {"year": "twintig"})
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["invalid_params"][0]["name"] == "year"


def test_indicator_definitions_carry_source_and_licence(client, health_data):
    response = client.get("/api/v1/indicators")
    eenzaam = next(i for i in response.json()["results"] if i["key"] == "Eenzaam")
    assert eenzaam["higher_is_better"] is False and eenzaam["licence"] == "CC BY 4.0"
