"""The embedded demo: SQLite, no other services, no variables needed."""

from .base import *  # noqa: F403
from .base import BASE_DIR

SECRET_KEY = SECRET_KEY or "demo-only-not-secret-3f9a1c0e6b5d4a2f8e7c"  # noqa: F405
DEMO_MODE = True
# E-mail (password reset links) is written to files under var/mail instead of being sent.
MAILERS = {
    "default": {
        "BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "OPTIONS": {"file_path": str(BASE_DIR / "var" / "mail")},
    }
}
# Serve static files straight from the finders so the demo needs no collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
(BASE_DIR / "var").mkdir(exist_ok=True)
