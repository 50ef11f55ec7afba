from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    name = "socialebasis.privacy"
    verbose_name = _("Personal data")

    def ready(self) -> None:
        # Every app declares its personal data in its own `personal_data.py`; this app only collects them, so it
        # imports no domain app itself.
        autodiscover_modules("personal_data")
        from . import checks, rules  # noqa: F401
        from .admin import audit_every_admin

        audit_every_admin()  # the admin found every admin class before this app's turn (INSTALLED_APPS order)
