from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class UploadsConfig(AppConfig):
    name = "socialebasis.uploads"
    verbose_name = _("Uploads")

    def ready(self) -> None:
        from django.db.models.signals import post_delete

        from . import rules  # noqa: F401  (registers the permission rules of this app)
        from .models import Upload
        from .signals import remove_files_of_deleted_upload

        post_delete.connect(remove_files_of_deleted_upload, sender=Upload, dispatch_uid="uploads-remove-files")
