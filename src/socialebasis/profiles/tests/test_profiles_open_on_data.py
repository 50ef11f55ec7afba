"""Profiles that open on data (issue 12 point 7): the comparison opens on figures, the profile says which sources
are loaded, charts carry axes and legend, every theme once and folded, residents per wijk from CBS 2024, rates per
1,000 residents for all four municipalities, a page of at most 150 KB, and the PDF made on the worker."""

import io
import re

import pytest
from django.conf import settings
from django.core.management import call_command

from socialebasis.areas.models import District, Municipality
from socialebasis.demo import sociale_kaart
from socialebasis.directory.tests.factories import ActivityFactory
from socialebasis.indicators import selectors as indicator_selectors
from socialebasis.indicators import services
from socialebasis.indicators.models import Area, IndicatorValue
from socialebasis.indicators.tests.conftest import SEED_CSV
from socialebasis.profiles import registrations, selectors, tasks
from socialebasis.profiles.models import ReportPdf

PROFILE = "/gemeenten/GM0797/wijken/WK079701/profiel/"


def _options(html: str) -> list[tuple[str, bool]]:
    return [(value, bool(selected)) for value, selected in re.findall(r'<option value="([^"]*)"\s*(selected)?', html)]


def _text(html: str) -> list[str]:
    """The rows of every table as plain text, cell after cell."""
    return [" ".join(re.sub(r"<[^>]+>", " ", row).split()) for row in html.split("</tr>")]


def test_vijfheerenlanden_comparison_opens_on_an_indicator_with_figures_and_offers_only_those(
    client, health_data, kwb_2024
):
    vhl = Municipality.objects.get(statcode="GM1961")
    html = client.get("/gemeenten/GM1961/vergelijken/").content.decode()
    options = _options(html)
    assert options and [selected for _v, selected in options].count(True) == 1
    districts = {d.pk for d in District.objects.filter(municipality=vhl)}
    for value, selected in options:
        key, _sep, group = value.replace("&#x27;", "'").partition("|")
        pair = next((i, g) for i, g in selectors.indicators_with_values(vhl) if i.key == key and g == group)
        rows = selectors.comparison(vhl, *pair)
        with_figure = [r for r in rows if r["summary"]]
        assert with_figure, f"{value} is offered without any figure"
        assert {r["district"].pk for r in rows} == districts
        if selected:  # the one it opens on has a figure for every wijk
            assert len(with_figure) == len(districts)
    # The health table's 2020 codes mean other areas in today's division: those indicators are not offered.
    assert not any(value.startswith("Eenzaam|") for value, _s in options)
    assert "geen cijfer" not in html


def test_a_comparison_without_any_figure_for_todays_wijken_says_so(client, health_data):
    html = client.get("/gemeenten/GM1961/vergelijken/").content.decode()
    assert _options(html) == []
    assert "Voor de wijken van deze gemeente zijn nog geen cijfers." in html


def test_heusden_opens_on_an_indicator_every_wijk_has(client, health_data):
    html = client.get("/gemeenten/GM0797/vergelijken/").content.decode()
    assert "geen cijfer" not in html and any(selected for _v, selected in _options(html))


def test_the_profile_says_which_sources_are_loaded_for_this_municipality_and_which_not(client, health_data, kwb_2024):
    statuses = {s.key: s for s in indicator_selectors.sources_of_municipality("GM0797")}
    assert statuses["cbs-50090ned"].years == [2012, 2016, 2020]
    assert statuses["cbs-kwb"].years == [2024]
    assert not statuses["seed-documents"].loaded  # Heusden's vision quotes no figures
    assert not statuses["own-monitor"].loaded
    rows = _text(client.get(PROFILE).content.decode())
    assert "CBS/RIVM/GGD'en, Gezondheid per wijk en buurt (50090NED) ja 2012, 2016, 2020" in " ".join(rows).replace(
        "&#x27;", "'"
    )
    assert any(r.startswith("Cijfers uit de beleidsvisies van de gemeenten nee, niet geladen") for r in rows)
    # Vijfheerenlanden's vision quotes figures: once they are imported, that source is loaded there (not in Heusden).
    assert not {s.key: s.loaded for s in indicator_selectors.sources_of_municipality("GM1961")}["seed-documents"]
    services.import_seed_figures(SEED_CSV)
    assert {s.key: s.loaded for s in indicator_selectors.sources_of_municipality("GM1961")}["seed-documents"]
    assert not {s.key: s.loaded for s in indicator_selectors.sources_of_municipality("GM0797")}["seed-documents"]


def test_trend_charts_label_their_axes_and_the_page_carries_the_legends(client, health_data):
    html = client.get(PROFILE).content.decode()
    chart = re.search(r'<svg class="sb-chart sb-chart--trend".*?</svg>', html, re.S).group(0)
    labels = re.findall(r"<text[^>]*>([^<]+)</text>", chart)
    assert labels[2:] == ["2012", "2020"]  # the horizontal axis: first and last year
    low, high = (float(x.replace(",", ".")) for x in (labels[1], labels[0]))
    title = re.search(r"<title>(.*?)</title>", chart).group(1)
    points = [float(n.replace(",", ".")) for n in re.findall(r"\d+,\d", title)]  # the figures, not the years
    assert (low, high) == (min(points), max(points))
    legend = re.search(r'<ul class="sb-legend__list" aria-labelledby="trend-legend">(.*?)</ul>', html, re.S).group(1)
    assert re.findall(r"</svg> ([^<]+)</li>", legend) == ["deze wijk", "gemeente", "Nederland"]
    overview = re.search(r'<figure class="sb-chart-box">(.*?)</figure>', html, re.S).group(1)
    assert "aantal indicatoren" in overview
    assert re.findall(r"</span> ([^<]+)</li>", overview) == ["opvallend beter", "ongeveer gelijk", "opvallend slechter"]


