from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StoriesConfig(AppConfig):
    name = "socialebasis.stories"
    verbose_name = _("Stories")

    def ready(self) -> None:
        from . import rules, sections  # noqa: F401  (permission rules; parts of other pages)

        sections.register()
