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


def test_a_forwarded_for_header_sent_straight_to_the_app_does_not_reset_the_quota(client, seed_areas, settings):
    settings.TRUSTED_PROXY_COUNT = 0  # no proxy: gunicorn is reached directly
    statuses = [client.get(LIST, HTTP_X_FORWARDED_FOR=f"198.51.100.{n}").status_code for n in range(3)]
    assert statuses == [200, 200, 429]


def test_a_chosen_first_address_through_our_proxy_does_not_reset_the_quota(client, seed_areas, settings):
    settings.TRUSTED_PROXY_COUNT = 1  # nginx appends the address it saw ($remote_addr)
    statuses = [
        client.get(LIST, HTTP_X_FORWARDED_FOR=f"198.51.100.{n}, 203.0.113.7", REMOTE_ADDR="10.0.0.2").status_code
        for n in range(3)
    ]
    assert statuses == [200, 200, 429]
    # Another client behind the same proxy has a quota of its own.
    other = client.get(LIST, HTTP_X_FORWARDED_FOR="203.0.113.8", REMOTE_ADDR="10.0.0.2")
    assert other.status_code == 200


def test_the_assessment_quota_counts_by_the_same_client_address(client, seed_areas, settings, monkeypatch):
    from rest_framework.throttling import ScopedRateThrottle

    monkeypatch.setattr(
        ScopedRateThrottle, "THROTTLE_RATES", {**ScopedRateThrottle.THROTTLE_RATES, "assessments": "1/min"}
    )
    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {**AnonRateThrottle.THROTTLE_RATES, "anon": "100/min"})
    settings.TRUSTED_PROXY_COUNT = 0
    from socialebasis.frameworks import services as framework_services

    framework_services.load_presets(["GM0797"])
    url = "/api/v1/municipalities/GM0797/assessments"
    body = {"name": "Koffieochtend"}
    first = client.post(url, body, content_type="application/json", HTTP_X_FORWARDED_FOR="198.51.100.1")
    second = client.post(url, body, content_type="application/json", HTTP_X_FORWARDED_FOR="198.51.100.2")
    assert first.status_code != 429
    assert second.status_code == 429
