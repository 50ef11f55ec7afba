from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PolicyConfig(AppConfig):
    name = "socialebasis.policy"
    verbose_name = _("Policy checks and theory of change")

    def ready(self) -> None:
        from . import evidence_sources, rules, workflows  # noqa: F401  (permission rules, the check's life cycle)

        evidence_sources.register()  # stories and signals as evidence
