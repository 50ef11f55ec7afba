from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DirectoryConfig(AppConfig):
    name = "socialebasis.directory"
    verbose_name = _("Sociale kaart")

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from socialebasis.accounts.hub import ADDED, register_link

        from . import importers, page_cache, receivers, rules, sections  # noqa: F401  (permission rules; reactions to other apps)
        from .models import Synonym
        from .selectors import forget_synonyms

        register_link(ADDED, _("Your activities, places and organisations"), "directory:mine", order=10)
        register_link(ADDED, _("Your saved searches"), "directory:saved-searches", order=20)
        from socialebasis.frameworks.previews import register_activity_source

        register_activity_source(receivers.framework_preview_activities)
        importers.register()  # the bulk and HSDS imports on the administration's import page
        sections.register()  # its parts of "Mijn werk" and of the wijk page
        page_cache.connect()  # cached public pages follow every change they show

        post_save.connect(forget_synonyms, sender=Synonym, dispatch_uid="directory-synonyms-saved")
        post_delete.connect(forget_synonyms, sender=Synonym, dispatch_uid="directory-synonyms-deleted")
