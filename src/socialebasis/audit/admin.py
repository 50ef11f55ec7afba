from django.contrib import admin

from .models import AuditEvent


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    list_display = ("at", "actor_label", "action", "object_type", "object_id", "municipality")
    list_filter = ("action", "object_type", "municipality")
    search_fields = ("actor_label", "object_id", "object_label")

    # The log is append-only: nobody edits or removes lines through the admin.
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
