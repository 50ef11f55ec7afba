"""Issue 13 point 6: requests, offers, matches and unmet requests per wijk, category and quarter as indicator values,
cells under 5 suppressed (with their complementary cell)."""

import pytest
from django.utils import timezone

from socialebasis.indicators.models import IndicatorValue
from socialebasis.neighbourhelp import figures
from socialebasis.neighbourhelp.models import HelpRequest
from socialebasis.workflows.services import transition

from .factories import help_request

pytestmark = pytest.mark.django_db


def test_counts_per_wijk_category_and_quarter_with_small_cells_suppressed(help_presets):
    for _ in range(6):
        help_request(key="vervoer")
    for _ in range(2):
        help_request(key="tuin")
    unmet = help_request(key="klusjes")
    transition(unmet, "closed", actor=unmet.owner)
    figures.snapshot()

    district = HelpRequest.objects.first().district
    quarter = (timezone.localtime().month - 1) // 3 + 1
    values = {
        v.group: v.value
        for v in IndicatorValue.objects.filter(indicator__key=figures.REQUESTS, area__code=district.statcode)
    }
    assert values[f"K{quarter} Vervoer"] == 6
    assert values[f"K{quarter} Tuin"] is None  # 2: under 5
    assert values[f"K{quarter} Klusjes in huis"] is None  # 1: under 5
    assert values[f"K{quarter}"] == 9 and values[""] == 9
    unmet_values = IndicatorValue.objects.filter(indicator__key=figures.UNMET, area__code=district.statcode)
    assert {v.group: v.value for v in unmet_values}[""] is None  # one unmet request: suppressed


def test_the_figures_show_in_the_wijk_profile(client, help_presets, django_capture_on_commit_callbacks):
    for _ in range(5):
        help_request(key="vervoer")
    with django_capture_on_commit_callbacks(execute=True):  # the profiles recompute after the figures commit
        figures.snapshot()
    district = HelpRequest.objects.first().district
    profile = client.get(f"/api/v1/districts/{district.statcode}/profile").content.decode()
    assert "Hulpvragen burenhulp" in profile


def test_the_yearly_report_counts_who_asked_and_who_found_a_helper_with_small_numbers_hidden(client, help_presets):
    for key, times in (("vervoer", 6), ("boodschappen", 5), ("tuin", 2)):
        for _ in range(times):
            help_request(key=key)
    district = HelpRequest.objects.first().district
    page = client.get(f"/gemeenten/{district.municipality.statcode}/wijken/{district.statcode}/tellen-en-vertellen/")
    html = page.content.decode()
    assert page.status_code == 200 and "Burenhulp" in html
    part = html.split("Burenhulp", 1)[1].split("</table>", 1)[0]
    assert ">6<" in part and ">13<" in part  # vervoer, and the total
    # tuin's 2 is hidden, and so is boodschappen's 5: else 13 - 6 - 5 gives it away
    assert part.count("minder dan 5") == 2 and ">2<" not in part and ">5<" not in part


def test_unmet_requests_are_evidence_an_agenda_item_can_cite(help_presets):
    from socialebasis.indicators.models import Indicator
    from socialebasis.profiles import services as profile_services
    from socialebasis.profiles.forms import AgendaItemForm
    from socialebasis.profiles.tests.test_norms_and_agenda import AGENDA

    for _ in range(5):
        help_request(key="vervoer")
    figures.snapshot()
    unmet = Indicator.objects.get(key=figures.UNMET)
    district = HelpRequest.objects.first().district
    form = AgendaItemForm({**AGENDA, "title": "Vervoer voor wie geen hulp vond", "indicators": [unmet.pk]})
    assert form.is_valid(), form.errors
    item = profile_services.save_agenda_item(form, None, district)
    assert list(item.indicators.values_list("label", flat=True)) == ["Onbeantwoorde hulpvragen burenhulp"]
