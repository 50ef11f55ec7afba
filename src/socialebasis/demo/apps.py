from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """The demo: loads the four seed municipalities and invented example content from data/demo/.

    It sits above every other app and nothing imports it (ADR 0028); its loaders only call the apps' services.
    """

    name = "socialebasis.demo"
    verbose_name = _("Demo")
