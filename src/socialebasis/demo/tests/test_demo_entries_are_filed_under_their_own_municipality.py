"""Every demo entry is filed under its own municipality (issue 12, point 10): a place lies in a wijk of the
municipality it is filed under, and an activity's organiser and place belong to the activity's municipality."""

from django.conf import settings

from socialebasis.demo import sociale_kaart
from socialebasis.directory.models import Activity, MeetingPlace, Organisation

SOCIALE_KAART = settings.BASE_DIR / "data" / "demo" / "sociale-kaart.json"


def test_demo_places_activities_and_organisers_share_their_municipality(seed_areas):
    sociale_kaart.load(SOCIALE_KAART)
    places = MeetingPlace.objects.filter(is_demo=True).select_related("district", "organisation")
    assert places.count() >= 8
    for place in places:
        assert place.district is not None, place.name
        assert place.district.municipality_id == place.municipality_id, place.name
        if place.organisation is not None:
            assert place.organisation.municipality_id == place.municipality_id, place.name
    activities = Activity.objects.filter(is_demo=True).select_related("organisation", "place", "district")
    for activity in activities:
        for linked in (activity.organisation, activity.place, activity.district):
            assert linked is None or linked.municipality_id == activity.municipality_id, activity.title
    # Every municipality in the file has its own organisations, under its own code.
    codes = set(Organisation.objects.filter(is_demo=True).values_list("municipality__statcode", flat=True))
    assert codes == {"GM0797", "GM0828", "GM0668", "GM1961"}
