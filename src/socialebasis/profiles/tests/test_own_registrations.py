"""Own registrations as indicators: the sociale kaart's public places and activities per wijk."""

import io
import re

from socialebasis.areas.models import Municipality
from socialebasis.directory.tests.factories import ActivityFactory, MeetingPlaceFactory
from socialebasis.profiles import registrations, selectors, services
from socialebasis.profiles.models import Norm
from socialebasis.profiles.norms import check


def test_the_inventory_counts_public_places_and_activities_of_the_wijk(health_data):
    place = MeetingPlaceFactory(setting="indoor")
    district = place.district
    assert district is not None
    ActivityFactory(place=place, target_groups=["youth"], sphere="gemeenschap")
    ActivityFactory(place=place, target_groups=["elderly"], unpublished=True)
    found = registrations.inventory(district)
    assert (found.places, found.indoor_public_places, found.activities) == (1, 1, 1)
    assert found.by_target_group == {"youth": 1}
    assert found.activities_per_1000 is None  # no number of residents loaded for this wijk


def test_the_profile_page_shows_the_inventory_by_target_group(client, health_data):
    place = MeetingPlaceFactory(setting="indoor")
    ActivityFactory(place=place, target_groups=["youth"], sphere="gemeenschap")
    html = client.get(f"/gemeenten/GM0797/wijken/{place.district.statcode}/profiel/").content.decode()
    assert "In de sociale kaart: activiteiten 1; ontmoetingsplekken 1, waarvan binnen en openbaar 1." in html
    rows = [" ".join(re.sub(r"<[^>]+>", " ", row).split()) for row in html.split("</tr>")]
    # Kind, Dutch name, count, rate (no CBS residents loaded here); a sphere outside the framework keeps its key.
    assert "Doelgroep jongeren 1 niet bekend" in rows
    assert "Sfeer gemeenschap 1 niet bekend" in rows


def test_heusdens_meeting_place_norm_is_checked_against_the_sociale_kaart(health_data):
    heusden = Municipality.objects.get(statcode="GM0797")
    services.apply_preset(heusden)
    norm = Norm.objects.get(preset="heusden-ontmoetingsplekken")
    place = MeetingPlaceFactory(setting="indoor")
    with_place = selectors.build_profile(place.district.statcode, with_series=False)
    assert check(norm, with_place.district, with_place).status == "met"
    other = heusden.districts.exclude(pk=place.district.pk).first()
    without = selectors.build_profile(other.statcode, with_series=False)
    result = check(norm, without.district, without)
    assert result.status == "not_met" and result.reason.startswith("0 ")


def test_the_overview_of_all_wijken_gives_the_same_answers_as_each_wijks_own_check(health_data):
    from socialebasis.profiles import norms

    heusden = Municipality.objects.get(statcode="GM0797")
    oss = Municipality.objects.get(statcode="GM0828")
    services.apply_preset(heusden)
    Norm.objects.create(
        municipality=oss, title="Iets voor jongeren", kind="registration", registration="activity_youth", threshold=1
    )
    youth = ActivityFactory(municipality=oss, target_groups=["youth"], district=oss.districts.order_by("statcode")[0])
    MeetingPlaceFactory(setting="indoor")

    overview = norms.overview([heusden, oss])
    assert [line.district for line in overview[heusden.pk]] == list(heusden.districts.order_by("statcode"))
    compared = 0
    for municipality in (heusden, oss):
        active = selectors.norms_of(municipality)
        for line in overview[municipality.pk]:
            profile = selectors.build_profile(line.district.statcode, line.district.year, with_series=False)
            expected = [check(norm, line.district, profile) for norm in active]
            assert [(c.norm, c.status, c.reason) for c in line.checks] == [
                (c.norm, c.status, c.reason) for c in expected
            ], line.district
            compared += len(expected)
    assert compared >= 5 * heusden.districts.count()
    statuses = {line.district: line.checks[0].status for line in overview[oss.pk]}
    assert statuses[youth.district] == "met"
    assert list(statuses.values()).count("met") == 1


def _kwb_residents():
    """Residents of GM0797, WK079701 and WK079702 from the recorded CBS Kerncijfers response."""
    from pathlib import Path

    from socialebasis.indicators import odata

    recorded = Path(__file__).parents[2] / "indicators" / "tests" / "fixtures" / "cbs_85618NED_heusden.json"
    odata.import_kwb("85618NED", ["GM0797"], session=odata.RecordedSession(recorded))


