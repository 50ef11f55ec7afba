from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NeighbourHelpConfig(AppConfig):
    name = "socialebasis.neighbourhelp"
    label = "neighbourhelp"
    verbose_name = _("Burenhulp")

    def ready(self) -> None:
        from socialebasis.accounts.hub import ADDED, register_link

        from . import rules, sections  # noqa: F401  (permission rules; parts of other apps' pages)

        register_link(ADDED, _("Your help requests, offers and conversations"), "neighbourhelp:mine", order=30)
        register_link(ADDED, _("Your volunteer profile"), "neighbourhelp:volunteer", order=31)
        sections.register()
