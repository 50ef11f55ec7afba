from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SignallingConfig(AppConfig):
    name = "socialebasis.signalling"
    verbose_name = _("Signals")

    def ready(self) -> None:
        from . import rules, sections  # noqa: F401  (permission rules; parts of other pages)

        sections.register()
