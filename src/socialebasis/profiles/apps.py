from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProfilesConfig(AppConfig):
    name = "socialebasis.profiles"
    verbose_name = _("Wijk profiles")

    def ready(self) -> None:
        from . import receivers, rules  # noqa: F401  (permission rules; recompute after imports)
