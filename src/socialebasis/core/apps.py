from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.contrib.staticfiles.apps import StaticFilesConfig as DjangoStaticFilesConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    # The app's configuration for "socialebasis.core" (this module holds a second one, for staticfiles).
    default = True
    name = "socialebasis.core"
    verbose_name = _("Core")

    def ready(self):
        # The Celery signal handlers (request ids in tasks, the worker's heartbeat, task counts) and the database
        # metrics: connected in every process, the worker's too, which loads no middleware (ADR 0037).
        from . import metrics, request_log, worker_health  # noqa: F401


class AdminConfig(admin_apps.AdminConfig):
    """django.contrib.admin with our site as `admin.site`: the second factor, Dutch titles, the import pages."""

    default = False  # named in INSTALLED_APPS; not the default config of socialebasis.core
    default_site = "socialebasis.core.admin_site.AdminSite"


class StaticFilesConfig(DjangoStaticFilesConfig):
    """collectstatic without what the npm packages ship for other build tools (docs/adr/0029).

    The design-tokens package alone holds 15 MB of JSON, JavaScript modules, SCSS and a dark theme that no page
    loads; copying, hashing and compressing them took two thirds of collectstatic's time. No page uses a file
    that matches these patterns: our own static files are CSS, JavaScript and images.
    """

    ignore_patterns = [
        *DjangoStaticFilesConfig.ignore_patterns,
        "*.json",
        "*.mjs",
        "*.cjs",
        "*.d.ts",
        "*.scss",
        "*.less",
        "*.md",
        "dark",  # @utrecht/design-tokens' dark theme
        "*prince-xml.css",  # the Utrecht CSS for the Prince PDF renderer (we render PDFs with WeasyPrint)
        "leaflet-src*",  # Leaflet's unminified builds; pages load leaflet.js
    ]
