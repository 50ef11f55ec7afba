"""Fixtures of the initiatives tests: Oss with its framework and the fund preset, a table, an applicant."""

import pytest

from socialebasis.accounts.tests.factories import UserFactory
from socialebasis.areas.models import District, Municipality
from socialebasis.frameworks import services as framework_services
from socialebasis.initiatives import selectors, services

from .factories import ApplicationFactory

WIJKEN = [("WK082801", "Oss-Centrum"), ("WK082802", "Oss-Noord"), ("WK082803", "Oss-Oost")]


@pytest.fixture
def oss(db):
    """Oss with three of its wijken (2023) and its framework preset: enough for the fund, and fast."""
    oss = Municipality.objects.create(statcode="GM0828", name="Oss")
    for code, name in WIJKEN:
        District.objects.create(statcode=code, name=name, year=2023, municipality=oss)
    framework_services.load_presets(["GM0828"])
    return oss


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
