from django.contrib import admin

from .models import Area, ImportRun, Indicator, Source


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ["key", "name", "licence"]


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    list_display = ["key", "label", "unit", "higher_is_better", "notable_difference", "source"]
    list_filter = ["source", "unit"]
    search_fields = ["key", "label"]


@admin.register(Area)
class AreaAdmin(admin.ModelAdmin):
    list_display = ["code", "division_year", "level", "name", "district"]
    list_filter = ["level", "division_year"]
    search_fields = ["code", "name"]
    raw_id_fields = ["municipality_area", "country_area", "district"]


@admin.register(ImportRun)
class ImportRunAdmin(admin.ModelAdmin):
    list_display = ["at", "kind", "filename", "created", "updated", "unchanged", "actor"]
    readonly_fields = [f.name for f in ImportRun._meta.fields]
