import pytest

from socialebasis.accounts.tests.factories import UserFactory
from socialebasis.areas.models import Municipality


@pytest.fixture
def presets(seed_areas, load_presets):
    load_presets(["GM0828", "GM1961", "GM0797"])


@pytest.fixture
def oss(presets):
    return Municipality.objects.get(statcode="GM0828")


@pytest.fixture
def officer(oss):
    return UserFactory(username="auteur", policy_officer=True, municipalities=[oss])


@pytest.fixture
def colleague(oss):
    return UserFactory(username="collega", policy_officer=True, municipalities=[oss])


@pytest.fixture
def professional(oss):
    return UserFactory(username="opbouwwerker", professional=True, municipalities=[oss])
