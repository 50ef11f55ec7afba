"""Settings shared by every environment. Environment modules (demo, test, production) only set defaults."""

from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from .env import config
from .includes.uploads import UPLOADS_STORAGE

SRC_DIR = Path(__file__).resolve().parents[1]
BASE_DIR = SRC_DIR.parents[1]

SECRET_KEY = config("SECRET_KEY", "", "Django's secret key; required in production.")
DEBUG = config("DEBUG", False, "Show Django's debug pages. Never in production.")
ALLOWED_HOSTS = config("ALLOWED_HOSTS", ["127.0.0.1", "localhost"], "Host names this site answers to.")

# The demo eases the second factor by showing the current code of the fixed demo secret. Only the demo
# settings switch this on; production.py sets it to False after everything else, so no variable can.
DEMO_MODE = False

INSTALLED_APPS = [
    "socialebasis.core.apps.AdminConfig",  # django.contrib.admin with our site (core/admin_site.py)
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "socialebasis.core.apps.StaticFilesConfig",  # django.contrib.staticfiles, ignoring build-tool files
    "rest_framework",
    "drf_spectacular",
    "django_otp",
    "socialebasis.accounts.third_party.TOTPConfig",  # django_otp.plugins.otp_totp, named in Dutch
    "socialebasis.accounts.third_party.StaticConfig",  # django_otp.plugins.otp_static, named in Dutch
    "socialebasis.accounts.third_party.AxesConfig",  # axes, named in Dutch
    "socialebasis.core",
    "socialebasis.areas",
    "socialebasis.accounts",
    "socialebasis.audit",
    "socialebasis.privacy",
    "socialebasis.workflows",
    "socialebasis.frameworks",
    "socialebasis.indicators",
    "socialebasis.profiles",
    "socialebasis.api",
    "socialebasis.directory",
    "socialebasis.health",
    "socialebasis.surveys",
    "socialebasis.neighbourhelp",
    "socialebasis.stories",
    "socialebasis.signalling",
    "socialebasis.policy",
    "socialebasis.demo",
    "socialebasis.uploads",
    "socialebasis.notifications",
    "socialebasis.initiatives",
]

