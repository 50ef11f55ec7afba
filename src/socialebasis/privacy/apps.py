from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _

from socialebasis.core.roles import Role


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

        from socialebasis.accounts.hub import DATA, register_link
        from socialebasis.core.roles import has_role, is_administrator

        register_link(DATA, _("See or download what we keep about you"), "privacy:my-data", order=10)
        register_link(DATA, _("Delete my account"), "privacy:erase-account", order=20)
        register_link(
            DATA, _("Register of processing activities"), "privacy:register", order=30,
            shown_to=lambda user: is_administrator(user) or has_role(user, Role.POLICY_OFFICER),
        )  # fmt: skip
