from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FrameworksConfig(AppConfig):
    name = "socialebasis.frameworks"
    verbose_name = _("Local frameworks")

    def ready(self) -> None:
        from . import rules  # noqa: F401  (registers the permission rules of this app)
