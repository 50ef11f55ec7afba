"""Signals: what partners, professionals and residents notice in a wijk, followed to what became of it (issue 14
point 5). The reporter's contact details live apart in `ReporterContact`, opened only by staff and audited."""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Theme(models.Model):
    """The vocabulary of signals per municipality, each theme with the time in which a reporter hears back."""

    municipality = models.ForeignKey(
        "areas.Municipality", on_delete=models.CASCADE, related_name="signal_themes", verbose_name=_("municipality")
    )
    name = models.CharField(_("theme"), max_length=100)
    target_days = models.PositiveSmallIntegerField(_("target time in days"), default=14)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("signal theme")
        verbose_name_plural = _("signal themes")
        ordering = ["municipality", "position", "name"]
        constraints = [models.UniqueConstraint(fields=["municipality", "name"], name="theme_unique_per_municipality")]

    def __str__(self) -> str:
        return self.name


class ReporterKind(models.TextChoices):
    RESIDENT = "resident", _("Resident")
    PROFESSIONAL = "professional", _("Professional")
    PARTNER = "partner", _("Partner organisation")


class SignalStatus(models.TextChoices):
    NEW = "new", _("New")
    IN_PROGRESS = "in_progress", _("Being handled")
    FORWARDED = "forwarded", _("Passed on to a partner")
    ON_AGENDA = "on_agenda", _("On the sociale agenda")
    CLOSED = "closed", _("Handled")


OPEN_STATUSES = (SignalStatus.NEW, SignalStatus.IN_PROGRESS, SignalStatus.FORWARDED, SignalStatus.ON_AGENDA)


class Signal(models.Model):
    municipality = models.ForeignKey(
        "areas.Municipality", on_delete=models.PROTECT, related_name="signals", verbose_name=_("municipality")
    )
    district = models.ForeignKey(
        "areas.District", on_delete=models.PROTECT, related_name="signals", verbose_name=_("wijk")
    )
    theme = models.ForeignKey(Theme, on_delete=models.PROTECT, related_name="signals", verbose_name=_("theme"))
    description = models.TextField(_("what was noticed"), max_length=3000)
    reporter_kind = models.CharField(_("reported by"), max_length=20, choices=ReporterKind.choices)
    status = models.CharField(_("status"), max_length=20, choices=SignalStatus.choices, default=SignalStatus.NEW)
    created_at = models.DateTimeField(_("reported on"), default=timezone.now)
    due_at = models.DateTimeField(_("answer due"))
    # What became of it: the last note to the reporter, and the agenda action it became part of.
    outcome = models.TextField(_("what became of it"), blank=True)
    agenda_item = models.ForeignKey(
        "profiles.AgendaItem",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("action on the sociale agenda"),
    )
    times_reopened = models.PositiveSmallIntegerField(_("times reopened"), default=0)
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        verbose_name = _("signal")
        verbose_name_plural = _("signals")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["municipality", "status"], name="signal_by_municipality_status")]

    def __str__(self) -> str:
        return f"{self.theme} · {self.district.name}"

    def get_absolute_url(self) -> str:
        return reverse("signalling:detail", args=[self.pk])

    @property
    def is_overdue(self) -> bool:
        return self.status in (SignalStatus.NEW, SignalStatus.IN_PROGRESS) and timezone.now() > self.due_at

    @staticmethod
    def due_for(theme: Theme, start=None):
        return (start or timezone.now()) + timedelta(days=theme.target_days)


class ReporterContact(models.Model):
    """Who raised a signal, kept apart from it: the account (to tell them what happens and to let them follow it)
    and, only with their consent to be contacted, how staff may reach them. `anonymous`: staff never see who it
    was; feedback still reaches the account through the platform. Anonymised after the retention period."""

    # What an anonymised contact keeps (the register's retention and the erasure of an account).
    ANONYMOUS = {"contact_name": "", "contact_email": "", "contact_phone": "", "organisation": "", "anonymous": True}

    signal = models.OneToOneField(Signal, on_delete=models.CASCADE, related_name="contact", verbose_name=_("signal"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="signal_contacts",
        verbose_name=_("account"),
    )
    anonymous = models.BooleanField(_("anonymous"), default=False)
    may_contact = models.BooleanField(_("may be contacted"), default=False)
    contact_name = models.CharField(_("name"), max_length=120, blank=True)
    contact_email = models.EmailField(_("e-mail address"), blank=True)
    contact_phone = models.CharField(_("phone number"), max_length=30, blank=True)
    organisation = models.CharField(_("organisation"), max_length=150, blank=True)

    class Meta:
        verbose_name = _("reporter's contact details")
        verbose_name_plural = _("reporters' contact details")

    def __str__(self) -> str:
        return str(self.signal)
