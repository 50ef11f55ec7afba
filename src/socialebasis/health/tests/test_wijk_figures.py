"""Acceptance points 3 and 7: figures only from contributions of closed years, suppressed, in the indicator store
with the note, and the API with aggregates only."""

from datetime import date

import pytest
from django.utils import timezone

from socialebasis.health import selectors, services
from socialebasis.health.models import Contribution
from socialebasis.indicators.models import IndicatorValue

pytestmark = pytest.mark.django_db
LAST_YEAR = timezone.localdate().year - 1


def _add(municipality, district, n, score, period=LAST_YEAR):
    Contribution.objects.bulk_create(
        Contribution(
            municipality=municipality, district=district, period=period,
            body=score, mind=score, meaning=score, quality=score, participation=score, daily=score,
        )
        for _ in range(n)
    )  # fmt: skip


@pytest.fixture
def contributed(wmw):
    big, small, smaller = wmw["districts"][:3]
    _add(wmw["municipality"], big, 12, 7)
    _add(wmw["municipality"], small, 2, 3)
    _add(wmw["municipality"], smaller, 4, 9)
    _add(wmw["municipality"], big, 3, 1, period=LAST_YEAR + 1)  # this year: not published while it runs
    return wmw


def test_a_wijk_with_enough_people_is_shown_and_the_small_ones_are_hidden_together(contributed):
    big, small, smaller = contributed["districts"][:3]
    figures = selectors.period_figures(contributed["municipality"], LAST_YEAR)
    by_code = {area.code: area for area in figures.districts}
    assert by_code[big.statcode].n == 12 and by_code[big.statcode].means["body"] == 7.0
    assert by_code[small.statcode].n is None and by_code[smaller.statcode].n is None
    assert by_code[small.statcode].means["body"] is None
    assert figures.municipality.n == 18
    assert selectors.period_figures(contributed["municipality"], LAST_YEAR + 1) is None
    assert selectors.closed_periods(contributed["municipality"]) == [LAST_YEAR]


def test_a_closed_year_does_not_change_when_this_year_grows(contributed):
    """No differences over time: what is published of a closed year stays the same whatever comes in now."""
    before = selectors.period_figures(contributed["municipality"], LAST_YEAR)
    _add(contributed["municipality"], contributed["districts"][1], 7, 2, period=LAST_YEAR + 1)
    after = selectors.period_figures(contributed["municipality"], LAST_YEAR)
    assert [(a.code, a.n, a.means, a.bands) for a in (before.municipality, *before.districts)] == [
        (a.code, a.n, a.means, a.bands) for a in (after.municipality, *after.districts)
    ]


def test_a_closed_year_is_stored_as_indicator_values_with_the_note(contributed):
    big, small, _smaller = contributed["districts"][:3]
    services.publish_period(LAST_YEAR)
    values = IndicatorValue.objects.filter(year=LAST_YEAR, indicator__key=services.RESPONDENTS)
    by_code = {v.area.code: v.value for v in values.select_related("area")}
    assert by_code[big.statcode] == 12 and by_code[small.statcode] is None and by_code["GM0668"] == 18
    assert "gespreksinstrument, geen meetinstrument" in values.first().source_ref
    mean = IndicatorValue.objects.get(
        year=LAST_YEAR, indicator__key="ZelftestPositieveGezondheidBody", area__code=big.statcode
    )
    assert mean.value == 7.0
    with pytest.raises(services.HealthError):
        services.publish_period(date.today().year)


def test_the_api_gives_aggregates_only(client, contributed):
    big, small, _smaller = contributed["districts"][:3]
    body = client.get(f"/api/v1/districts/{big.statcode}/health").json()
    assert body["note"] == "gespreksinstrument, geen meetinstrument"
    period = body["periods"][0]
    assert period["period"] == LAST_YEAR and period["district"]["respondents"] == 12
    assert period["municipality"]["respondents"] == 18
    hidden = client.get(f"/api/v1/districts/{small.statcode}/health").json()["periods"][0]["district"]
    assert hidden["respondents"] is None and all(d["mean"] is None for d in hidden["dimensions"])
    assert client.get("/api/v1/districts/WK999999/health").status_code == 404
    assert client.get("/api/v1/districts/nope/health").status_code == 404


def test_the_figures_page_and_the_wijk_hub_show_the_published_figures(client, contributed):
    big = contributed["districts"][0]
    html = client.get("/gemeenten/GM0668/gezondheid/").content.decode()
    assert str(LAST_YEAR) in html and big.name in html
    hub = client.get(f"/gemeenten/GM0668/wijken/{big.statcode}/").content.decode()
    assert 'id="hub-health"' in hub


def test_low_scores_point_to_activities_in_the_wijk_whose_goals_fit(client, user_factory, wmw):
    from socialebasis.directory.tests.factories import ActivityFactory

    district = wmw["districts"][0]
    services.apply_goal_presets(wmw["municipality"])
    fitting = ActivityFactory(municipality=wmw["municipality"], district=district, goals=["network"])
    ActivityFactory(municipality=wmw["municipality"], district=district, goals=["development"])
    user = user_factory(home_district=district)
    check = services.save_self_check(
        user, {**{k: 8 for k in services.STATEMENT_KEYS}, "daily_care": 1, "daily_money": 1, "daily_help": 1}, []
    )
    offers = selectors.offers_for(user, district, selectors.low_dimensions(check.scores))
    assert [a.pk for a in offers["daily"]] == [fitting.pk]
