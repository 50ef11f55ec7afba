"""The administration's import page, as an administrator uses it: a bad file names its problems, a good one is
imported; axe-clean at every step, with and without JavaScript."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e

HEADER = "extern_id;gemeente;titel;omschrijving;organisatie;themas;kosten;aanmelden;start;herhaling;wijk\n"
GOOD = HEADER + "a1;GM0797;Wandelgroep Drunen;Elke week lopen;Buurt Bestuurt;sport;free;nee;2026-01-05 10:00;;\n"
BAD = GOOD + "a2;GM0797;Koor;;;zingen;gratis;nee;;;\n"


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_an_administrator_imports_activities_from_the_import_page(
    site, new_page, assert_accessible, user_factory, signed_in_as, tmp_path, javascript
):
    from socialebasis.directory.models import Activity

    chief = user_factory(username="beheerder", administrator=True)
    page = new_page(javascript=javascript)
    signed_in_as(page, chief, second_factor=True)

    page.goto(f"{site}/beheer/")
    assert_accessible(page)  # Django's own index, with our link to the imports
    with page.expect_navigation():
        page.get_by_role("link", name="Een bestand of CBS-cijfers importeren").click()
    expect(page.locator("h1")).to_have_text("Importeren")
    assert_accessible(page)
    with page.expect_navigation():
        page.get_by_role("link", name="Activiteiten uit een CSV- of XLSX-bestand").click()
    assert_accessible(page)

    (tmp_path / "activiteiten.csv").write_text(BAD, encoding="utf-8")
    page.get_by_label("CSV- of XLSX-bestand").set_input_files(tmp_path / "activiteiten.csv")
    with page.expect_navigation():
        page.get_by_role("button", name="Importeren").click()
    expect(page.locator("#import-refused")).to_contain_text("Er is niets geïmporteerd")
    expect(page.get_by_role("table", name="Problemen per rij en kolom")).to_contain_text("onbekende waarde zingen")
    assert not Activity.objects.exists()
    assert_accessible(page)

    (tmp_path / "activiteiten.csv").write_text(GOOD, encoding="utf-8")
    page.get_by_label("CSV- of XLSX-bestand").set_input_files(tmp_path / "activiteiten.csv")
    with page.expect_navigation():
        page.get_by_role("button", name="Importeren").click()
    expect(page.locator("#import-report")).to_contain_text("1 nieuw, 0 bijgewerkt, 0 ongewijzigd")
    assert Activity.objects.get().title == "Wandelgroep Drunen"
    assert_accessible(page)
