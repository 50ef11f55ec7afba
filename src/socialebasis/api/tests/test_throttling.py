"""Quotas: anonymous clients by address, signed-in users by account, each counted once."""

import pytest
from django.core.cache import cache
from rest_framework.throttling import AnonRateThrottle

from socialebasis.api.throttling import SignedInRateThrottle

pytestmark = pytest.mark.django_db
LIST = "/api/v1/municipalities"


@pytest.fixture(autouse=True)
def tight_quotas(monkeypatch):
    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {**AnonRateThrottle.THROTTLE_RATES, "anon": "2/min"})
    monkeypatch.setattr(
        SignedInRateThrottle, "THROTTLE_RATES", {**SignedInRateThrottle.THROTTLE_RATES, "user": "3/min"}
    )
    cache.clear()
    yield
    cache.clear()


def test_anonymous_clients_meet_the_anonymous_quota_only(client, seed_areas):
    assert [client.get(LIST).status_code for _ in range(3)] == [200, 200, 429]
    # Only the anonymous count was kept: the signed-in quota did not count this address.
    assert [key for key in cache._cache if "throttle_user" in key] == []


def test_signed_in_users_meet_their_own_quota(client, seed_areas, user_factory):
    client.force_login(user_factory())
    assert [client.get(LIST).status_code for _ in range(4)] == [200, 200, 200, 429]
