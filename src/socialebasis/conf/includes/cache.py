"""Cache: API throttling counters. In-process by default (demo); Redis when REDIS_URL is set, shared by all
app processes. (Login lockouts are kept in the database by django-axes.)
"""

from ..env import config

REDIS_URL = config("REDIS_URL", "", "Redis URL for the shared cache, e.g. redis://127.0.0.1:6379/0. Empty: in-process.")

CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
        if REDIS_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}
