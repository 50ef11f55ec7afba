"""Resident initiatives, the funds that support them, applications and their review, payouts and accountability,
and the need-weighted allocation of a fund's budget over the wijken (issue 15, ADR 0041).

Amounts are whole euros. A fund's budget per wijk and year is one `Budget` row: `granted` is the sum of the grants
decided on it, and a decision locks that row (services.decide) so that the budget can never be overspent.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from socialebasis.areas.models import District, Municipality

from .vocabulary import ApplicationStatus, Decision, FormQuestion, InitiativeStatus, Intake, Tier

USER = settings.AUTH_USER_MODEL


class Initiative(models.Model):
    """Something residents do together for their neighbourhood. The initiator stays its owner (seed 000,
    uitgangspunt 4: "dat de inbrenger zelf eigenaar blijft van het initiatief")."""

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="+", verbose_name=_("municipality")
    )
    districts = models.ManyToManyField(District, related_name="+", blank=True, verbose_name=_("wijken"))
    title = models.CharField(_("name"), max_length=150)
    what = models.TextField(_("what"), max_length=2000)
    for_whom = models.CharField(_("for whom"), max_length=300)
    goals = models.JSONField(_("goals"), default=list, blank=True)
    sphere = models.CharField(_("sphere"), max_length=60, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=InitiativeStatus.choices, default=InitiativeStatus.IDEA
    )
    owner = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("initiator")
    )
    members = models.ManyToManyField(USER, related_name="+", blank=True, verbose_name=_("people who joined"))
    activities = models.ManyToManyField(
        "directory.Activity", related_name="+", blank=True, verbose_name=_("activities on the sociale kaart")
    )
    is_demo = models.BooleanField(_("demo data"), default=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last edited"), auto_now=True)

    class Meta:
        ordering = ["title"]
        verbose_name = _("initiative")
        verbose_name_plural = _("initiatives")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("initiatives:initiative", args=[self.pk])


class Fund(models.Model):
    """A municipality's fund for initiatives, as data: intake, maximum, accountability tiers, principles."""

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="+", verbose_name=_("municipality")
    )
    key = models.SlugField(_("key"), max_length=60)
    name = models.CharField(_("name"), max_length=150)
    description = models.TextField(_("description"), max_length=3000)
    intake = models.CharField(_("intake"), max_length=12, choices=Intake.choices, default=Intake.CONTINUOUS)
    maximum = models.PositiveIntegerField(_("maximum per application (euros)"))
    story_up_to = models.PositiveIntegerField(_("a story and photos up to (euros)"))
    report_up_to = models.PositiveIntegerField(_("also an activity report up to (euros)"))
    principles = models.JSONField(_("principles"), default=list, blank=True)
    derived_from = models.TextField(_("derived from"), max_length=1000, blank=True)
    is_active = models.BooleanField(_("open for applications"), default=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["municipality__name", "name"]
        verbose_name = _("fund")
        verbose_name_plural = _("funds")
        constraints = [models.UniqueConstraint(fields=["municipality", "key"], name="fund_key_unique")]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("initiatives:fund", args=[self.pk])

    def tier_of(self, amount: int) -> str:
        if amount <= self.story_up_to:
            return Tier.STORY
        if amount <= self.report_up_to:
            return Tier.REPORT
        return Tier.FINANCIAL


class Round(models.Model):
    fund = models.ForeignKey(Fund, on_delete=models.CASCADE, related_name="rounds", verbose_name=_("fund"))
    name = models.CharField(_("name"), max_length=100)
    opens_on = models.DateField(_("opens on"))
    closes_on = models.DateField(_("closes on"))

    class Meta:
        ordering = ["-opens_on"]
        verbose_name = _("round")
        verbose_name_plural = _("rounds")

    def __str__(self) -> str:
        return self.name

    def is_open(self, on=None) -> bool:
        on = on or timezone.localdate()
        return self.opens_on <= on <= self.closes_on


class Budget(models.Model):
    """The fund's money for one wijk in one year; `granted` only grows through services.decide."""

    fund = models.ForeignKey(Fund, on_delete=models.CASCADE, related_name="budgets", verbose_name=_("fund"))
    district = models.ForeignKey(District, on_delete=models.CASCADE, related_name="+", verbose_name=_("wijk"))
    year = models.PositiveSmallIntegerField(_("year"))
    amount = models.PositiveIntegerField(_("budget (euros)"))
    granted = models.PositiveIntegerField(_("granted (euros)"), default=0)

    class Meta:
        ordering = ["district__name"]
        verbose_name = _("budget")
        verbose_name_plural = _("budgets")
        constraints = [
            models.UniqueConstraint(fields=["fund", "district", "year"], name="budget_unique_per_wijk_year"),
            models.CheckConstraint(condition=models.Q(granted__lte=models.F("amount")), name="budget_not_overspent"),
        ]

    def __str__(self) -> str:
        return f"{self.fund} · {self.district.name} · {self.year}"

    @property
    def remaining(self) -> int:
        return self.amount - self.granted


class TableMember(models.Model):
    """A seat at the fund's initiative table; residents may sit on it."""

    fund = models.ForeignKey(Fund, on_delete=models.CASCADE, related_name="members", verbose_name=_("fund"))
    user = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="+", verbose_name=_("member"))
    is_active = models.BooleanField(_("active"), default=True)
    since = models.DateField(_("since"), default=timezone.localdate)

    class Meta:
        verbose_name = _("table member")
        verbose_name_plural = _("table members")
        constraints = [models.UniqueConstraint(fields=["fund", "user"], name="one_seat_per_fund")]

    def __str__(self) -> str:
        return f"{self.user} · {self.fund}"


