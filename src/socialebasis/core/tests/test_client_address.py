"""The client's address: only our own proxies are believed, whatever a client writes in X-Forwarded-For."""

import pytest
from django.test import RequestFactory
from hypothesis import given
from hypothesis import strategies as st

from socialebasis.core.client_address import client_address


def _request(remote="10.0.0.2", forwarded=None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **extra)


@pytest.mark.parametrize(
    ("proxies", "remote", "forwarded", "expected"),
    [
        (0, "203.0.113.7", None, "203.0.113.7"),
        (0, "203.0.113.7", "198.51.100.1", "203.0.113.7"),  # straight to the app: the header is ignored
        (1, "10.0.0.2", "203.0.113.7", "203.0.113.7"),
        (1, "10.0.0.2", "198.51.100.1, 203.0.113.7", "203.0.113.7"),  # a chosen first entry is ignored
        (1, "10.0.0.2", "198.51.100.1,203.0.113.7", "203.0.113.7"),
        (2, "10.0.0.3", "198.51.100.1, 203.0.113.7, 10.0.0.2", "203.0.113.7"),
        (1, "10.0.0.2", None, "10.0.0.2"),  # did not come through the proxy
        (2, "10.0.0.3", "203.0.113.7", "10.0.0.3"),  # fewer entries than proxies
        (1, "10.0.0.2", "198.51.100.1, not-an-address", "10.0.0.2"),
        (1, "10.0.0.2", "2001:db8::1", "2001:db8::1"),
        (1, "10.0.0.2", "", "10.0.0.2"),
    ],
)
def test_the_client_address_is_taken_from_our_own_proxies_only(settings, proxies, remote, forwarded, expected):
    settings.TRUSTED_PROXY_COUNT = proxies
    assert client_address(_request(remote, forwarded)) == expected


@given(chosen=st.text(max_size=200), proxies=st.integers(min_value=0, max_value=3))
def test_no_text_a_client_writes_becomes_its_address(chosen, proxies):
    from django.conf import settings

    real = ["203.0.113.7", "10.0.0.1", "10.0.0.2"][:proxies]
    forwarded = ", ".join([chosen.replace("\x00", ""), *real])
    original = settings.TRUSTED_PROXY_COUNT
    settings.TRUSTED_PROXY_COUNT = proxies
    try:
        address = client_address(_request("10.0.0.9", forwarded))
    finally:
        settings.TRUSTED_PROXY_COUNT = original
    assert address == (real[0] if proxies else "10.0.0.9")
