"""How many password-reset e-mails a client address and an e-mail address may ask for within a window.

Counted in the cache (Redis in production), in fixed windows that start with the first request. Without a cache the
requests are let through with a warning, like the API quotas (ADR 0020).
"""

import hashlib

import structlog
from django.conf import settings
from django.core.cache import cache

from socialebasis.core.dependencies import is_dependency_unavailable

log = structlog.get_logger(__name__)


def password_reset_allowed(address: str, email: str) -> bool:
    """Count this request; False when the address or the e-mail address asked too often within the window."""
    window = settings.PASSWORD_RESET_WINDOW_MINUTES * 60
    email_key = hashlib.sha256(email.strip().lower().encode("utf-8")).hexdigest()
    try:
        per_address = _count(f"password-reset:address:{address}", window)
        per_email = _count(f"password-reset:email:{email_key}", window)
    except Exception as exc:
        if not is_dependency_unavailable(exc):
            raise
        log.warning("password-reset quota not counted: the cache is unreachable", error=type(exc).__name__)
        return True
    allowed = per_address <= settings.PASSWORD_RESET_LIMIT_PER_ADDRESS
    allowed = allowed and per_email <= settings.PASSWORD_RESET_LIMIT_PER_EMAIL
    if not allowed:
        log.warning("password-reset e-mail withheld: too many requests", address=address)
    return allowed


def _count(key: str, window: int) -> int:
    cache.add(key, 0, timeout=window)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=window)
        return 1


def sign_up_allowed(address: str) -> bool:
    """Count a sign-up from this client address; False past SIGN_UP_LIMIT_PER_ADDRESS within the window."""
    try:
        count = _count(f"sign-up:address:{address}", settings.SIGN_UP_WINDOW_MINUTES * 60)
    except Exception as exc:
        if not is_dependency_unavailable(exc):
            raise
        log.warning("sign-up quota not counted: the cache is unreachable", error=type(exc).__name__)
        return True
    return count <= settings.SIGN_UP_LIMIT_PER_ADDRESS