class Application(models.Model):
    """One request for money: the one-page form, its review and the decision."""

    fund = models.ForeignKey(Fund, on_delete=models.PROTECT, related_name="applications")
    round = models.ForeignKey(Round, null=True, blank=True, on_delete=models.SET_NULL, related_name="applications")
    initiative = models.ForeignKey(
        Initiative, null=True, blank=True, on_delete=models.SET_NULL, related_name="applications"
    )
    applicant = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("applicant")
    )
    district = models.ForeignKey(District, on_delete=models.PROTECT, related_name="+", verbose_name=_("wijk"))
    year = models.PositiveSmallIntegerField(_("budget year"))
    title = models.CharField(_("name of the plan"), max_length=150)
    what = models.TextField(FormQuestion.WHAT.label, max_length=2000)
    for_whom = models.CharField(FormQuestion.FOR_WHOM.label, max_length=300)
    where = models.CharField(FormQuestion.WHERE.label, max_length=200)
    when = models.CharField(FormQuestion.WHEN.label, max_length=200)
    amount = models.PositiveIntegerField(FormQuestion.AMOUNT.label)
    spending = models.TextField(FormQuestion.SPENDING.label, max_length=2000)
    lines = models.JSONField(_("cost lines"), default=list, blank=True)
    helpers = models.CharField(FormQuestion.HELPERS.label, max_length=300, blank=True)
    goals = models.JSONField(_("goals"), default=list, blank=True)
    answers = models.JSONField(_("answers to the framework's questions"), default=dict, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=ApplicationStatus.choices, default=ApplicationStatus.DRAFT
    )
    assigned_to = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("handled by")
    )
    decision = models.CharField(_("decision"), max_length=10, choices=Decision.choices, blank=True)
    granted = models.PositiveIntegerField(_("granted (euros)"), default=0)
    reason = models.TextField(_("reason"), max_length=2000, blank=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("decided by")
    )
    published_at = models.DateTimeField(_("decision sent at"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    is_demo = models.BooleanField(_("demo data"), default=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last edited"), auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("application")
        verbose_name_plural = _("applications")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("initiatives:application", args=[self.pk])

    @property
    def is_granted(self) -> bool:
        return self.decision in (Decision.GRANTED, Decision.PARTLY)

    @property
    def tier(self) -> str:
        return self.fund.tier_of(self.granted) if self.is_granted else ""


class Declaration(models.Model):
    """A table member's conflict-of-interest declaration for one application."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="declarations")
    member = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="+", verbose_name=_("member"))
    has_conflict = models.BooleanField(_("has an interest"))
    explanation = models.CharField(_("explanation"), max_length=500, blank=True)
    declared_at = models.DateTimeField(_("declared at"), default=timezone.now)

    class Meta:
        verbose_name = _("declaration of interests")
        verbose_name_plural = _("declarations of interests")
        constraints = [models.UniqueConstraint(fields=["application", "member"], name="one_declaration_per_member")]

    def __str__(self) -> str:
        return f"{self.member} · {self.application}"


class Question(models.Model):
    """A question back from the table to the applicant, tied to one question of the form, and its answer."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="questions")
    about = models.CharField(_("about the question"), max_length=10, choices=FormQuestion.choices)
    text = models.TextField(_("question"), max_length=1000)
    asked_by = models.ForeignKey(USER, null=True, on_delete=models.SET_NULL, related_name="+")
    asked_at = models.DateTimeField(_("asked at"), default=timezone.now)
    answer = models.TextField(_("answer"), max_length=2000, blank=True)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)

    class Meta:
        ordering = ["asked_at", "pk"]
        verbose_name = _("question back")
        verbose_name_plural = _("questions back")

    def __str__(self) -> str:
        return self.text[:60]

    def get_absolute_url(self) -> str:
        return self.application.get_absolute_url()


class Note(models.Model):
    """An internal note of the table; the applicant never sees it."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(USER, null=True, on_delete=models.SET_NULL, related_name="+")
    text = models.TextField(_("note"), max_length=2000)
    created_at = models.DateTimeField(_("written at"), default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("internal note")
        verbose_name_plural = _("internal notes")

    def __str__(self) -> str:
        return self.text[:60]


class Payout(models.Model):
    """A record that money was paid (not a payment system)."""

    application = models.ForeignKey(Application, on_delete=models.PROTECT, related_name="payouts")
    amount = models.PositiveIntegerField(_("amount (euros)"))
    paid_on = models.DateField(_("paid on"))
    reference = models.CharField(_("reference"), max_length=100)
    recorded_by = models.ForeignKey(USER, null=True, on_delete=models.SET_NULL, related_name="+")
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now)

    class Meta:
        ordering = ["paid_on", "pk"]
        verbose_name = _("payout")
        verbose_name_plural = _("payouts")

    def __str__(self) -> str:
        return f"€ {self.amount} · {self.reference}"


class Accountability(models.Model):
    """What came of a grant, in proportion to its amount; with consent, its story is public and counts as a story
    for the yearly report (yearly.accountability_stories)."""

    application = models.OneToOneField(Application, on_delete=models.CASCADE, related_name="accountability")
    tier = models.CharField(_("what is asked"), max_length=10, choices=Tier.choices)
    due_on = models.DateField(_("due on"))
    story = models.TextField(_("story"), max_length=4000, blank=True)
    activity_report = models.TextField(_("activity report"), max_length=6000, blank=True)
    public = models.BooleanField(_("the story may be shown on the initiative's page"), default=False)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("reminder sent at"), null=True, blank=True)

    class Meta:
        verbose_name = _("accountability")
        verbose_name_plural = _("accountabilities")

    def __str__(self) -> str:
        return str(self.application)

    def get_absolute_url(self) -> str:
        return self.application.get_absolute_url()


class Allocation(models.Model):
    """One version of the division of a fund's budget over its wijken: the published terms and the outcome."""

    fund = models.ForeignKey(Fund, on_delete=models.CASCADE, related_name="allocations")
    year = models.PositiveSmallIntegerField(_("year"))
    version = models.PositiveIntegerField(_("version"))
    total = models.PositiveIntegerField(_("budget to divide (euros)"))
    base_share = models.PositiveIntegerField(_("base share per wijk (euros)"))
    terms = models.JSONField(_("indicators and weights"), default=list)
    rows = models.JSONField(_("outcome per wijk"), default=list)
    created_by = models.ForeignKey(USER, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(_("saved at"), default=timezone.now)

    class Meta:
        ordering = ["-version"]
        verbose_name = _("allocation")
        verbose_name_plural = _("allocations")
        constraints = [models.UniqueConstraint(fields=["fund", "version"], name="allocation_version_unique")]

    def __str__(self) -> str:
        return f"{self.fund} · {self.version}"
