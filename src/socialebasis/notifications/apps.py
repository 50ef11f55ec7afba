from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "socialebasis.notifications"
    verbose_name = _("Messages")

    def ready(self) -> None:
        from django.utils.module_loading import autodiscover_modules

        from . import (
            account_mail,  # noqa: F401  (sends the accounts app's confirmation and reset e-mails)
            rules,  # noqa: F401  (registers the permission rules of this app)
            security,  # noqa: F401  (tells users about changes to how they sign in)
        )

        # Every app declares its kinds of message in its own notifications.py (this app's own included).
        autodiscover_modules("notifications")

        from socialebasis.accounts.hub import MESSAGES, register_link

        register_link(MESSAGES, _("Your messages"), "notifications:inbox", order=10)
        register_link(MESSAGES, _("How you get messages"), "notifications:preferences", order=20)
