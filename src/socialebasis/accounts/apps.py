from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "socialebasis.accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        from . import rules, signals  # noqa: F401
