"""(c) the seed documents' figures and (d) a municipality's own monitor: validated, all-or-nothing, idempotent."""

import csv

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from socialebasis.areas.models import Municipality
from socialebasis.audit.models import AuditEvent
from socialebasis.indicators import services
from socialebasis.indicators.models import Area, IndicatorValue

from .conftest import SEED_CSV


def test_seed_figures_equal_the_file_and_import_once(seed_areas):
    report = services.import_seed_figures(SEED_CSV)
    with open(SEED_CSV, encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert report.created == len(rows) == IndicatorValue.objects.count()
    for row in rows:
        values = IndicatorValue.objects.filter(indicator__key=row["indicator"], year=int(row["year"]))
        assert float(row["value"]) in [v.value for v in values]
    again = services.import_seed_figures(SEED_CSV)
    assert (again.created, again.updated, again.unchanged) == (0, 0, len(rows))


def test_seed_wijk_names_become_cbs_codes_and_unknown_names_stay_named_areas(seed_areas):
    services.import_seed_figures(SEED_CSV)
    everdingen = IndicatorValue.objects.get(area__name="Everdingen", year=2024)
    assert everdingen.area.code.startswith("WK1961") and everdingen.area.division_year == 2023
    assert everdingen.value == 7.8
    boekgraaf = Area.objects.get(name="Boekgraaf")
    assert boekgraaf.code == "GM1961:boekgraaf" and boekgraaf.level == "overig"
    group = IndicatorValue.objects.get(group="eenoudergezinnen")
    assert group.value == 6.7 and group.area.code == "GM1961"


def _upload(text: str, name: str = "msk.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/csv")


GOOD = (
    "gebied;jaar;indicator;waarde;groep;label;eenheid;hoger_is_beter\n"
    "gemeente;2024;msk_totaal;7,4;;Monitor Sociale Kracht;score;ja\n"
    "Everdingen;2024;msk_totaal;7,8;;Monitor Sociale Kracht;score;ja\n"
    "WK196105;2024;msk_totaal;;;Monitor Sociale Kracht;score;ja\n"
    "gemeente;2024;msk_totaal;6,7;eenoudergezinnen;Monitor Sociale Kracht;score;ja\n"
)


def test_an_own_monitor_is_imported_with_comma_decimals_and_empty_as_missing(seed_areas):
    gm = Municipality.objects.get(statcode="GM1961")
    report = services.import_own_monitor(gm, _upload(GOOD), monitor_name="Monitor Sociale Kracht")
    assert (report.created, report.missing) == (4, 1)
    assert IndicatorValue.objects.get(area__code="GM1961", group="").value == 7.4
    assert IndicatorValue.objects.get(area__code="WK196105").value is None
    assert IndicatorValue.objects.get(area__name="Everdingen").area.division_year == 2023
    again = services.import_own_monitor(gm, _upload(GOOD), monitor_name="Monitor Sociale Kracht")
    assert (again.created, again.updated, again.unchanged) == (0, 0, 4)
    assert AuditEvent.objects.filter(action="import", municipality="GM1961").count() == 2


def test_an_own_monitor_with_errors_names_row_and_column_and_stores_nothing(seed_areas):
    gm = Municipality.objects.get(statcode="GM1961")
    bad = (
        "gebied;jaar;indicator;waarde\n"
        "gemeente;2024;msk_totaal;7,4\n"
        "Nergenshuizen;2024;msk_totaal;7\n"
        "gemeente;twintig;msk_totaal;7\n"
        "gemeente;2024;MSK Totaal;7\n"
        "WK079701;2024;msk_totaal;7\n"
        "gemeente;2023;msk_totaal;zeven\n"
        "gemeente;2024;msk_totaal;7,5\n"
    )
    with pytest.raises(services.IndicatorImportError) as error:
        services.import_own_monitor(gm, _upload(bad), monitor_name="MSK")
    assert error.value.errors == [
        "Rij 3, kolom 'gebied': 'Nergenshuizen' is geen wijk van Vijfheerenlanden (indeling 2023).",
        "Rij 4, kolom 'jaar': 'twintig' is geen jaartal.",
        "Rij 5, kolom 'indicator': 'MSK Totaal' mag alleen kleine letters, cijfers en _ bevatten.",
        "Rij 6, kolom 'gebied': WK079701 ligt niet in Vijfheerenlanden.",
        "Rij 7, kolom 'waarde': 'zeven' is geen getal.",
        "Rij 8: hetzelfde cijfer staat ook in rij 2.",
    ]
    assert not IndicatorValue.objects.exists()


def test_an_own_monitor_cannot_take_over_a_cbs_indicator(health_data):
    gm = Municipality.objects.get(statcode="GM0797")
    with pytest.raises(services.IndicatorImportError) as error:
        services.import_own_monitor(
            gm, _upload("gebied,jaar,indicator,waarde\ngemeente,2024,Eenzaam,3\n"), monitor_name="X"
        )
    assert "hoort al bij de bron" in error.value.errors[0]


def test_a_missing_column_is_named(seed_areas):
    gm = Municipality.objects.get(statcode="GM0797")
    with pytest.raises(services.IndicatorImportError) as error:
        services.import_own_monitor(gm, _upload("gebied,jaar,indicator\nx,2024,a\n"), monitor_name="X")
    assert error.value.errors == ["Kolom 'waarde' ontbreekt in de eerste rij."]


@pytest.mark.parametrize(
    ("trait", "own", "status"),
    [
        ("policy_officer", True, 302),
        ("policy_officer", False, 403),
        ("professional", True, 403),
        ("resident", True, 403),
    ],
)
def test_only_the_municipalitys_policy_officers_upload_its_monitor(
    client, seed_areas, user_factory, verified, trait, own, status
):
    gm = Municipality.objects.get(statcode="GM1961")
    other = Municipality.objects.get(statcode="GM0797")
    user = user_factory(**{trait: True}, municipalities=[gm if own else other])
    if trait == "resident":
        client.force_login(user)
    else:
        verified(client, user)
    response = client.post(
        "/gemeenten/GM1961/monitor/", {"monitor_name": "Monitor Sociale Kracht", "file": _upload(GOOD)}
    )
    assert response.status_code == status
    assert IndicatorValue.objects.exists() == (status == 302)


def test_the_upload_page_lists_every_error(client, seed_areas, user_factory, verified):
    gm = Municipality.objects.get(statcode="GM1961")
    verified(client, user_factory(policy_officer=True, municipalities=[gm]))
    response = client.post(
        "/gemeenten/GM1961/monitor/",
        {"monitor_name": "MSK", "file": _upload("gebied;jaar;indicator;waarde\ngemeente;2024;msk;x\n")},
    )
    assert response.status_code == 200
    assert "Rij 2, kolom &#x27;waarde&#x27;: &#x27;x&#x27; is geen getal." in response.content.decode()
