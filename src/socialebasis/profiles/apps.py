from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProfilesConfig(AppConfig):
    name = "socialebasis.profiles"
    verbose_name = _("Wijk profiles")

    def ready(self) -> None:
        from . import receivers, rules, sections  # noqa: F401  (permission rules; recompute after imports)

        sections.register()  # its parts of the wijk page and of "Mijn werk"
