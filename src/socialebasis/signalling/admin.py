"""The administration of signals: a municipality's themes with their target times (issue 14 point 5). Signals and
their reporters' contact details have no admin: they are read on the staff pages, which audit the contact details."""

from django.contrib import admin

from .models import Theme


@admin.register(Theme)
class ThemeAdmin(admin.ModelAdmin):
    list_display = ["name", "municipality", "target_days", "position", "is_active"]
    list_filter = ["municipality", "is_active"]
