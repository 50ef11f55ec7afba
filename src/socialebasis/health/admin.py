"""Administration of positive health: only the dimension-to-goal mapping (policy). Self-checks and contributions
have no admin on purpose: nobody but the resident reads a self-check (ADR 0042)."""

from django.contrib import admin

from .models import GoalMapping


@admin.register(GoalMapping)
class GoalMappingAdmin(admin.ModelAdmin):
    list_display = ("municipality", "dimension", "goals")
    list_filter = ("municipality",)
