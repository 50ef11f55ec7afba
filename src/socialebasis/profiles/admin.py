from django.contrib import admin

from .models import AgendaItem, Norm


@admin.register(Norm)
class NormAdmin(admin.ModelAdmin):
    list_display = ["title", "municipality", "kind", "indicator", "threshold", "is_active"]
    list_filter = ["municipality", "kind"]


@admin.register(AgendaItem)
class AgendaItemAdmin(admin.ModelAdmin):
    list_display = ["title", "district", "owner_name", "municipal_role", "status"]
    list_filter = ["status", "municipal_role"]

    def has_add_permission(self, request) -> bool:
        return False  # an item is made on its wijk's agenda page, where its district and owner are set
