"""Policy checks, the theory of change (self-assessment and map) and social quality per wijk (issue 17).

A policy check keeps the framework version whose principles were its questions, so a finished check keeps its own
questions when the municipality's framework changes; building blocks and social-quality conditions are data.
Evidence is one small JSON shape everywhere (see evidence.py): kind, reference and label.
"""

import secrets

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


def new_token() -> str:
    # 32 random bytes: the read-only link cannot be guessed.
    return secrets.token_urlsafe(32)


class Publication(models.Model):
    """What a municipality shows to everyone: its finished policy checks, its theory of change, its social quality."""

    municipality = models.OneToOneField(
        "areas.Municipality",
        on_delete=models.CASCADE,
        related_name="policy_publication",
        verbose_name=_("municipality"),
    )
    policy_checks = models.BooleanField(_("publish approved policy checks"), default=False)
    theory_of_change = models.BooleanField(_("publish the theory of change"), default=False)
    social_quality = models.BooleanField(_("publish social quality per wijk"), default=False)

    class Meta:
        verbose_name = _("publication")
        verbose_name_plural = _("publications")

    def __str__(self) -> str:
        return str(self.municipality)


class CheckStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    SUBMITTED = "submitted", _("waiting for a reviewer")
    APPROVED = "approved", _("approved by a reviewer")
    RETURNED = "returned", _("returned to the author")


class Answer(models.TextChoices):
    MEETS = "meets", _("meets the principle")
    PARTLY = "partly", _("partly meets the principle")
    NOT = "not", _("does not meet the principle")
    NOT_APPLICABLE = "na", _("not applicable")


