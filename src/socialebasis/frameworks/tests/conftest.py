"""Fixtures for the frameworks tests: the four presets loaded, and staff signed in with a second factor."""

import json
from pathlib import Path

import pytest
from django.core.cache import cache
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from socialebasis.areas.models import Municipality
from socialebasis.frameworks import services

PRESET_DIR = Path(services.__file__).resolve().parent / "presets"


def read_preset(code: str) -> dict:
    return json.loads((PRESET_DIR / f"{code}.json").read_text(encoding="utf-8"))


@pytest.fixture
def frameworks(seed_areas, load_presets):
    """The four seed municipalities with their presets as version 1."""
    load_presets()
    return {m.statcode: m for m in Municipality.objects.all()}


@pytest.fixture(autouse=True)
def _fresh_throttle_history():
    # DRF keeps request counts in the cache; one test's requests must not throttle the next test.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def sign_in_verified():
    """Sign a staff user in on a test client as if they had entered their authenticator code."""

    def sign_in(client, user):
        device = TOTPDevice.objects.create(user=user, name="Telefoon", confirmed=True)
        client.force_login(user)
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
        return client

    return sign_in
