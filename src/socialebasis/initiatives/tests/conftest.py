"""Fixtures of the initiatives tests: Oss with its framework and the fund preset, a table, an applicant."""

import pytest

from socialebasis.accounts.tests.factories import UserFactory
from socialebasis.areas.models import Municipality
from socialebasis.frameworks import services as framework_services
from socialebasis.initiatives import selectors, services

from .factories import ApplicationFactory


@pytest.fixture
def oss(seed_areas):
    framework_services.load_presets(["GM0828"])
    return Municipality.objects.get(statcode="GM0828")


@pytest.fixture
def fund(oss):
    fund = services.load_fund_preset(oss, "oss-fonds-sociale-basis")
    return fund


@pytest.fixture
def wijk(oss):
    return selectors.latest_districts(oss).first()


@pytest.fixture
def budget(fund, wijk):
    return services.set_budget(fund, wijk, 2026, 3000, actor=None)


@pytest.fixture
def policy_officer(oss):
    return UserFactory(policy_officer=True, municipalities=[oss])


@pytest.fixture
def member(fund):
    """A resident who sits on the initiative table."""
    user = UserFactory()
    services.seat_member(fund, user, actor=None)
    return user


@pytest.fixture
def applicant(db):
    return UserFactory()


@pytest.fixture
def outsider(db):
    return UserFactory()


@pytest.fixture
def make_application(fund, wijk, applicant, budget):
    def make(**kwargs):
        defaults = {"fund": fund, "district": wijk, "applicant": applicant, "year": 2026}
        return ApplicationFactory(**{**defaults, **kwargs})

    return make
