"""Positive health: a resident's own self-checks, and the contributions to the wijk figures kept apart from them.

A `SelfCheck` belongs to one account and is read by that account only (rules.py). A `Contribution` is what a
resident chose to give to the wijk figures: the wijk, the period (a year) and the six scores, nothing else. It has
no link to an account or a self-check, no time finer than the year and a random key (a counting key would give the
order of arrival away), so it cannot be linked back to the person (ADR 0042).
"""

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from .dimensions import DIMENSIONS


class SelfCheck(models.Model):
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("owner")
    )
    created_at = models.DateTimeField(_("filled in"), auto_now_add=True)
    answers = models.JSONField(_("answers"), default=dict)
    scores = models.JSONField(_("scores"), default=dict)
    talk_about = models.JSONField(_("wants to talk about"), default=list, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("self-check")
        verbose_name_plural = _("self-checks")

    def __str__(self) -> str:
        return str(_("self-check"))


def _score_field(label):
    return models.DecimalField(
        label,
        max_digits=3,
        decimal_places=1,
        validators=[MinValueValidator(0), MaxValueValidator(10)],
    )


class Contribution(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    municipality = models.ForeignKey(
        "areas.Municipality", on_delete=models.CASCADE, related_name="+", verbose_name=_("municipality")
    )
    district = models.ForeignKey(
        "areas.District", null=True, blank=True, on_delete=models.CASCADE, related_name="+", verbose_name=_("district")
    )
    period = models.PositiveSmallIntegerField(_("year"))
    body = _score_field(DIMENSIONS[0].label)
    mind = _score_field(DIMENSIONS[1].label)
    meaning = _score_field(DIMENSIONS[2].label)
    quality = _score_field(DIMENSIONS[3].label)
    participation = _score_field(DIMENSIONS[4].label)
    daily = _score_field(DIMENSIONS[5].label)
    is_demo = models.BooleanField(_("demo"), default=False)

    class Meta:
        # No order by arrival: there is no arrival time, and the key is random.
        ordering = ["period", "id"]
        verbose_name = _("contribution to the wijk figures")
        verbose_name_plural = _("contributions to the wijk figures")
        indexes = [models.Index(fields=["municipality", "period"], name="health_contrib_area_period")]

    def __str__(self) -> str:
        return str(_("contribution"))


class GoalMapping(models.Model):
    """Which goals of the municipality's framework answer a dimension: the data behind "from result to offer"."""

    municipality = models.ForeignKey(
        "areas.Municipality", on_delete=models.CASCADE, related_name="+", verbose_name=_("municipality")
    )
    dimension = models.CharField(_("dimension"), max_length=20, choices=[(d.key, d.label) for d in DIMENSIONS])
    goals = models.JSONField(_("framework goals"), default=list, help_text=_("Keys of goals of the framework."))

    class Meta:
        ordering = ["municipality", "dimension"]
        verbose_name = _("dimension and framework goals")
        verbose_name_plural = _("dimensions and framework goals")
        constraints = [
            models.UniqueConstraint(fields=["municipality", "dimension"], name="health_goal_mapping_once"),
        ]

    def __str__(self) -> str:
        return self.get_dimension_display()
