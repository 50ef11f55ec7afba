"""The administration of stories: what a municipality sets up by hand (issue 14 point 3 and point 1): the panels
of its rounds with their members, and its own questions for tellers. Stories, rounds and selections are made on the
pages, through the services, and have no admin: a story is read under the teller's choice only."""

from django.contrib import admin

from .models import Panel, StoryQuestion


@admin.register(Panel)
class PanelAdmin(admin.ModelAdmin):
    list_display = ["name", "municipality", "district"]
    list_filter = ["municipality"]
    search_fields = ["name"]
    raw_id_fields = ["district"]
    filter_horizontal = ["members"]


@admin.register(StoryQuestion)
class StoryQuestionAdmin(admin.ModelAdmin):
    list_display = ["text", "municipality", "position", "is_active"]
    list_filter = ["municipality", "is_active"]