def test_every_theme_appears_once_and_long_parts_fold(client, health_data):
    html = client.get(PROFILE).content.decode()
    captions = re.findall(r'<caption class="utrecht-table__caption" id="theme-\d+">([^<]+)</caption>', html)
    assert len(captions) == len(set(captions)) >= 5
    sections = re.findall(r'<section aria-labelledby="([^"]+)"', html)
    assert len(sections) == len(set(sections))
    folds = re.findall(r'<details class="sb-fold"( open)?>', html)
    assert len(folds) >= len(captions) + 1 and folds[0] == " open" and " open" not in folds[1:]
    report = client.get("/gemeenten/GM0797/wijken/WK079701/rapport/").content.decode()
    assert re.findall(r"<details[^>]*>", report) and all(
        d.endswith(" open>") for d in re.findall(r"<details[^>]*>", report)
    )


def test_residents_per_1000_show_for_every_wijk_of_all_four_municipalities(client, kwb_2024):
    for municipality in Municipality.objects.all():
        ActivityFactory(district=municipality.districts.first(), target_groups=["youth"])
    registrations.snapshot()
    rates = {
        area_code
        for area_code in IndicatorValue.objects.filter(
            indicator__key=registrations.ACTIVITIES_PER_1000, group="", value__isnull=False
        ).values_list("area__code", flat=True)
    }
    assert {d.statcode for d in District.objects.all()} | set(
        Municipality.objects.values_list("statcode", flat=True)
    ) <= rates
    for municipality in Municipality.objects.all():
        district = municipality.districts.first()
        inventory = registrations.inventory(district)
        residents = Area.objects.get(code=district.statcode, division_year=2024).values.get(
            indicator__key="AantalInwoners"
        )
        assert inventory.activities_per_1000 == round(1000 / residents.value, 2)
        html = client.get(f"/gemeenten/{municipality.statcode}/wijken/{district.statcode}/profiel/").content.decode()
        rate = f"{inventory.activities_per_1000}".replace(".", ",")
        assert re.search(rf"Dat is {rate} activiteiten en [\d,]+ ontmoetingsplekken per 1.000 inwoners", html)
        assert "op 1 januari 2024 (CBS Kerncijfers wijken en buurten)" in html
        assert "Bron: CBS, Kerncijfers wijken en buurten, PDOK — CC BY 4.0" in html


def test_the_profile_lists_the_buurten_of_the_wijk_with_their_residents(client, kwb_2024):
    rows = _text(client.get(PROFILE).content.decode())
    assert "Braken-West BU07970101 2.065 2024" in rows or any(r.startswith("Braken-West BU07970101") for r in rows)


def test_the_largest_heusden_wijk_profile_stays_under_150_kb(client, health_data, kwb_2024):
    call_command("load_framework_presets", stdout=io.StringIO())
    sociale_kaart.load(settings.BASE_DIR / "data" / "demo" / "sociale-kaart.json")
    registrations.snapshot()
    sizes = {
        d.statcode: len(client.get(f"/gemeenten/GM0797/wijken/{d.statcode}/profiel/").content)
        for d in District.objects.filter(municipality__statcode="GM0797")
    }
    assert max(sizes.values()) <= 150_000, sizes
    assert min(sizes.values()) > 40_000  # the figures are there, not left out


@pytest.fixture
def without_worker_at_hand():
    """Tasks go to the (in-memory) broker instead of running at once, as with a worker on Redis."""
    from socialebasis.background import app

    # Django's CELERY_* names win over Celery's own (see core/tests/test_background_work.py): set that one.
    app.conf.update({"CELERY_TASK_ALWAYS_EAGER": False})
    yield
    app.conf.update({"CELERY_TASK_ALWAYS_EAGER": True})


def test_the_pdf_is_made_on_the_worker_and_the_page_says_it_is_being_made_until_then(
    client, health_data, without_worker_at_hand, django_capture_on_commit_callbacks
):
    url = "/gemeenten/GM0797/wijken/WK079701/rapport.pdf"
    with django_capture_on_commit_callbacks(execute=True):
        waiting = client.get(url)
    assert waiting.status_code == 202 and waiting["Retry-After"] == "2"
    html = waiting.content.decode()
    # Without JavaScript a link asks again; no meta refresh (a timed reload fails WCAG 2.2.1); the script (an
    # enhancement) asks every Retry-After seconds.
    assert 'http-equiv="refresh"' not in html
    assert "De pdf wordt gemaakt" in html
    assert (
        f'<a class="utrecht-link" id="report-again" data-retry-seconds="2" href="{url}">Nu opnieuw kijken</a>' in html
    )
    assert "profiles/js/report-pending.js" in html
    report = ReportPdf.objects.get()
    assert report.status == "pending" and report.html
    with django_capture_on_commit_callbacks(execute=True):
        assert client.get(url).status_code == 202  # asked again: still the same one, not queued twice
    assert ReportPdf.objects.count() == 1

    tasks.make_report_pdf(report.pk)  # what the worker does with the queued task

    done = client.get(url)
    assert done.status_code == 200 and done["Content-Type"] == "application/pdf"
    assert done.content.startswith(b"%PDF")
    report.refresh_from_db()
    assert report.status == "ready" and report.html == "" and report.seconds is not None
