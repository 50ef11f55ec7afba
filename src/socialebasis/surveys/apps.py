from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SurveysConfig(AppConfig):
    name = "socialebasis.surveys"
    verbose_name = _("Surveys")

    def ready(self) -> None:
        from . import personal_data, rules, sections  # noqa: F401  (permission rules and the register)

        sections.register()
