"""Issue 13 point 2: suggestions by distance, category and skill fit, availability overlap and busy-ness, with reasons;
open requests nearby for a volunteer."""

import pytest
from django.utils import translation

from socialebasis.neighbourhelp import selectors
from socialebasis.neighbourhelp.models import VolunteerProfile

from .factories import OSS, help_request, volunteer

pytestmark = pytest.mark.django_db


def test_suggestions_rank_by_availability_then_busy_then_distance_with_reasons(help_presets, user_factory):
    request = help_request(parts=(1 << 3))  # Tuesday morning only
    near_available = volunteer(user_factory(first_name="Anna"), postcode="5252", parts=("1-0",))
    far_available = volunteer(user_factory(first_name="Bert"), postcode="5151", parts=("1-0",), max_km=10)
    near_not_available = volunteer(user_factory(first_name="Cor"), postcode="5251", parts=("4-2",))
    busy = volunteer(user_factory(first_name="Dina"), postcode="5251", parts=("1-0",))
    VolunteerProfile.objects.filter(user=busy).update(open_matches=3)
    volunteer(user_factory(first_name="Eef"), keys=("tuin",), postcode="5251")  # another category
    volunteer(user_factory(first_name="Fien"), postcode="5151", parts=("1-0",), max_km=1)  # too far for her

    with translation.override("en"):
        ranked = selectors.suggestions_for(request)

    names = [r.obj.user.first_name for r in ranked]
    assert names == ["Anna", "Bert", "Dina", "Cor"]
    assert ranked[0].reasons[0].endswith("km away (postcode areas)")
    assert "Tuesday morning" in ranked[0].reasons[1]
    assert "not available on the asked days" in ranked[3].reasons
    assert any("3" in reason for reason in ranked[2].reasons)
    assert {near_available, far_available, near_not_available, busy} >= {r.obj.user for r in ranked}


def test_a_category_asks_for_a_skill_and_the_skilled_volunteer_ranks_first(help_presets, user_factory):
    request = help_request(key="vervoer")
    volunteer(user_factory(first_name="Zonder"), keys=("vervoer",), postcode="5251")
    volunteer(user_factory(first_name="Met"), keys=("vervoer",), postcode="5252", skills=["driving"])
    with translation.override("en"):
        ranked = selectors.suggestions_for(request)
    assert [r.obj.user.first_name for r in ranked] == ["Met", "Zonder"]
    assert "lacks a skill this asks for" in ranked[1].reasons


def test_volunteers_of_another_municipality_or_blocked_are_not_suggested(help_presets, user_factory):
    from socialebasis.neighbourhelp import services

    request = help_request()
    volunteer(user_factory(first_name="Osser"), code=OSS, postcode="5341", max_km=25)
    blocked = volunteer(user_factory(first_name="Geblokt"), postcode="5251")
    services.block(request.owner, blocked)
    assert selectors.suggestions_for(request) == []


def test_a_volunteer_sees_open_requests_nearby_that_fit(help_presets, user_factory):
    helper = volunteer(parts=("1-0",))
    fits = help_request(parts=(1 << 3))
    other_day = help_request(parts=(1 << 20))
    help_request(key="tuin")  # not her category
    help_request(postcode="5341", code=OSS)  # another municipality (and moderated: not even open)
    with translation.override("en"):
        found = selectors.nearby_requests(helper.volunteer_profile, helper)
    assert [r.obj for r in found] == [fits, other_day]
    assert found[0].reasons[1].startswith("fits your days")
