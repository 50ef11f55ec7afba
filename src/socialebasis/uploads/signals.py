"""Files leave the storage when their row is deleted, after the commit: by a service, or by a cascade when an
account is deleted. Connected in apps.py.
"""

from .services import remove_files_after_commit


def remove_files_of_deleted_upload(sender, instance, **kwargs) -> None:
    remove_files_after_commit([instance.file.name, instance.thumbnail.name])
