"""Every importer's refusal is an ImportRefused that names each problem; every report sums up the same way."""

from socialebasis.areas.services import AreaImportError
from socialebasis.core.imports import ImportRefused, ImportReport, RowError
from socialebasis.directory.bulk_import import BulkImportError
from socialebasis.directory.hsds_import import HSDSImportError, HSDSReport
from socialebasis.indicators.services import IndicatorImportError


def test_each_apps_refusal_is_the_shared_one():
    for error in (AreaImportError, IndicatorImportError, BulkImportError, HSDSImportError):
        assert issubclass(error, ImportRefused)


def test_a_refusal_names_row_and_column_and_keeps_every_problem():
    problems = [RowError(row, "start", "gebruik de vorm JJJJ-MM-DD") for row in range(2, 60)]
    refused = BulkImportError(problems)
    assert refused.errors == problems
    assert str(refused).splitlines()[0] == "rij 2, kolom start: gebruik de vorm JJJJ-MM-DD"
    assert str(refused).splitlines()[-1] == "(en nog 8)"
    assert str(IndicatorImportError("Kolom 'waarde' ontbreekt in de eerste rij.")) == (
        "Kolom 'waarde' ontbreekt in de eerste rij."
    )


def test_reports_sum_up_alike():
    assert ImportReport(created=2, updated=1, notes=["bron: CBS"]).summary() == (
        "2 nieuw, 1 bijgewerkt, 0 ongewijzigd; bron: CBS"
    )
    report = HSDSReport()
    report.created["service"] += 3
    report.skipped["service.wait_time"] += 1
    assert report.summary() == "nieuw: {'service': 3}\nbijgewerkt: 0\novergeslagen velden: service.wait_time (1 keer)"
