import pytest

from socialebasis.areas.models import AreaDivision, Municipality
from socialebasis.core import permissions

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(seed_areas):
    return AreaDivision.objects.create(
        municipality=Municipality.objects.get(statcode="GM1961"),
        slug="concept",
        name="Concept",
        is_public=False,
    )


@pytest.mark.parametrize(
    ("traits", "works_for", "may_view", "may_change"),
    [
        ({}, [], False, False),
        ({"professional": True}, ["GM1961"], True, False),
        ({"professional": True}, ["GM0797"], False, False),
        ({"policy_officer": True}, ["GM1961"], True, True),
        ({"policy_officer": True}, ["GM0668"], False, False),
        ({"administrator": True}, [], True, True),
    ],
)
def test_one_rule_answers_for_objects_and_querysets(user_factory, draft, traits, works_for, may_view, may_change):
    user = user_factory(**traits, municipalities=list(Municipality.objects.filter(statcode__in=works_for)))
    assert permissions.can(user, "areas.view_division", draft) is may_view
    assert permissions.can(user, "areas.change_division", draft) is may_change
    visible = permissions.visible(user, "areas.view_division", AreaDivision.objects.all())
    assert (draft in visible) is may_view


def test_an_inactive_user_may_do_nothing(user_factory, draft):
    officer = user_factory(policy_officer=True, municipalities=[draft.municipality], is_active=False)
    assert not permissions.can(officer, "areas.change_division", draft)


def test_unknown_rule_is_a_programming_error(user_factory):
    with pytest.raises(LookupError):
        permissions.can(user_factory(), "areas.fly_to_the_moon")
