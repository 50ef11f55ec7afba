"""Production: PostgreSQL, HTTPS only, strict cookies. Every secret comes from the environment."""

from pathlib import Path

from .base import *  # noqa: F403
from .env import config
from .includes.logging import logging_settings

DEBUG = False
SECURE_SSL_REDIRECT = config("SECURE_SSL_REDIRECT", True, "Redirect plain HTTP to HTTPS.")
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
STATIC_ROOT = Path(
    config("STATIC_ROOT", str(STATIC_ROOT), "Where collectstatic writes the static files (hashed and compressed).")  # noqa: F405
)
# Production runs behind one reverse proxy (nginx) unless told otherwise; see includes/security.py.
TRUSTED_PROXY_COUNT = config("TRUSTED_PROXY_COUNT", 1, "Reverse proxies in front of the app (nginx: 1).")
# JSON log lines for journald and log collectors; the id nginx gave a request is its id in the log (ADR 0037).
LOG_FORMAT = config("LOG_FORMAT", "json", "Log lines as `json` (one object per line) or `console` (readable).")
LOGGING = logging_settings(LOG_FORMAT)
REQUEST_ID_FROM_PROXY = config(
    "REQUEST_ID_FROM_PROXY", True, "Use the request id nginx sets in X-Request-ID ($request_id); off: one is made."
)
SECURE_HSTS_SECONDS = config("SECURE_HSTS_SECONDS", 31536000, "HSTS max-age in seconds.")
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_NAME = "__Host-sessionid"
CSRF_COOKIE_NAME = "__Host-csrftoken"

# Last, on purpose: the demo's eased second factor can never be switched on here.
DEMO_MODE = False
