"""Request quotas: anonymous clients by address, signed-in users by account, and the assessment quota.

The client's address comes from `core.client_address` (only our own proxies are believed), never from DRF's own
reading of X-Forwarded-For, which takes the header's first entry: the one a client chooses.

The counters live in the cache (Redis in production). When the cache cannot be reached the quotas let the request
through and log a warning: a Redis outage costs the quotas for a while, not the whole API (ADR 0020).
"""

import structlog
from rest_framework.throttling import AnonRateThrottle, ScopedRateThrottle, SimpleRateThrottle, UserRateThrottle

from socialebasis.core.client_address import client_address
from socialebasis.core.dependencies import is_dependency_unavailable

log = structlog.get_logger(__name__)


class _Quota(SimpleRateThrottle):
    def get_ident(self, request) -> str:
        return client_address(request)

    def allow_request(self, request, view) -> bool:
        try:
            return super().allow_request(request, view)
        except Exception as exc:
            if not is_dependency_unavailable(exc):
                raise
            log.warning("quota not counted: the cache is unreachable", scope=self.scope, error=type(exc).__name__)
            return True


class ClientRateThrottle(_Quota, AnonRateThrottle):
    """DRF's anonymous quota, per client address."""


class SignedInRateThrottle(_Quota, UserRateThrottle):
    """DRF's user quota, for signed-in users only.

    DRF's own class counts anonymous requests by address as well, a second and looser count next to the anonymous
    quota: twice the cache traffic per request for no extra protection.
    """

    def get_cache_key(self, request, view):
        if not (request.user and request.user.is_authenticated):
            return None
        return super().get_cache_key(request, view)


class ScopedClientRateThrottle(_Quota, ScopedRateThrottle):
    """A view's own quota (`throttle_scope`), per account or client address."""
