"""Patterns per goal beside the wijk profile's figures for that goal (issue 14 point 4): the framework links goals to
indicators of the catalogue (Heusden's preset: "Ontmoeten en verbinden" to loneliness, "Meedoen" to nothing), the wijk
page and the yearly report show each goal's stories (counted from what the reader may read, small cells suppressed)
beside the profile's latest figures of its indicators, with the municipality's figure to compare."""

import re
from datetime import date

import pytest
from django.urls import reverse

from socialebasis.frameworks import services as framework_services
from socialebasis.frameworks.selectors import goals_in_force
from socialebasis.profiles import findings
from socialebasis.profiles import selectors as profile_selectors
from socialebasis.stories import selectors
from socialebasis.stories.factories import StoryFactory
from socialebasis.stories.models import StoryStatus, Visibility

pytestmark = pytest.mark.django_db

MEETING = "Ontmoeten en verbinden"
PARTICIPATION = "Meedoen"
YEAR = date.today().year


@pytest.fixture
def heusden(health_data):
    """Heusden's framework in force and one of its wijken with figures in its profile (the real health table)."""
    framework_services.load_presets(["GM0797"])
    for wijk_code in ("WK079700", "WK079701", "WK079702"):
        profile = profile_selectors.build_profile(wijk_code, with_series=False)
        if profile and profile.district and any(r.indicator.key == "Eenzaam" for r in profile.rows):
            return profile.district
    pytest.fail("No Heusden wijk with a loneliness figure in the health table.")


def _row(html: str, goal_name: str) -> str:
    """The table row of one goal in the wijk page's patterns."""
    for row in re.findall(r"<tr class=\"utrecht-table__row\">(.*?)</tr>", html, flags=re.S):
        if f'scope="row">{goal_name}</th>' in row:
            return row
    raise AssertionError(f"no row for {goal_name}")


def _expected_lines(district, code: str) -> list[str]:
    profile = profile_selectors.build_profile(district.statcode, district.year, with_series=False)
    rows = [r for r in profile.rows if r.indicator.key == code]
    assert rows, code
    unit = rows[0].indicator.unit
    return [(findings.figure(r.value, unit), str(r.year), findings.figure(r.municipality_value, unit)) for r in rows]


def test_the_framework_links_goals_to_indicators_of_the_catalogue(heusden):
    linked = {goal["key"]: goal["indicators"] for goal in goals_in_force(heusden.municipality)}
    assert "Eenzaam" in linked["meeting"]
    assert linked["participation"] == []


def test_a_goal_with_linked_indicators_shows_their_figures_beside_its_stories(client, heusden):
    for i in range(6):
        StoryFactory(district=heusden, goals=["meeting"], title=f"Samen {i}")
    page = client.get(reverse("areas:district", args=["GM0797", heusden.statcode])).content.decode()
    row = _row(page, MEETING)
    assert ">5</td>" in row  # six stories, rounded to 5
    assert "Eenzaam" in row
    for value, year, municipality in _expected_lines(heusden, "Eenzaam"):
        assert f"<strong>{value}</strong> in {year} (gemeente {municipality})" in row

    report = client.get(reverse("yearly:district", args=["GM0797", heusden.statcode]), {"jaar": YEAR})
    part = report.content.decode().split(f'<h3 class="utrecht-heading-3">{MEETING}</h3>')[1].split("<h3")[0]
    assert "Verhalen: 5." in part
    for value, year, municipality in _expected_lines(heusden, "Eenzaam"):
        assert f"<strong>{value}</strong> in {year} (gemeente {municipality})" in part


def test_a_goal_without_indicators_shows_its_stories_with_a_plain_note(client, heusden):
    for i in range(5):
        StoryFactory(district=heusden, goals=["participation"], title=f"Meedoen {i}")
    page = client.get(reverse("areas:district", args=["GM0797", heusden.statcode])).content.decode()
    row = _row(page, PARTICIPATION)
    assert ">5</td>" in row
    assert "De gemeente heeft nog geen cijfers aan dit doel gekoppeld." in row
    assert "<strong>" not in row


def test_small_cells_stay_hidden_beside_the_figures_and_only_readable_stories_count(client, heusden):
    for i in range(3):
        StoryFactory(district=heusden, goals=["meeting"], title=f"Publiek {i}")
    for i in range(4):  # the panel's and the unread ones are not the visitor's to count
        StoryFactory(district=heusden, goals=["meeting"], visibility=Visibility.PANEL, title=f"Panel {i}")
    StoryFactory(district=heusden, goals=["meeting"], status=StoryStatus.NEW, title="Nieuw")
    row = _row(client.get(reverse("areas:district", args=["GM0797", heusden.statcode])).content.decode(), MEETING)
    assert "minder dan 5" in row
    assert ">3</td>" not in row and ">1</td>" not in row
    assert "Eenzaam" in row  # the figures are there all the same

    part = selectors.goals_beside_figures(heusden, None)
    meeting = next(goal for goal in part["goals"] if goal["key"] == "meeting")
    assert meeting["count"] is None
    assert all(n is None or n == 0 for n in meeting["feelings"])
    assert meeting["figures"]


def test_the_municipal_report_shows_the_municipality_beside_the_netherlands(client, heusden):
    report = client.get(reverse("yearly:municipality", args=["GM0797"]), {"jaar": YEAR}).content.decode()
    part = report.split(f'<h3 class="utrecht-heading-3">{MEETING}</h3>')[1].split("<h3")[0]
    lines = selectors.profile_figures(heusden.municipality, {"Eenzaam"})["Eenzaam"]
    assert lines
    for line in lines:
        assert f"<strong>{line['value']}</strong> in {line['year']} (Nederland {line['compare']})" in part
