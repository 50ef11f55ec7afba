"""Fixtures for the whole suite: real areas from the shipped CBS files, users per role."""

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent
DATA = ROOT / "data"


@pytest.fixture
def seed_areas(db):
    """The four municipalities with their 81 real wijken (2023) and Heusden's own division."""
    from socialebasis.areas import services

    services.import_municipality_boundaries(DATA / "cbs" / "cbs_gemeenten_2020_4gemeenten_wgs84.geojson")
    services.import_district_boundaries(DATA / "cbs" / "cbs_wijken_2023_4gemeenten_wgs84.geojson")
    services.import_own_division(DATA / "own_divisions" / "GM0797-wijkgerichte-aanpak.json")


@pytest.fixture
def user_factory(db):
    from socialebasis.accounts.tests.factories import UserFactory

    return UserFactory


def pytest_collection_modifyitems(config, items):
    # Browser tests run Playwright's event loop in the test thread; Django's ORM guard would refuse the
    # database calls the tests make between page loads, though nothing runs concurrently there.
    if any(item.get_closest_marker("e2e") for item in items):
        os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture
def verified(db):
    """Sign a user in on a test client with a confirmed second factor, as after the TOTP step."""
    from django_otp import DEVICE_ID_SESSION_KEY

    from socialebasis.accounts.tests.factories import TOTPDeviceFactory

    def sign_in(client, user):
        device = TOTPDeviceFactory(user=user)
        client.force_login(user)
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
        return device

    return sign_in


@pytest.fixture
def seed_areas_once(request, django_db_blocker):
    """seed_areas for tests that hypothesis runs many times within one database transaction."""
    from socialebasis.areas.models import Municipality

    if not Municipality.objects.exists():
        request.getfixturevalue("seed_areas")
