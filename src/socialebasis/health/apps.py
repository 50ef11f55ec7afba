from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HealthConfig(AppConfig):
    name = "socialebasis.health"
    verbose_name = _("Positive health")

    def ready(self) -> None:
        from . import personal_data, rules, sections  # noqa: F401  (permission rules and the register)

        sections.register()