class PolicyCheck(models.Model):
    """A plan or measure checked against the principles of the municipality's framework."""

    municipality = models.ForeignKey(
        "areas.Municipality", on_delete=models.CASCADE, related_name="policy_checks", verbose_name=_("municipality")
    )
    framework_version = models.ForeignKey(
        "frameworks.FrameworkVersion",
        on_delete=models.PROTECT,
        related_name="policy_checks",
        verbose_name=_("framework version"),
    )
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), max_length=4000)
    districts = models.ManyToManyField(
        "areas.District", blank=True, related_name="policy_checks", verbose_name=_("wijken")
    )
    target_groups = models.CharField(_("target groups"), max_length=300, blank=True)
    spheres = models.JSONField(_("spheres"), default=list, blank=True)
    budget = models.DecimalField(_("budget in euros"), max_digits=12, decimal_places=0, null=True, blank=True)
    owner = models.CharField(_("owner"), max_length=200, help_text=_("The team or department responsible."))
    status = models.CharField(_("status"), max_length=20, choices=CheckStatus.choices, default=CheckStatus.DRAFT)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    version = models.PositiveIntegerField(_("version"), default=1)
    token = models.CharField(_("read-only link key"), max_length=64, unique=True, default=new_token)
    is_demo = models.BooleanField(_("demo data"), default=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        ordering = ["-updated_at", "-pk"]
        verbose_name = _("policy check")
        verbose_name_plural = _("policy checks")

    def __str__(self) -> str:
        return self.title


class CheckAnswer(models.Model):
    """The answer to one question: one principle of the check's framework version."""

    check_item = models.ForeignKey(PolicyCheck, on_delete=models.CASCADE, related_name="answers")
    position = models.PositiveSmallIntegerField(default=0)
    principle_key = models.CharField(max_length=60)
    answer = models.CharField(_("answer"), max_length=10, choices=Answer.choices, blank=True)
    explanation = models.TextField(_("explanation"), max_length=4000, blank=True)
    what_would_help = models.TextField(_("what would help"), max_length=4000, blank=True)
    evidence = models.JSONField(_("evidence"), default=list, blank=True)

    class Meta:
        ordering = ["check_item", "position"]
        constraints = [
            models.UniqueConstraint(fields=["check_item", "principle_key"], name="policy_answer_once_per_principle")
        ]

    def __str__(self) -> str:
        return f"{self.check_item}: {self.principle_key}"


class CheckVersion(models.Model):
    """The check as it was when it was saved: kept, never changed."""

    check_item = models.ForeignKey(PolicyCheck, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("version"))
    content = models.JSONField(_("content"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["check_item", "-number"]
        constraints = [models.UniqueConstraint(fields=["check_item", "number"], name="policy_check_version_unique")]

    def __str__(self) -> str:
        return f"{self.check_item} v{self.number}"


# The theory of change ----------------------------------------------------------------------------------------


class BlockKind(models.TextChoices):
    CONTENT = "content", _("what we take care of")
    WAY = "way", _("how we work")


class BuildingBlock(models.Model):
    """A building block of the theory of change; shipped ones (no municipality) apply to all, a municipality may
    add its own."""

    municipality = models.ForeignKey(
        "areas.Municipality",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="building_blocks",
        verbose_name=_("municipality"),
    )
    key = models.SlugField(_("key"), max_length=60)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    kind = models.CharField(_("kind"), max_length=10, choices=BlockKind.choices)
    source = models.CharField(_("source"), max_length=300, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["kind", "position", "name"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "key"], name="building_block_key_unique"),
            models.UniqueConstraint(
                fields=["key"], condition=models.Q(municipality__isnull=True), name="shared_building_block_key_unique"
            ),
        ]

    def __str__(self) -> str:
        return self.name


SCORE_VALIDATORS = [MinValueValidator(1), MaxValueValidator(5)]


class SelfAssessment(models.Model):
    """The municipality's self-assessment of one year over the building blocks."""

    municipality = models.ForeignKey(
        "areas.Municipality", on_delete=models.CASCADE, related_name="self_assessments", verbose_name=_("municipality")
    )
    year = models.PositiveSmallIntegerField(_("year"))
    participants = models.TextField(_("who took part"), max_length=2000)
    summary = models.TextField(_("summary in plain language"), max_length=2000, blank=True)
    is_demo = models.BooleanField(_("demo data"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        ordering = ["municipality", "year"]
        constraints = [models.UniqueConstraint(fields=["municipality", "year"], name="self_assessment_once_a_year")]

    def __str__(self) -> str:
        return f"{self.municipality} {self.year}"


class BlockScore(models.Model):
    assessment = models.ForeignKey(SelfAssessment, on_delete=models.CASCADE, related_name="scores")
    block = models.ForeignKey(BuildingBlock, on_delete=models.PROTECT, related_name="scores")
    score = models.PositiveSmallIntegerField(_("score"), null=True, blank=True, validators=SCORE_VALIDATORS)
    explanation = models.TextField(_("explanation"), max_length=4000, blank=True)
    evidence = models.JSONField(_("evidence"), default=list, blank=True)

    class Meta:
        ordering = ["assessment", "block__kind", "block__position"]
        constraints = [models.UniqueConstraint(fields=["assessment", "block"], name="block_score_once")]

    def __str__(self) -> str:
        return f"{self.assessment}: {self.block}"


class BoxKind(models.TextChoices):
    INPUT = "input", _("resources (input)")
    ACTIVITY = "activity", _("activity")
    OUTPUT = "output", _("output")
    OUTCOME = "outcome", _("outcome")
    IMPACT = "impact", _("impact")


class ChangeMap(models.Model):
    """A theory-of-change map: boxes and the arrows between them."""

    municipality = models.ForeignKey(
        "areas.Municipality", on_delete=models.CASCADE, related_name="change_maps", verbose_name=_("municipality")
    )
    district = models.ForeignKey(
        "areas.District",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="change_maps",
        verbose_name=_("wijk"),
        help_text=_("The wijk whose sociale agenda gets the tests of the assumptions."),
    )
    title = models.CharField(_("title"), max_length=200)
    is_demo = models.BooleanField(_("demo data"), default=False)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        ordering = ["municipality", "title"]
        verbose_name = _("theory-of-change map")

    def __str__(self) -> str:
        return self.title


class Box(models.Model):
    change_map = models.ForeignKey(ChangeMap, on_delete=models.CASCADE, related_name="boxes")
    kind = models.CharField(_("kind"), max_length=10, choices=BoxKind.choices)
    title = models.CharField(_("title"), max_length=150)
    description = models.TextField(_("description"), max_length=2000, blank=True)
    indicators = models.ManyToManyField(
        "indicators.Indicator", blank=True, related_name="change_map_boxes", verbose_name=_("indicators")
    )
    story_tags = models.CharField(_("story tags"), max_length=300, blank=True)

    class Meta:
        ordering = ["change_map", "pk"]

    def __str__(self) -> str:
        return self.title


class Arrow(models.Model):
    change_map = models.ForeignKey(ChangeMap, on_delete=models.CASCADE, related_name="arrows")
    source = models.ForeignKey(Box, on_delete=models.CASCADE, related_name="arrows_out", verbose_name=_("from"))
    target = models.ForeignKey(Box, on_delete=models.CASCADE, related_name="arrows_in", verbose_name=_("to"))
    assumption = models.TextField(_("assumption"), max_length=2000)
    test_by = models.DateField(_("test by"), null=True, blank=True)
    agenda_item = models.ForeignKey(
        "profiles.AgendaItem", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["change_map", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["source", "target"], name="arrow_once_between_boxes"),
            models.CheckConstraint(condition=~models.Q(source=models.F("target")), name="arrow_between_two_boxes"),
        ]

    def __str__(self) -> str:
        return f"{self.source} → {self.target}"


class SocialQualityScore(models.Model):
    """One of the four conditions of social quality scored for a wijk and year (Oss 002 Bijlage II)."""

    district = models.ForeignKey(
        "areas.District", on_delete=models.CASCADE, related_name="social_quality", verbose_name=_("wijk")
    )
    year = models.PositiveSmallIntegerField(_("year"))
    condition = models.CharField(_("condition"), max_length=60)
    score = models.PositiveSmallIntegerField(
        _("score"), validators=[MinValueValidator(1), MaxValueValidator(10)], help_text=_("1 (weak) to 10 (strong).")
    )
    explanation = models.TextField(_("explanation"), max_length=4000, blank=True)
    evidence = models.JSONField(_("evidence"), default=list, blank=True)
    participants = models.CharField(_("who scored together"), max_length=300, blank=True)
    is_demo = models.BooleanField(_("demo data"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        ordering = ["district", "year", "condition"]
        constraints = [
            models.UniqueConstraint(fields=["district", "year", "condition"], name="social_quality_once"),
        ]

    def __str__(self) -> str:
        return f"{self.district} {self.year} {self.condition}"
