from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InitiativesConfig(AppConfig):
    name = "socialebasis.initiatives"
    verbose_name = _("Initiatives and funds")

    def ready(self) -> None:
        from . import notifications, rules, sections  # noqa: F401  (permission rules, message kinds)

        sections.register()  # its parts of the wijk page and of "Mijn werk"
