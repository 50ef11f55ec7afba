"""Wijk profiles: precomputed comparisons per area, minimum standards (ondergrens) and the sociale agenda.

`ProfileSummary` is derived data: one row per (area, indicator, group) with the latest figure, the
municipality's and the country's figure of the same year, the verdicts and the trend. It is recomputed in
one set-based statement after every import (summaries.recompute); see docs/adr/0012-notably-better-or-worse.md.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Verdict(models.TextChoices):
    BETTER = "better", _("notably better")
    SIMILAR = "similar", _("about the same")
    WORSE = "worse", _("notably worse")
    DIFFERENT = "different", _("notably different")
    UNKNOWN = "", _("no comparison")


class ProfileSummary(models.Model):
    # Derived rows, rebuilt in bulk: no database-level foreign-key checks (Django still cascades deletes) and
    # no index of their own: the unique constraint below starts with the area, and indicators are rarely deleted.
    area = models.ForeignKey(
        "indicators.Area", on_delete=models.CASCADE, related_name="summaries", db_constraint=False, db_index=False
    )
    indicator = models.ForeignKey(
        "indicators.Indicator", on_delete=models.CASCADE, related_name="summaries", db_constraint=False, db_index=False
    )
    group = models.CharField(max_length=60, blank=True)
    year = models.PositiveSmallIntegerField()
    value = models.FloatField()
    first_year = models.PositiveSmallIntegerField()
    first_value = models.FloatField()
    municipality_value = models.FloatField(null=True)
    country_value = models.FloatField(null=True)
    verdict_municipality = models.CharField(max_length=10, choices=Verdict.choices, blank=True)
    verdict_country = models.CharField(max_length=10, choices=Verdict.choices, blank=True)
    trend = models.CharField(max_length=10, choices=Verdict.choices, blank=True)

    class Meta:
        verbose_name = _("profile summary")
        verbose_name_plural = _("profile summaries")
        constraints = [
            models.UniqueConstraint(fields=["area", "indicator", "group"], name="summary_unique_per_area_indicator")
        ]

    def __str__(self) -> str:
        return f"{self.area_id} {self.indicator_id} {self.group}"


class NormKind(models.TextChoices):
    ABOVE_MUNICIPALITY = "above_municipality", _("at most X points above the municipality")
    BELOW_MUNICIPALITY = "below_municipality", _("at most X points below the municipality")
    ABOVE_COUNTRY = "above_country", _("at most X points above the Netherlands")
    BELOW_COUNTRY = "below_country", _("at most X points below the Netherlands")
    AT_MOST = "at_most", _("at most X")
    AT_LEAST = "at_least", _("at least X")
    REGISTRATION = "registration", _("at least X registered places or activities")


class Registration(models.TextChoices):
    # What a registration norm counts in the sociale kaart (profiles.registrations).
    INDOOR_PUBLIC_PLACE = "meeting_place_indoor", _("indoor public meeting places")
    MEETING_PLACE = "meeting_place", _("meeting places")
    ACTIVITY = "activity", _("activities")
    YOUTH_ACTIVITY = "activity_youth", _("activities for young people")
    INSTITUTIONAL_ACTIVITY = "institutional_activity", _("activities of welfare organisations or the municipality")


class Norm(models.Model):
    """A minimum standard (ondergrens) that every wijk of the municipality should meet."""

    municipality = models.ForeignKey(
        "areas.Municipality", on_delete=models.CASCADE, related_name="norms", verbose_name=_("municipality")
    )
    title = models.CharField(_("title"), max_length=200)
    explanation = models.TextField(_("why"), blank=True, help_text=_("The policy this norm comes from."))
    kind = models.CharField(_("kind"), max_length=20, choices=NormKind.choices)
    indicator = models.ForeignKey(
        "indicators.Indicator",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="norms",
        verbose_name=_("indicator"),
    )
    group = models.CharField(_("group"), max_length=60, blank=True, help_text=_("For example 18+; empty: all."))
    threshold = models.FloatField(_("threshold"), default=0)
    registration = models.CharField(
        _("registration"),
        max_length=40,
        blank=True,
        choices=Registration.choices,
        help_text=_("For registration norms: what to count, for example an indoor public meeting place."),
    )
    preset = models.CharField(_("preset"), max_length=60, blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["municipality", "position", "pk"]
        verbose_name = _("minimum standard")
        verbose_name_plural = _("minimum standards")
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "preset"], condition=~models.Q(preset=""), name="norm_preset_once"
            )
        ]

    def __str__(self) -> str:
        return self.title


class OwnerKind(models.TextChoices):
    RESIDENTS = "residents", _("resident group")
    ORGANISATION = "organisation", _("organisation")
    MUNICIPALITY = "municipality", _("municipality")


class MunicipalRole(models.TextChoices):
    # Vijfheerenlanden's forms of support (seed 001 §3.3): from encouraging to directing.
    STIMULATE = "stimuleren", _("stimulate")
    APPRECIATE = "waarderen", _("appreciate")
    SIGNAL = "signaleren", _("signal")
    INFORM = "informeren", _("inform")
    FINANCE = "financieren", _("finance")
    DIRECT = "regie", _("direct (regie voeren)")


class AgendaStatus(models.TextChoices):
    PROPOSED = "proposed", _("proposed")
    AGREED = "agreed", _("agreed")
    IN_PROGRESS = "in_progress", _("in progress")
    DONE = "done", _("done")
    STOPPED = "stopped", _("stopped")


class AgendaItem(models.Model):
    """One opgave on the sociale agenda of a wijk."""

    district = models.ForeignKey(
        "areas.District", on_delete=models.CASCADE, related_name="agenda_items", verbose_name=_("district")
    )
    title = models.CharField(_("opgave"), max_length=200)
    evidence = models.TextField(_("evidence"), help_text=_("Which figures or signals this answers."))
    indicators = models.ManyToManyField(
        "indicators.Indicator", blank=True, related_name="agenda_items", verbose_name=_("indicators")
    )
    actions = models.TextField(_("actions"), blank=True)
    owner_kind = models.CharField(_("owner"), max_length=20, choices=OwnerKind.choices)
    owner_name = models.CharField(_("name of the owner"), max_length=200)
    municipal_role = models.CharField(_("role of the municipality"), max_length=20, choices=MunicipalRole.choices)
    status = models.CharField(_("status"), max_length=20, choices=AgendaStatus.choices, default=AgendaStatus.PROPOSED)
    start_date = models.DateField(_("start"), null=True, blank=True)
    end_date = models.DateField(_("end"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        ordering = ["district", "status", "title"]
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        district = self.district
        return reverse("profiles:profile", args=[district.municipality.statcode, district.statcode]) + "#agenda"


class ReportStatus(models.TextChoices):
    PENDING = "pending", _("being made")
    READY = "ready", _("ready")
    FAILED = "failed", _("failed")


class ReportPdf(models.Model):
    """The PDF of one printable wijk report, made on the worker from the report's HTML (issue 12 point 7).

    Keyed by a digest of that HTML: the same figures, agenda, language and date give the same PDF, so a second
    request is served at once, and any change makes a new one. The HTML is kept only until the PDF is made.
    Rows of other digests of the same report are dropped after a day. The yearly report "tellen en vertellen" also
    holds stories (with the teller's name when they chose so), so the rows are in the personal-data register: the
    retention round deletes them after `REPORT_PDF_RETENTION_DAYS`, and a withdrawn story drops its areas' rows.
    """

    digest = models.CharField(_("SHA-256 of the report"), max_length=64, unique=True)
    code = models.CharField(_("CBS code"), max_length=10)
    division_year = models.PositiveSmallIntegerField(_("division year"))
    status = models.CharField(_("status"), max_length=10, choices=ReportStatus.choices, default=ReportStatus.PENDING)
    html = models.TextField(_("report as HTML"), blank=True)
    base_url = models.CharField(_("address of the site"), max_length=300, blank=True)
    pdf = models.BinaryField(_("PDF"), blank=True, default=b"")
    requested_at = models.DateTimeField(_("requested"))
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    seconds = models.FloatField(_("seconds to make"), null=True, blank=True)

    class Meta:
        verbose_name = _("wijk report as PDF")
        verbose_name_plural = _("wijk reports as PDF")
        indexes = [models.Index(fields=["code", "division_year"], name="report_pdf_by_area")]

    def __str__(self) -> str:
        return f"{self.code} {self.division_year} ({self.status})"
