from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "socialebasis.notifications"
    verbose_name = _("Messages")

    def ready(self) -> None:
        from django.utils.module_loading import autodiscover_modules

        from . import rules  # noqa: F401  (registers the permission rules of this app)

        # Every app declares its kinds of message in its own notifications.py (this app's own included).
        autodiscover_modules("notifications")
