import contextlib
import io

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from socialebasis.directory.bulk_import import COLUMNS, BulkImportError, import_activities
from socialebasis.directory.models import Activity

pytestmark = pytest.mark.django_db

HEADER = "extern_id;gemeente;titel;omschrijving;organisatie;themas;kosten;aanmelden;start;herhaling;wijk\n"
GOOD = (
    HEADER
    + "a1;GM0797;Wandelgroep Drunen;Elke week lopen;Buurt Bestuurt;sport;free;nee;2026-01-05 10:00;"
    + "FREQ=WEEKLY;WK079701\n"
    + "a2;GM0828;Kookclub;Samen koken;Kookclub Haren;food,meeting;contribution;ja;2026-01-30 18:00;;\n"
)


def test_a_valid_file_is_imported_and_importing_it_again_changes_nothing(seed_areas):
    report = import_activities(GOOD.encode(), "activiteiten.csv")
    assert (report.created, report.updated) == (2, 0)
    walk = Activity.objects.get(external_id="a1")
    assert walk.district.statcode == "WK079701" and walk.organisation.name == "Buurt Bestuurt"
    again = import_activities(GOOD.encode(), "activiteiten.csv")
    assert (again.created, again.updated, again.unchanged) == (0, 0, 2)
    assert Activity.objects.count() == 2


def test_one_wrong_cell_means_nothing_is_written_and_the_error_names_row_and_column(seed_areas):
    bad = GOOD + "a3;GM0797;Koor;;;zingen;gratis;misschien;;;\n"
    with pytest.raises(BulkImportError) as caught:
        import_activities(bad.encode(), "activiteiten.csv")
    messages = [str(e) for e in caught.value.errors]
    assert "rij 4, kolom themas: onbekende waarde zingen" in messages[0]
    assert any(m.startswith("rij 4, kolom kosten") for m in messages)
    assert any(m.startswith("rij 4, kolom aanmelden: vul ja of nee in") for m in messages)
    assert Activity.objects.count() == 0


def test_partial_mode_imports_the_valid_rows_and_reports_the_rest(seed_areas):
    bad = GOOD + "a3;GM9999;Koor;;;;;;;;\n"
    report = import_activities(bad.encode(), "activiteiten.csv", partial=True)
    assert report.created == 2
    assert [str(e) for e in report.skipped] == ["rij 4, kolom gemeente: onbekende gemeentecode GM9999"]


def test_xlsx_works_like_csv(seed_areas):
    workbook = Workbook()
    sheet = workbook.active
    for line in GOOD.strip().split("\n"):
        sheet.append(line.split(";"))
    buffer = io.BytesIO()
    workbook.save(buffer)
    assert import_activities(buffer.getvalue(), "activiteiten.xlsx").created == 2


def test_a_missing_required_column_is_reported(seed_areas):
    with pytest.raises(BulkImportError, match="kolom gemeente: deze verplichte kolom ontbreekt"):
        import_activities(b"extern_id;titel\nx;y\n", "a.csv")


cell = st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=30)


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(content=st.binary(max_size=400), xlsx=st.booleans())
def test_arbitrary_bytes_raise_only_the_importers_own_error(seed_areas_once, content, xlsx):
    with contextlib.suppress(BulkImportError):
        import_activities(content, "x.xlsx" if xlsx else "x.csv")


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(rows=st.lists(st.lists(cell, min_size=0, max_size=len(COLUMNS) + 2), max_size=4), partial=st.booleans())
def test_arbitrary_cells_raise_only_the_importers_own_error(seed_areas_once, rows, partial):
    import csv

    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(list(COLUMNS))
    writer.writerows(rows)
    with contextlib.suppress(BulkImportError):
        import_activities(buffer.getvalue().encode(), "x.csv", partial=partial)


def test_the_documented_template_imports_and_a_second_import_changes_nothing(seed_areas):
    from django.conf import settings

    template = settings.BASE_DIR / "docs" / "templates" / "sociale-kaart-activiteiten.csv"
    first = import_activities(template.read_bytes(), template.name)
    assert first.created == 1
    activity = Activity.objects.get(external_id="wg-001")
    assert activity.district.statcode == "WK079705"  # from the place's coordinates
    assert activity.exceptions == ["2026-04-06"] and activity.recurrence == "FREQ=WEEKLY;BYDAY=MO"
    second = import_activities(template.read_bytes(), template.name)
    assert (second.created, second.updated, second.unchanged) == (0, 0, 1)
