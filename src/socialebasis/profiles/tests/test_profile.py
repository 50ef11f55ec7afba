"""The wijk profile: each indicator against the municipality and the Netherlands by the documented rule."""

import pytest

from socialebasis.indicators.tests.conftest import source_rows
from socialebasis.profiles import selectors

GROUPS = {"20300": "18+", "80200": "65+"}


def _source(code: str, year: int, group: str) -> dict:
    return next(
        r
        for r in source_rows()
        if r["WijkenEnBuurten"] == code and r["Perioden"] == f"{year}JJ00" and GROUPS[r["Leeftijd"]] == group
    )


def _expected_verdict(value: float, reference: float, higher_is_better, threshold: float = 3.0) -> str:
    difference = value - reference
    if higher_is_better is None:
        return "different" if abs(difference) >= threshold - 1e-9 else "similar"
    signed = difference if higher_is_better else -difference
    if signed >= threshold - 1e-9:
        return "better"
    if signed <= -threshold + 1e-9:
        return "worse"
    return "similar"


def test_the_profile_compares_every_indicator_with_municipality_and_country_from_the_source(client, health_data):
    response = client.get("/api/v1/districts/WK079701/profile")
    assert response.status_code == 200
    profile = response.json()
    assert (profile["name"], profile["division_year"], profile["data_division_years"]) == (
        "Wijk 01 Drunen",
        2023,
        [2020],
    )
    wijk, gemeente, land = (_source(c, 2020, "18+") for c in ("WK079701", "GM0797", "NL01"))
    rows = {(r["indicator"], r["group"]): r for r in profile["indicators"]}
    checked = 0
    for (key, group), row in rows.items():
        if group != "18+" or row["year"] != 2020:
            continue
        column = next(c for c in wijk if c.startswith(key + "_"))
        assert row["value"] == float(wijk[column])
        assert row["municipality_value"] == float(gemeente[column])
        assert row["country_value"] == float(land[column])
        assert row["verdict_municipality"] == _expected_verdict(
            row["value"], row["municipality_value"], row["higher_is_better"]
        )
        assert row["verdict_country"] == _expected_verdict(row["value"], row["country_value"], row["higher_is_better"])
        checked += 1
    assert checked >= 25
    assert profile["attributions"] == ["Bron: CBS, RIVM/GGD'en (Gezondheidsmonitor), PDOK — CC BY 4.0"]


def test_the_trend_covers_all_three_years_and_compares_last_with_first(client, health_data):
    profile = client.get("/api/v1/districts/WK079701/profile").json()
    eenzaam = next(r for r in profile["indicators"] if r["indicator"] == "Eenzaam" and r["group"] == "65+")
    assert [p["year"] for p in eenzaam["series"]] == [2012, 2016, 2020]
    for point in eenzaam["series"]:
        assert point["value"] == float(_source("WK079701", point["year"], "65+")["Eenzaam_28"])
        assert point["country"] == float(_source("NL01", point["year"], "65+")["Eenzaam_28"])
    assert eenzaam["trend"] == _expected_verdict(eenzaam["value"], eenzaam["first_value"], False)


def test_strengths_and_concerns_follow_from_the_verdicts_and_show_their_evidence(client, health_data):
    profile = client.get("/api/v1/districts/WK079701/profile").json()
    rows = {(r["indicator"], r["group"]): r for r in profile["indicators"]}
    concerns = {(c["indicator"], c["group"]) for c in profile["concerns"]}
    strengths = {(s["indicator"], s["group"]) for s in profile["strengths"]}
    assert concerns == {k for k, r in rows.items() if "worse" in (r["verdict_municipality"], r["verdict_country"])}
    assert strengths == {
        k
        for k, r in rows.items()
        if k not in concerns and "better" in (r["verdict_municipality"], r["verdict_country"])
    }
    assert concerns or strengths
    for finding in profile["concerns"] + profile["strengths"]:
        row = rows[(finding["indicator"], finding["group"])]
        assert str(row["year"]) in finding["text"]


def test_vijfheerenlanden_wijken_of_2023_do_not_get_the_2020_figures_of_another_area(client, health_data):
    meerkerk = client.get("/api/v1/districts/WK196105/profile").json()
    assert meerkerk["name"] == "Meerkerk" and meerkerk["division_year"] == 2023
    assert meerkerk["indicators"] == []
    old = client.get("/api/v1/districts/WK196105/profile", {"year": 2020}).json()
    assert old["name"] == "WK196105" and old["division_year"] == 2020
    eenzaam = next(r for r in old["indicators"] if r["indicator"] == "Eenzaam" and r["group"] == "18+")
    assert eenzaam["value"] == float(_source("WK196105", 2020, "18+")["Eenzaam_28"])
    assert eenzaam["municipality_value"] == float(_source("GM1961", 2020, "18+")["Eenzaam_28"])


def test_an_unknown_district_is_not_found(client, health_data):
    assert client.get("/api/v1/districts/WK999999/profile").status_code == 404
    assert client.get("/api/v1/districts/WK079701/profile", {"year": "x"}).status_code == 400


@pytest.mark.parametrize(
    "path",
    [
        "/gemeenten/GM0797/wijken/WK079701/profiel/",
        "/gemeenten/GM1961/wijken/WK196105/profiel/?jaar=2020",
        "/gemeenten/GM0797/wijken/WK079701/rapport/",
        "/gemeenten/GM0797/vergelijken/",
        "/gemeenten/GM0797/vergelijken/?indicator=Eenzaam|65%2B&sorteer=-waarde",
        "/gemeenten/GM0797/ondergrenzen/",
    ],
)
def test_profile_pages_show_figures_and_the_attribution(client, health_data, path):
    response = client.get(path)
    assert response.status_code == 200
    assert "Bron: CBS, RIVM/GGD&#x27;en (Gezondheidsmonitor), PDOK — CC BY 4.0" in response.content.decode() or (
        "ondergrenzen" in path
    )


def test_the_trend_chart_is_an_svg_image_with_a_text_alternative(client, health_data):
    html = client.get("/gemeenten/GM0797/wijken/WK079701/profiel/").content.decode()
    assert '<svg class="sb-chart sb-chart--trend" role="img"' in html
    assert "<title>Verloop van " in html and "2012:" in html


def test_the_comparison_sorts_by_value_without_javascript(client, health_data):
    html = client.get("/gemeenten/GM0797/vergelijken/?indicator=Eenzaam|18%2B&sorteer=waarde").content.decode()
    values = [float(_source(c, 2020, "18+")["Eenzaam_28"]) for c in ("WK079701", "WK079702", "WK079703")]
    order = sorted(zip(values, ("Wijk 01", "Wijk 02", "Wijk 03"), strict=True))
    positions = [html.index(name) for _v, name in order]
    assert positions == sorted(positions)


@pytest.mark.django_db(transaction=True)
def test_the_report_is_also_a_pdf_at_once_without_a_worker(client, health_data):
    # Without a worker (the demo) the task runs when the request's own transaction commits: the PDF comes at once.
    response = client.get("/gemeenten/GM0797/wijken/WK079701/rapport.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_selector_prefers_the_newest_division_when_a_figure_is_in_two(health_data):
    profile = selectors.build_profile("WK079701")
    assert {r.division_year for r in profile.rows} == {2020}
