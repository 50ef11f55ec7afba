from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class WorkflowsConfig(AppConfig):
    name = "socialebasis.workflows"
    verbose_name = _("Workflows")

    def ready(self) -> None:
        # Each app declares the life cycles of its models in its own `workflows.py` (ADR 0026).
        autodiscover_modules("workflows")
