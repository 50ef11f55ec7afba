"""Reads of surveys, through the permission rules."""

from django.db.models import Prefetch, QuerySet

from socialebasis.core.permissions import visible

from .models import Action, Answer, Project, Response, Survey


def surveys_for(user) -> QuerySet[Survey]:
    return visible(user, "surveys.view_survey", Survey.objects.select_related("municipality", "district"))


def projects_for(user) -> QuerySet[Project]:
    return visible(user, "surveys.view_project", Project.objects.select_related("district__municipality"))


def actions_of(survey: Survey) -> QuerySet[Action]:
    return survey.actions.select_related("agenda_item", "question").order_by("pk")


def responses_of(respondent) -> QuerySet[Response]:
    """A respondent's own responses with their answers (for their data export)."""
    answers = Prefetch("answers", Answer.objects.select_related("question").order_by("question__position"))
    return (
        Response.objects.filter(respondent=respondent).select_related("survey").prefetch_related(answers).order_by("pk")
    )
