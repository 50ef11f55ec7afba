"""Cache: API quota counters and password-reset counts. In-process by default (demo); Redis when REDIS_URL is set,
shared by all app processes. (Login lockouts are kept in the database by django-axes.)

A Redis that is down or frozen must not hold requests: connecting and each command give up after a short time, and
the quotas then let requests through (api/throttling.py, ADR 0020).
"""

from ..env import config

REDIS_URL = config("REDIS_URL", "", "Redis URL for the shared cache, e.g. redis://127.0.0.1:6379/0. Empty: in-process.")
REDIS_TIMEOUT_MS = config(
    "REDIS_TIMEOUT_MS", 500, "Milliseconds to wait for Redis (connecting, and each command) before going on without it."
)

CACHES = {
    "default": (
        {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {
                "socket_connect_timeout": REDIS_TIMEOUT_MS / 1000,
                "socket_timeout": REDIS_TIMEOUT_MS / 1000,
            },
        }
        if REDIS_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}
