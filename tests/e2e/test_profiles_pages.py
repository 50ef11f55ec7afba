"""Wijk profile pages (issue 5, issue 12 point 7) pass axe-core's WCAG 2.0/2.1 A and AA rules, with JavaScript on and
off: the profile with every folded part opened, the comparison as it opens, the page of a PDF being made."""

import pytest
from django.test import Client

pytestmark = pytest.mark.e2e

PUBLIC = [
    pytest.param("/gemeenten/GM0797/wijken/WK079701/profiel/", "Wijkprofiel", id="profile"),
    pytest.param("/gemeenten/GM1961/wijken/WK196105/profiel/?jaar=2020", "Wijkprofiel WK196105", id="profile-2020"),
    pytest.param("/gemeenten/GM0797/wijken/WK079701/rapport/", "Wijkprofiel", id="report"),
    pytest.param("/gemeenten/GM0797/vergelijken/?indicator=Eenzaam|18%2B", "vergelijken", id="comparison"),
    pytest.param("/gemeenten/GM1961/vergelijken/", "vergelijken", id="comparison-opens-on-data"),
    pytest.param("/gemeenten/GM0797/ondergrenzen/", "Ondergrenzen", id="norms"),
]
STAFF = [
    pytest.param("/gemeenten/GM0797/wijken/WK079701/agenda/nieuw/", id="agenda-new"),
    pytest.param("/gemeenten/GM0797/ondergrenzen/nieuw/", id="norm-new"),
    pytest.param("/gemeenten/GM0797/monitor/", id="monitor-upload"),
]


@pytest.fixture
def profiles_site(site, tmp_path):
    import csv

    from socialebasis.areas.models import Municipality
    from socialebasis.indicators import services
    from socialebasis.indicators.tests.conftest import KWB_FILES, SEED_CSV, source_rows
    from socialebasis.profiles import services as profile_services

    rows = [r for r in source_rows() if r["WijkenEnBuurten"][:6] in ("NL01", "GM0797", "WK0797", "GM1961", "WK1961")]
    path = tmp_path / "health.csv"
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    services.import_health_table(path)
    services.import_seed_figures(SEED_CSV)
    for kwb in KWB_FILES:  # residents per wijk and buurt (CBS 2024), the base of the rates per 1,000
        services.import_kwb_file(kwb, table="85984NED", year=2024)
    profile_services.apply_preset(Municipality.objects.get(statcode="GM0797"))
    # Registrations in the sociale kaart, so the profile shows its inventory table and the snapshot's figures.
    from socialebasis.areas.models import District
    from socialebasis.directory.tests.factories import ActivityFactory
    from socialebasis.profiles import registrations

    drunen = District.objects.get(statcode="WK079701")
    ActivityFactory(district=drunen, target_groups=["youth"], goals=["meeting"], sphere="communal")
    registrations.snapshot()
    return site


@pytest.mark.parametrize(("path", "heading"), PUBLIC)
@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_profile_page_has_no_violations(profiles_site, new_page, assert_accessible, path, heading, javascript):
    page = new_page(javascript=javascript)
    page.goto(profiles_site + path)
    assert heading in page.locator("h1").inner_text()
    assert_accessible(page)


@pytest.mark.parametrize("path", STAFF)
def test_staff_page_has_no_violations(profiles_site, page, assert_accessible, user_factory, verified, path):
    from socialebasis.areas.models import Municipality

    user = user_factory(policy_officer=True, municipalities=[Municipality.objects.get(statcode="GM0797")])
    client = Client()
    verified(client, user)
    page.context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": profiles_site}])
    page.goto(profiles_site + path)
    assert page.locator("form.utrecht-form").count() == 1
    assert_accessible(page)


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_the_profile_with_every_folded_part_opened_has_no_violations(
    profiles_site, new_page, assert_accessible, javascript
):
    page = new_page(javascript=javascript)
    page.goto(profiles_site + "/gemeenten/GM0797/wijken/WK079701/profiel/")
    folds = page.locator("details.sb-fold")
    assert folds.count() >= 5
    for index in range(folds.count()):  # details/summary opens by keyboard or click, with or without JavaScript
        fold = folds.nth(index)
        if fold.get_attribute("open") is None:
            fold.locator("summary").focus()
            page.keyboard.press("Enter")
        assert fold.get_attribute("open") is not None
    assert page.get_by_role("img", name="Verloop van").first.is_visible()
    assert page.get_by_role("table", name="Bronnen voor Heusden").is_visible()
    assert_accessible(page)


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_the_vijfheerenlanden_comparison_opens_on_figures(profiles_site, new_page, assert_accessible, javascript):
    page = new_page(javascript=javascript)
    page.goto(profiles_site + "/gemeenten/GM1961/vergelijken/")
    chosen = page.locator("#id_indicator option:checked").inner_text()
    assert chosen
    assert page.get_by_role("heading", level=2).first.inner_text().startswith(chosen.split(" (")[0])
    assert page.get_by_text("geen cijfer").count() == 0
    assert_accessible(page)


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_the_page_of_a_pdf_being_made_has_no_violations(
    profiles_site, new_page, assert_accessible, javascript, monkeypatch
):
    from socialebasis.background import app
    from socialebasis.profiles import views

    # As with a worker: the task waits in the (in-memory) queue. The script asks again slowly, so the page stays put
    # for axe.
    monkeypatch.setattr(views, "REFRESH_SECONDS", 60)
    app.conf.update({"CELERY_TASK_ALWAYS_EAGER": False})
    try:
        page = new_page(javascript=javascript)
        page.goto(profiles_site + "/gemeenten/GM0797/wijken/WK079701/rapport.pdf")
        assert page.locator("h1").inner_text() == "De pdf wordt gemaakt"
        again = page.get_by_role("link", name="Nu opnieuw kijken")
        assert again.get_attribute("data-retry-seconds") == "60"
        assert_accessible(page)
        again.click()  # without JavaScript the link asks again: still being made
        assert page.locator("h1").inner_text() == "De pdf wordt gemaakt"
    finally:
        app.conf.update({"CELERY_TASK_ALWAYS_EAGER": True})


def test_with_javascript_the_download_starts_once_the_worker_made_the_pdf(profiles_site, new_page, monkeypatch):
    from socialebasis.background import app
    from socialebasis.profiles import tasks, views
    from socialebasis.profiles.models import ReportPdf

    monkeypatch.setattr(views, "REFRESH_SECONDS", 1)
    app.conf.update({"CELERY_TASK_ALWAYS_EAGER": False})
    try:
        page = new_page(javascript=True)
        page.goto(profiles_site + "/gemeenten/GM0797/wijken/WK079701/rapport.pdf")
        assert page.locator("h1").inner_text() == "De pdf wordt gemaakt"
        with page.expect_download(timeout=60_000) as download:
            tasks.make_report_pdf(ReportPdf.objects.get().pk)  # what the worker does with the queued task
        assert download.value.suggested_filename == "wijkprofiel-WK079701.pdf"
    finally:
        app.conf.update({"CELERY_TASK_ALWAYS_EAGER": True})
