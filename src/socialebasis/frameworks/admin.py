from django.contrib import admin

from .models import Assessment, Framework, FrameworkVersion


class FrameworkVersionInline(admin.TabularInline):
    """Versions are read-only here: a change is a new version, made on the framework page or through the API."""

    model = FrameworkVersion
    fields = ("number", "valid_from", "note", "created_by", "created_at")
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Framework)
class FrameworkAdmin(admin.ModelAdmin):
    list_display = ("municipality",)
    search_fields = ("municipality__name", "municipality__statcode")
    inlines = [FrameworkVersionInline]

    def has_add_permission(self, request) -> bool:
        return False  # a framework is made with its first version, on the framework page or by an import

    def get_readonly_fields(self, request, obj=None):
        return ("municipality",) if obj else ()


@admin.register(FrameworkVersion)
class FrameworkVersionAdmin(admin.ModelAdmin):
    list_display = ("framework", "number", "valid_from", "created_by", "created_at")
    list_filter = ("framework",)
    readonly_fields = (
        "framework",
        "number",
        "valid_from",
        "note",
        "content",
        "content_hash",
        "created_by",
        "created_at",
    )

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Assessment)
class AssessmentAdmin(admin.ModelAdmin):
    list_display = ("name", "verdict", "framework_version", "channel", "created_at")
    list_filter = ("verdict", "channel", "framework_version__framework")
    readonly_fields = [field.name for field in Assessment._meta.fields]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
