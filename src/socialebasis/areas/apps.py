from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AreasConfig(AppConfig):
    name = "socialebasis.areas"
    verbose_name = _("Areas")

    def ready(self) -> None:
        from . import rules  # noqa: F401  (registers the permission rules of this app)