def test_the_snapshot_stores_public_registrations_per_wijk_and_municipality_as_indicators(
    health_data, django_capture_on_commit_callbacks
):
    from datetime import date

    from socialebasis.areas.models import District
    from socialebasis.indicators.models import IndicatorValue

    drunen = District.objects.get(statcode="WK079701")
    other = District.objects.get(statcode="WK079702")
    place = MeetingPlaceFactory(setting="indoor", district=drunen, latitude=None, longitude=None)
    ActivityFactory(place=place, district=drunen, target_groups=["youth"], goals=["meeting"])
    ActivityFactory(district=drunen, target_groups=["youth", "elderly"])
    ActivityFactory(district=drunen, unpublished=True)
    ActivityFactory(district=other)
    _kwb_residents()

    first = registrations.snapshot(date(2026, 3, 1))
    values = {
        (v.area.code, v.indicator.key, v.group): v.value
        for v in IndicatorValue.objects.filter(indicator__source__key="sociale-kaart", year=2026).select_related(
            "area", "indicator"
        )
    }
    assert values[("WK079701", "EigenRegistratieActiviteiten", "")] == 2  # the unpublished one does not count
    assert values[("WK079701", "EigenRegistratieOntmoetingsplekken", "")] == 1
    assert values[("WK079701", "EigenRegistratieActiviteiten", "doelgroep jongeren")] == 2
    assert values[("WK079701", "EigenRegistratieActiviteiten", "doelgroep ouderen")] == 1
    assert values[("WK079701", "EigenRegistratieActiviteitenPer1000", "")] == round(2000 / 21305, 2)
    assert values[("WK079702", "EigenRegistratieActiviteitenPer1000", "")] == round(1000 / 6790, 2)
    assert values[("GM0797", "EigenRegistratieActiviteiten", "")] == 3
    assert values[("GM0797", "EigenRegistratieActiviteitenPer1000", "")] == round(3000 / 46320, 2)
    # A wijk without any registration has 0, a figure; without CBS residents there is no rate, not a guess.
    assert values[("WK079705", "EigenRegistratieActiviteiten", "")] == 0
    assert ("WK079705", "EigenRegistratieActiviteitenPer1000", "") not in values
    assert first.created == len(values)

    again = registrations.snapshot(date(2026, 3, 1))
    assert (again.created, again.updated, again.unchanged) == (0, 0, len(values))
    with django_capture_on_commit_callbacks(execute=True):  # the profiles recompute once the snapshot commits
        later = registrations.snapshot(date(2026, 11, 1))  # same year: replaces this year's figures, adds none
    assert later.created == 0
    refs = set(
        IndicatorValue.objects.filter(indicator__source__key="sociale-kaart").values_list("source_ref", flat=True)
    )
    assert refs == {"sociale kaart op 01-11-2026", "sociale kaart op 01-11-2026; inwoners: CBS"}
    profile = selectors.build_profile("WK079701", with_series=False)
    row = profile.row("EigenRegistratieActiviteitenPer1000")
    assert row.value == round(2000 / 21305, 2) and row.municipality_value == round(3000 / 46320, 2)
    assert "Bron: sociale kaart van de gemeente" in " ".join(profile.attributions)


def test_the_profile_names_target_groups_and_goals_and_gives_rates_when_residents_are_known(client, health_data):
    from django.core.management import call_command

    from socialebasis.areas.models import District

    call_command("load_framework_presets", stdout=io.StringIO())  # goal names come from Heusden's framework

    drunen = District.objects.get(statcode="WK079701")
    ActivityFactory(district=drunen, target_groups=["youth"], goals=["meeting"])
    _kwb_residents()
    found = registrations.inventory(drunen)
    assert found.target_groups == [
        {"key": "youth", "label": "jongeren", "count": 1, "per_1000": round(1000 / 21305, 2)}
    ]
    assert found.goals[0]["label"] == "Ontmoeten en verbinden"
    html = client.get("/gemeenten/GM0797/wijken/WK079701/profiel/").content.decode()
    assert "Ontmoeten en verbinden" in html and "jongeren" in html
    api = client.get("/api/v1/districts/WK079701/profile").json()
    assert api["inventory"]["goals"][0]["label"] == "Ontmoeten en verbinden"
