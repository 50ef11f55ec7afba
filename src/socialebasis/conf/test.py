"""Test settings: the database comes from DATABASE_URL (PostgreSQL in CI, SQLite for the demo path)."""

import atexit
import os
import shutil
import tempfile
from pathlib import Path

os.environ.setdefault("DATABASE_URL", "sqlite:///:memory:")
# Tiles never leave the machine in tests; the browser resolves nothing but 127.0.0.1 anyway. Set before the
# base settings are read, so that the Content-Security-Policy (img-src) allows this same origin.
os.environ.setdefault("MAP_TILE_URL", "http://tiles.invalid/{z}/{x}/{y}.png")

from .base import *  # noqa: F403

# The benchmark commands (make bench-*) run with these settings; production never installs them.
INSTALLED_APPS = [*INSTALLED_APPS, "socialebasis.benchmarks"]  # noqa: F405
SECRET_KEY = "test-only-not-secret-7d1e9c4b2a"
DEBUG = False
DEMO_MODE = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
ALLOWED_HOSTS = ["*"]
# No line per request in the suite's output; core/tests/test_request_log.py switches it on where it is tested.
LOG_REQUESTS = False
# Throttling is tested on its own; the rest of the suite should not trip it.
REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"] = {  # noqa: F405
    "anon": "100000/min",
    "user": "100000/min",
    "assessments": "100000/min",
}
# Likewise the password-reset limits (tested in accounts/tests/test_login_protection.py).
PASSWORD_RESET_LIMIT_PER_ADDRESS = PASSWORD_RESET_LIMIT_PER_EMAIL = SIGN_UP_LIMIT_PER_ADDRESS = 100_000

# Uploaded files go to a folder of this test process alone (pytest-xdist runs several), removed when it ends.
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix=f"socialebasis-media-{os.environ.get('PYTEST_XDIST_WORKER', 'main')}-"))
STORAGES["default"] = {  # noqa: F405
    "BACKEND": "django.core.files.storage.FileSystemStorage",
    "OPTIONS": {"location": MEDIA_ROOT},
}
atexit.register(shutil.rmtree, MEDIA_ROOT, ignore_errors=True)
