from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IndicatorsConfig(AppConfig):
    name = "socialebasis.indicators"
    verbose_name = _("Indicators")

    def ready(self) -> None:
        from . import importers, rules  # noqa: F401  (registers the permission rules of this app)

        importers.register()  # the CBS import on the administration's import page
