"""Reads of surveys, through the permission rules."""

from django.db.models import QuerySet

from socialebasis.core.permissions import visible

from .models import Action, Project, Survey


def surveys_for(user) -> QuerySet[Survey]:
    return visible(user, "surveys.view_survey", Survey.objects.select_related("municipality", "district"))


def projects_for(user) -> QuerySet[Project]:
    return visible(user, "surveys.view_project", Project.objects.select_related("district__municipality"))


def actions_of(survey: Survey) -> QuerySet[Action]:
    return survey.actions.select_related("agenda_item", "question").order_by("pk")
