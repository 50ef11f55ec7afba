"""Surveys are data: the administration edits a survey with its questions. Responses and answers have no admin:
they are read only as suppressed results."""

from django.contrib import admin

from .models import Project, Question, Survey


class QuestionInline(admin.TabularInline):
    model = Question
    extra = 0


@admin.register(Survey)
class SurveyAdmin(admin.ModelAdmin):
    list_display = ("title", "municipality", "district", "opens_on", "closes_on", "is_published")
    list_filter = ("municipality", "is_published")
    inlines = [QuestionInline]


@admin.register(Project)
class ProjectAdmin(admin.ModelAdmin):
    """A project is started on its own page (`start_project`), which also makes its questionnaire."""

    list_display = ("title", "district", "step")

    def has_add_permission(self, request):
        return False
