from django.contrib import admin

from .models import Area, ImportRun, Indicator, Source


class ImportedAdmin(admin.ModelAdmin):
    """Sources, indicators and statistical areas are made by the importers (/beheer/import/); here they are looked up
    and their texts corrected."""

    def has_add_permission(self, request) -> bool:
        return False


@admin.register(Source)
class SourceAdmin(ImportedAdmin):
    list_display = ["key", "name", "licence"]


@admin.register(Indicator)
class IndicatorAdmin(ImportedAdmin):
    list_display = ["key", "label", "unit", "higher_is_better", "notable_difference", "source"]
    list_filter = ["source", "unit"]
    search_fields = ["key", "label"]


@admin.register(Area)
class AreaAdmin(ImportedAdmin):
    list_display = ["code", "division_year", "level", "name", "district"]
    list_filter = ["level", "division_year"]
    search_fields = ["code", "name"]
    raw_id_fields = ["municipality_area", "country_area", "district"]


@admin.register(ImportRun)
class ImportRunAdmin(ImportedAdmin):
    """The record of an import, written by the import itself: read only."""

    list_display = ["at", "kind", "filename", "created", "updated", "unchanged", "actor"]
    list_filter = ["kind"]
    readonly_fields = [f.name for f in ImportRun._meta.fields]

    def has_change_permission(self, request, obj=None) -> bool:
        return False
