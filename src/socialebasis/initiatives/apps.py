from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InitiativesConfig(AppConfig):
    name = "socialebasis.initiatives"
    verbose_name = _("Initiatives and funds")

    def ready(self) -> None:
        from . import notifications, rules, sections  # noqa: F401  (permission rules, message kinds)

        sections.register()  # its parts of the wijk page and of "Mijn werk"

        from socialebasis.profiles import yearly as report

        from .yearly import yearly_part

        report.register_section(
            "initiatives.year", _("Initiatives: what residents did with a contribution from the fund"),
            "initiatives/report/_year.html", yearly_part, order=report.REGISTERED + 5,
        )  # fmt: skip