MIDDLEWARE = [
    # Outermost: every answer (also a 503 or a refusal from the middleware below) gets a request id, a log line and
    # its count and duration in the metrics; /metrics itself is answered here (docs/adr/0037-operations.md).
    "socialebasis.core.metrics.MetricsMiddleware",
    "socialebasis.core.request_log.RequestLogMiddleware",
    # Then, so that every answer under /api/ names the version, also those of the middleware below.
    "socialebasis.api.middleware.ApiVersionHeaderMiddleware",
    # Second, so that every answer gets a Permissions-Policy and, for a signed-in browser, Cache-Control: no-store.
    "socialebasis.core.middleware.PrivacyHeadersMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "socialebasis.core.middleware.DutchFirstLocaleMiddleware",
    "socialebasis.core.middleware.RefuseNulMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "socialebasis.accounts.middleware.SessionTimeoutMiddleware",
    "socialebasis.accounts.middleware.StaffSecondFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "socialebasis.urls"
WSGI_APPLICATION = "socialebasis.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [SRC_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "socialebasis.core.context_processors.site",
                "socialebasis.notifications.context_processors.inbox",
                "socialebasis.accounts.context_processors.work",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        config(
            "DATABASE_URL",
            f"sqlite:///{BASE_DIR / 'var' / 'db.sqlite3'}",
            "Database URL, e.g. postgres://user@host:5432/name. The demo uses SQLite under var/.",
        ),
        conn_max_age=config("DB_CONN_MAX_AGE", 60, "Seconds a database connection is kept open."),
        conn_health_checks=True,
    )
}
# A database that does not answer must give a 503 within seconds, not hold every worker (ADR 0020): libpq gives up
# connecting after DB_CONNECT_TIMEOUT, the server stops a statement after DB_STATEMENT_TIMEOUT_MS, and TCP keepalives
# and the user timeout notice a connection whose other end went away.
DB_CONNECT_TIMEOUT = config("DB_CONNECT_TIMEOUT", 5, "Seconds to wait for a connection to PostgreSQL before a 503.")
DB_STATEMENT_TIMEOUT_MS = config(
    "DB_STATEMENT_TIMEOUT_MS", 30_000, "Milliseconds PostgreSQL may spend on one statement (0: no limit)."
)
DB_TCP_USER_TIMEOUT_MS = config(
    "DB_TCP_USER_TIMEOUT_MS", 10_000, "Milliseconds sent data to PostgreSQL may stay unacknowledged before giving up."
)
if DATABASES["default"]["ENGINE"].endswith("postgresql"):
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "connect_timeout": DB_CONNECT_TIMEOUT,
            "options": f"-c statement_timeout={DB_STATEMENT_TIMEOUT_MS}",
            "keepalives": 1,
            "keepalives_idle": 30,
            "keepalives_interval": 10,
            "keepalives_count": 3,
            "tcp_user_timeout": DB_TCP_USER_TIMEOUT_MS,
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "socialebasis.accounts.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    # Offline: common and breached patterns (repeats, series, keyboard, dates, Dutch and English words, the site's
    # and the person's own names), estimated by zxcvbn.
    {"NAME": "socialebasis.accounts.password_validation.GuessablePasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "accounts:profile"
# No LOGOUT_REDIRECT_URL: it would send people to the start page without a word, and the logout view would
# never show its "You are signed out" page (accounts/logged_out.html).

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Dutch")), ("en", _("English"))]
LOCALE_PATHS = [Path(config("LOCALE_DIR", str(BASE_DIR / "locale"), "Where the translation files are."))]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "var" / "static"
NODE_MODULES = BASE_DIR / "node_modules"
STATICFILES_DIRS = [
    ("vendor/utrecht", NODE_MODULES / "@utrecht" / "component-library-css" / "dist"),
    ("vendor/utrecht-tokens", NODE_MODULES / "@utrecht" / "design-tokens" / "dist"),
    ("vendor/leaflet", NODE_MODULES / "leaflet" / "dist"),
]
STORAGES = {
    # Uploaded photos and documents: on the file system under MEDIA_ROOT (var/media/ in the checkout) or in an
    # S3-compatible bucket, as includes/uploads.py reads it. Never served from a public address (ADR 0024).
    "default": UPLOADS_STORAGE,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

MAILERS = {
    "default": {
        "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "OPTIONS": {
            "host": config("EMAIL_HOST", "localhost", "SMTP server for outgoing e-mail."),
            "port": config("EMAIL_PORT", 25, "SMTP port."),
            "username": config("EMAIL_HOST_USER", "", "SMTP user name."),
            "password": config("EMAIL_HOST_PASSWORD", "", "SMTP password."),
            "use_tls": config("EMAIL_USE_TLS", False, "Use STARTTLS for SMTP."),
            "timeout": config("EMAIL_TIMEOUT", 30, "Seconds to wait for the SMTP server before giving up."),
        },
    }
}
DEFAULT_FROM_EMAIL = config("DEFAULT_FROM_EMAIL", "noreply@socialebasis.local", "Sender of e-mails.")

from .includes.api import *  # noqa: E402,F403
from .includes.cache import *  # noqa: E402,F403
from .includes.directory import *  # noqa: E402,F403
from .includes.indicators import *  # noqa: E402,F403
from .includes.initiatives import *  # noqa: E402,F403
from .includes.logging import *  # noqa: E402,F403
from .includes.maps import *  # noqa: E402,F403
from .includes.notifications import *  # noqa: E402,F403
from .includes.operations import *  # noqa: E402,F403
from .includes.privacy import *  # noqa: E402,F403
from .includes.security import *  # noqa: E402,F403
from .includes.tasks import *  # noqa: E402,F403
from .includes.uploads import *  # noqa: E402,F403
