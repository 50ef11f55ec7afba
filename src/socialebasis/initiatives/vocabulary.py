"""The fixed choices of initiatives and funds; their labels are what pages show (never the values)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class InitiativeStatus(models.TextChoices):
    IDEA = "idea", _("Idea")
    ACTIVE = "active", _("Active")
    DONE = "done", _("Finished")


class Intake(models.TextChoices):
    ROUNDS = "rounds", _("In rounds")
    CONTINUOUS = "continuous", _("All year round")


class ApplicationStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    IN_REVIEW = "in_review", _("Being reviewed")
    WAITING = "waiting", _("Waiting for the applicant")
    DECIDED = "decided", _("Decided")
    PUBLISHED = "published", _("Decision sent")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class Decision(models.TextChoices):
    GRANTED = "granted", _("Granted in full")
    PARTLY = "partly", _("Granted in part")
    DECLINED = "declined", _("Declined")


class FormQuestion(models.TextChoices):
    """The questions of the one-page application; a question back from the table is tied to one of them."""

    WHAT = "what", _("What do you want to do?")
    FOR_WHOM = "for_whom", _("For whom is it?")
    WHERE = "where", _("Where does it happen?")
    WHEN = "when", _("When does it happen?")
    AMOUNT = "amount", _("How much money do you ask?")
    SPENDING = "spending", _("What do you spend it on?")
    HELPERS = "helpers", _("Who helps?")
    GOALS = "goals", _("What does it bring the neighbourhood?")


class Tier(models.TextChoices):
    """What a grant asks back, by its amount (the fund's accountability tiers)."""

    STORY = "story", _("A short story and photos")
    REPORT = "report", _("A short story, photos and a short activity report")
    FINANCIAL = "financial", _("A short story, photos, an activity report and a financial statement")
