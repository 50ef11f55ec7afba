"""Stories the teller signifies themselves, and the Most Significant Change rounds that select from them (issue 14).

A story is told by a resident, volunteer or professional, or entered by a professional for someone else with their
consent recorded. The teller tags it (goals of the municipality's framework, sphere, a feeling, who it is about,
the municipality's own questions) and chooses who may read it; withdrawing consent empties the story at once and
leaves it out of every later read (docs/adr/0040-stories-and-signals.md).
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Visibility(models.TextChoices):
    PANEL = "panel", _("Only the panel of my wijk and the municipality's staff")
    PUBLIC_ANONYMOUS = "public_anonymous", _("Everyone, without my name")
    PUBLIC_NAMED = "public_named", _("Everyone, with my name")


PUBLIC_VISIBILITIES = (Visibility.PUBLIC_ANONYMOUS, Visibility.PUBLIC_NAMED)


class StoryStatus(models.TextChoices):
    NEW = "new", _("Waiting to be read")
    PUBLISHED = "published", _("Published")
    NOT_PUBLISHED = "not_published", _("Read, not published")
    WITHDRAWN = "withdrawn", _("Withdrawn by the teller")


class Feeling(models.IntegerChoices):
    # A small scale the teller picks themselves (SenseMaker's signifiers, kept to five faces in words).
    VERY_BAD = 1, _("Very bad")
    BAD = 2, _("Bad")
    NEUTRAL = 3, _("Neither good nor bad")
    GOOD = 4, _("Good")
    VERY_GOOD = 5, _("Very good")


class About(models.TextChoices):
    MYSELF = "myself", _("Myself")
    NEIGHBOUR = "neighbour", _("A neighbour or someone I know")
    GROUP = "group", _("A group or the neighbourhood")


class StoryQuestion(models.Model):
    """A question of the municipality's own that tellers may answer (data, not code)."""

    municipality = models.ForeignKey(
        "areas.Municipality", on_delete=models.CASCADE, related_name="story_questions", verbose_name=_("municipality")
    )
    text = models.CharField(_("question"), max_length=200)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("story question")
        verbose_name_plural = _("story questions")
        ordering = ["municipality", "position", "pk"]

    def __str__(self) -> str:
        return self.text


class StoryQuerySet(models.QuerySet):
    def readable(self):
        """Never a withdrawn story, whoever asks: the teller took their consent back."""
        return self.exclude(status=StoryStatus.WITHDRAWN)


class Story(models.Model):
    municipality = models.ForeignKey(
        "areas.Municipality", on_delete=models.PROTECT, related_name="stories", verbose_name=_("municipality")
    )
    district = models.ForeignKey(
        "areas.District", on_delete=models.PROTECT, related_name="stories", verbose_name=_("wijk")
    )
    title = models.CharField(_("title"), max_length=150)
    text = models.TextField(_("your story"), max_length=5000)
    goals = models.JSONField(_("goals"), default=list, blank=True)
    sphere = models.CharField(_("sphere"), max_length=60, blank=True)
    feeling = models.PositiveSmallIntegerField(_("how it felt"), choices=Feeling.choices)
    about = models.CharField(_("who it is about"), max_length=20, choices=About.choices)
    answers = models.JSONField(_("answers to the municipality's questions"), default=dict, blank=True)
    visibility = models.CharField(_("who may read it"), max_length=20, choices=Visibility.choices)
    status = models.CharField(_("status"), max_length=20, choices=StoryStatus.choices, default=StoryStatus.NEW)
    moderation_note = models.TextField(_("reason given to the teller"), blank=True)
    teller = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="stories",
        verbose_name=_("teller"),
    )
    # Shown only when the teller chose "with my name"; a professional entering a story writes the teller's name.
    teller_name = models.CharField(_("name of the teller"), max_length=120, blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("entered by"),
    )
    consent_note = models.CharField(_("how consent was given"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("told on"), default=timezone.now)
    withdrawn_at = models.DateTimeField(_("withdrawn on"), null=True, blank=True)
    is_demo = models.BooleanField(_("demo data"), default=False)

    objects = StoryQuerySet.as_manager()

    class Meta:
        verbose_name = _("story")
        verbose_name_plural = _("stories")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["district", "status"], name="story_by_district_status")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("stories:detail", args=[self.pk])

    @property
    def shown_name(self) -> str:
        """The teller's name as others may see it: only when they chose to be named."""
        return self.teller_name if self.visibility == Visibility.PUBLIC_NAMED else ""


class Panel(models.Model):
    """The people who read and select stories: a wijk panel (with a wijk) or the municipal panel (without)."""

    municipality = models.ForeignKey(
        "areas.Municipality", on_delete=models.CASCADE, related_name="story_panels", verbose_name=_("municipality")
    )
    district = models.ForeignKey(
        "areas.District",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="story_panels",
        verbose_name=_("wijk"),
    )
    name = models.CharField(_("name"), max_length=120)
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="story_panels", verbose_name=_("members")
    )

    class Meta:
        verbose_name = _("panel")
        verbose_name_plural = _("panels")
        ordering = ["municipality", "name"]

    def __str__(self) -> str:
        return self.name

    @property
    def is_municipal(self) -> bool:
        return self.district_id is None


class RoundStatus(models.TextChoices):
    OPEN = "open", _("Panel is choosing")
    COMPLETED = "completed", _("Completed, tellers informed")


class Round(models.Model):
    """A Most Significant Change round: one panel chooses, per domain of change, the story that matters most."""

    panel = models.ForeignKey(Panel, on_delete=models.PROTECT, related_name="rounds", verbose_name=_("panel"))
    title = models.CharField(_("title"), max_length=150)
    period_start = models.DateField(_("stories told from"))
    period_end = models.DateField(_("stories told until"))
    # The domains of change: by default the goals of the municipality's framework, [{"key": .., "name": ..}].
    domains = models.JSONField(_("domains of change"), default=list)
    status = models.CharField(_("status"), max_length=20, choices=RoundStatus.choices, default=RoundStatus.OPEN)
    feedback = models.TextField(_("message to the tellers"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        verbose_name = _("story round")
        verbose_name_plural = _("story rounds")
        ordering = ["-period_end", "-pk"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("stories:round", args=[self.pk])

    @property
    def municipality(self):
        return self.panel.municipality


class Selection(models.Model):
    """One story chosen in a round for one domain, with the panel's reasons (the heart of the method)."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="selections", verbose_name=_("round"))
    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="selections", verbose_name=_("story"))
    domain = models.CharField(_("domain of change"), max_length=60)
    reasons = models.TextField(_("why the panel chose it"), max_length=3000)
    selected_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    selected_at = models.DateTimeField(_("chosen on"), default=timezone.now)

    class Meta:
        verbose_name = _("selection")
        verbose_name_plural = _("selections")
        ordering = ["round", "domain"]
        constraints = [models.UniqueConstraint(fields=["round", "domain"], name="selection_one_per_domain")]

    def __str__(self) -> str:
        return f"{self.round} · {self.domain}"
