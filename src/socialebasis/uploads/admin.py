"""Uploads in the admin: to look up, and to delete through the service (audited, files removed after commit).

The admin shows no file and no link to one: files are served only through the permission check (views.py).
"""

from django.contrib import admin

from . import services
from .models import Upload


@admin.register(Upload)
class UploadAdmin(admin.ModelAdmin):
    list_display = ["id", "kind", "purpose", "owner", "object_type", "object_id", "size", "created_at"]
    list_filter = ["kind", "purpose", "object_type"]
    search_fields = ["id", "owner__username", "object_id"]
    date_hierarchy = "created_at"
    fields = [
        "id",
        "owner",
        "kind",
        "mime_type",
        "purpose",
        "alt_text",
        "original_name",
        "size",
        "width",
        "height",
        "object_type",
        "object_id",
        "created_at",
        "attached_at",
    ]
    readonly_fields = fields

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def delete_model(self, request, obj) -> None:
        services.delete_upload(obj, request.user)

    def delete_queryset(self, request, queryset) -> None:
        for upload in queryset:
            services.delete_upload(upload, request.user)
