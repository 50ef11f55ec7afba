"""Own registrations as indicators: the sociale kaart's public places and activities per wijk."""

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
    assert "1 activiteiten en 1 ontmoetingsplekken" in html
    assert "youth 1" in html and "gemeenschap 1" in html


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
