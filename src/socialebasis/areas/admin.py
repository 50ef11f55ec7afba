from django.contrib import admin

from .models import AreaDivision, District, Municipality, Neighbourhood, OwnArea


class ImportedAreaAdmin(admin.ModelAdmin):
    """CBS areas come with their boundaries from `import_areas`; one added here would have none."""

    def has_add_permission(self, request) -> bool:
        return False


@admin.register(Municipality)
class MunicipalityAdmin(ImportedAreaAdmin):
    list_display = ("statcode", "name", "boundary_year")
    search_fields = ("statcode", "name")
    exclude = ("boundary",)


@admin.register(District)
class DistrictAdmin(ImportedAreaAdmin):
    list_display = ("statcode", "year", "name", "municipality")
    list_filter = ("year", "municipality")
    search_fields = ("statcode", "name")
    exclude = ("boundary",)


@admin.register(Neighbourhood)
class NeighbourhoodAdmin(ImportedAreaAdmin):
    list_display = ("statcode", "year", "name", "district")
    list_filter = ("year",)
    search_fields = ("statcode", "name")
    exclude = ("boundary",)


class OwnAreaInline(admin.TabularInline):
    model = OwnArea
    fields = ("position", "name", "slug", "districts")
    filter_horizontal = ("districts",)
    extra = 0


@admin.register(AreaDivision)
class AreaDivisionAdmin(admin.ModelAdmin):
    list_display = ("name", "municipality", "is_public")
    list_filter = ("municipality", "is_public")
    inlines = [OwnAreaInline]
