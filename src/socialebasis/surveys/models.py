"""Surveys (peilingen) as data: a survey per municipality or wijk, its questions with skip conditions, the
responses (online, on paper or with help, marked as such) and their answers; the guided project "ouderen bereiken en
betrekken" (seed 004) and the agenda actions that came from results."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from socialebasis.core.dates import validate_in_window


class QuestionKind(models.TextChoices):
    SINGLE = "single", _("one choice")
    MULTIPLE = "multiple", _("more choices")
    SCALE = "scale", _("scale")
    OPEN = "open", _("open answer")


class Entry(models.TextChoices):
    ONLINE = "online", _("online by the resident")
    PAPER = "paper", _("from a paper form")
    ASSISTED = "assisted", _("with help of a professional")


class Survey(models.Model):
    municipality = models.ForeignKey(
        "areas.Municipality", on_delete=models.CASCADE, related_name="+", verbose_name=_("municipality")
    )
    district = models.ForeignKey(
        "areas.District",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("wijk"),
        help_text=_("Empty: the whole municipality."),
    )
    title = models.CharField(_("title"), max_length=200)
    introduction = models.TextField(_("introduction"), blank=True)
    anonymous = models.BooleanField(_("anonymous"), default=True, help_text=_("Without an account; nobody is named."))
    opens_on = models.DateField(_("opens on"), validators=[validate_in_window])
    closes_on = models.DateField(_("closes on"), validators=[validate_in_window])
    is_published = models.BooleanField(_("published"), default=True)
    is_demo = models.BooleanField(_("demo"), default=False)
    project = models.ForeignKey(
        "surveys.Project", null=True, blank=True, on_delete=models.SET_NULL, related_name="surveys",
        verbose_name=_("project"),
    )  # fmt: skip

    class Meta:
        ordering = ["-opens_on", "title"]
        verbose_name = _("survey")
        verbose_name_plural = _("surveys")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("surveys:survey", args=[self.pk])


class Question(models.Model):
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="questions")
    position = models.PositiveSmallIntegerField(_("position"))
    key = models.SlugField(_("key"), max_length=40)
    text = models.CharField(_("question"), max_length=300)
    kind = models.CharField(_("kind"), max_length=10, choices=QuestionKind.choices)
    # [{"key": "yes", "label": "Ja"}, ...]; a scale has its points here too (1..5 with their words).
    options = models.JSONField(_("options"), default=list, blank=True)
    domain = models.CharField(_("domain"), max_length=40, blank=True)
    required = models.BooleanField(_("required"), default=False)
    # Skip condition: ask this question only when the question with key `show_if_question` got `show_if_answer`.
    show_if_question = models.SlugField(_("only if question"), max_length=40, blank=True)
    show_if_answer = models.CharField(_("has answer"), max_length=40, blank=True)

    class Meta:
        ordering = ["survey", "position"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        constraints = [models.UniqueConstraint(fields=["survey", "key"], name="surveys_question_key_once")]

    def __str__(self) -> str:
        return self.text

    def label_of(self, key: str) -> str:
        return next((o["label"] for o in self.options if o["key"] == key), key)


class Response(models.Model):
    """One filled-in questionnaire. No time is kept (the survey has its period); the respondent only when the survey
    is not anonymous; who typed it in from paper or helped, for accountability."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="responses")
    district = models.ForeignKey(
        "areas.District", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("wijk")
    )
    respondent = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("respondent"),
    )  # fmt: skip
    entry = models.CharField(_("entered"), max_length=10, choices=Entry.choices, default=Entry.ONLINE)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("entered by"),
    )  # fmt: skip
    is_demo = models.BooleanField(_("demo"), default=False)

    class Meta:
        verbose_name = _("response")
        verbose_name_plural = _("responses")

    def __str__(self) -> str:
        return str(_("response"))


class Answer(models.Model):
    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers")
    choices = models.JSONField(_("choices"), default=list, blank=True)
    text = models.TextField(_("text"), blank=True)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [models.UniqueConstraint(fields=["response", "question"], name="surveys_answer_once")]

    def __str__(self) -> str:
        return str(_("answer"))


class Project(models.Model):
    """ "Ouderen bereiken en betrekken" in a wijk, through the seven steps of the Movisie workshop (seed 004)."""

    district = models.ForeignKey("areas.District", on_delete=models.CASCADE, related_name="+", verbose_name=_("wijk"))
    title = models.CharField(_("title"), max_length=200)
    working_group = models.TextField(
        _("working group"), blank=True, help_text=_("Who takes part (names of groups or roles).")
    )
    question = models.TextField(_("question of the project"), blank=True)
    analysis = models.TextField(_("what the figures say"), blank=True)
    conversations = models.TextField(_("conversations with older residents"), blank=True)
    progress = models.TextField(_("progress"), blank=True)
    step = models.PositiveSmallIntegerField(_("current step"), default=1)
    is_demo = models.BooleanField(_("demo"), default=False)

    class Meta:
        ordering = ["title"]
        verbose_name = _("age-friendly project")
        verbose_name_plural = _("age-friendly projects")

    def __str__(self) -> str:
        return self.title


class Action(models.Model):
    """A result that became an opgave on the wijk's sociale agenda: the link back to where it came from."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="actions")
    question = models.ForeignKey(Question, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    domain = models.CharField(_("domain"), max_length=40, blank=True)
    what_residents_said = models.TextField(_("what residents said"))
    agenda_item = models.ForeignKey(
        "profiles.AgendaItem", on_delete=models.CASCADE, related_name="+", verbose_name=_("agenda item")
    )

    class Meta:
        ordering = ["survey", "pk"]
        verbose_name = _("action from a survey")
        verbose_name_plural = _("actions from surveys")

    def __str__(self) -> str:
        return self.what_residents_said[:80]
