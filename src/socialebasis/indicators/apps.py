from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IndicatorsConfig(AppConfig):
    name = "socialebasis.indicators"
    verbose_name = _("Indicators")

    def ready(self) -> None:
        from . import rules  # noqa: F401  (registers the permission rules of this app)
