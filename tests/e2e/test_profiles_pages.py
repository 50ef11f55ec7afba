"""Wijk profile pages (issue 5) pass axe-core's WCAG 2.0/2.1 A and AA rules, with JavaScript on and off."""

import pytest
from django.test import Client

pytestmark = pytest.mark.e2e

PUBLIC = [
    pytest.param("/gemeenten/GM0797/wijken/WK079701/profiel/", "Wijkprofiel", id="profile"),
    pytest.param("/gemeenten/GM1961/wijken/WK196105/profiel/?jaar=2020", "Wijkprofiel WK196105", id="profile-2020"),
    pytest.param("/gemeenten/GM0797/wijken/WK079701/rapport/", "Wijkprofiel", id="report"),
    pytest.param("/gemeenten/GM0797/vergelijken/?indicator=Eenzaam|18%2B", "vergelijken", id="comparison"),
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
    from socialebasis.indicators.tests.conftest import SEED_CSV, source_rows
    from socialebasis.profiles import services as profile_services

    rows = [r for r in source_rows() if r["WijkenEnBuurten"][:6] in ("NL01", "GM0797", "WK0797", "GM1961", "WK1961")]
    path = tmp_path / "health.csv"
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    services.import_health_table(path)
    services.import_seed_figures(SEED_CSV)
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
