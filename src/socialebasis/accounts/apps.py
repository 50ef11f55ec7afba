from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "socialebasis.accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        from . import rules, signals  # noqa: F401
        from .hub import ACCOUNT, register_link
        from .work import register_section, wijken_part

        register_link(ACCOUNT, _("Change your e-mail address"), "accounts:email-change", order=10)
        register_link(ACCOUNT, _("Change your password"), "accounts:password-change", order=20)
        register_link(
            ACCOUNT, _("Link a new authenticator app"), "accounts:setup_totp", order=30,
            shown_to=lambda user: user.needs_second_factor and user.is_verified(),
        )  # fmt: skip
        register_link(
            ACCOUNT, _("Recovery codes"), "accounts:recovery_codes", order=40,
            shown_to=lambda user: user.needs_second_factor and user.is_verified(),
        )  # fmt: skip
        register_section(
            "accounts.wijken", _("The wijken you work in"), "accounts/work/_wijken.html", wijken_part, order=90
        )
