"""The one answer to "which address is this client?", for quotas, lockouts and anything else that counts per client.

Behind `TRUSTED_PROXY_COUNT` reverse proxies (nginx: 1) each proxy appends the address it saw to X-Forwarded-For,
so the client's address is the n-th entry from the right; anything further left was written by the client and may
be anything. With 0 proxies X-Forwarded-For is ignored: whoever connects is the client (REMOTE_ADDR). A request
with fewer entries than there are proxies did not come through them all; then too the connecting address counts.
Addresses that do not parse (garbage, a port, an empty entry) never count.
"""

from ipaddress import ip_address

from django.conf import settings
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str:
    remote = _valid(request.META.get("REMOTE_ADDR", "")) or "0.0.0.0"  # noqa: S104 - a value, not a bind address
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies <= 0:
        return remote
    entries = [entry.strip() for entry in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    if len(entries) < proxies or not entries[-proxies]:
        return remote
    return _valid(entries[-proxies]) or remote


def _valid(value: str) -> str:
    try:
        return str(ip_address(value))
    except ValueError:
        return ""
