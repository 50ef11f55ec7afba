"""Indicators: definitions, the areas figures are about, and values with their provenance.

Figures come in the region division of their table: the CBS/RIVM health table 50090NED uses the division
of 2020, while our boundaries are of 2023, and CBS reused some codes with another meaning in between
(Vijfheerenlanden's WK196101..110). So a figure belongs to an `Area` = (CBS code, division year), never to
a code alone, and an `Area` points to a `District` only when the code means the same thing there
(see services.link_areas and docs/adr/0011-indicator-values-per-code-and-division-year.md).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Unit(models.TextChoices):
    PERCENT = "percent", _("percent")
    SCORE = "score", _("score (1-10)")
    COUNT = "count", _("count")
    RATIO = "ratio", _("ratio")
    PER_1000 = "per_1000", _("per 1,000 residents")
    NUMBER = "number", _("number")


# Default "notably different" thresholds per unit (docs/adr/0012-notably-better-or-worse.md).
DEFAULT_NOTABLE_DIFFERENCE = {
    Unit.PERCENT: 3.0,
    Unit.SCORE: 0.3,
    Unit.PER_1000: 1.0,
    Unit.RATIO: 1.0,
    Unit.COUNT: 0.0,
    Unit.NUMBER: 0.0,
}


class Source(models.Model):
    key = models.SlugField(_("key"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=200)
    attribution = models.CharField(_("attribution"), max_length=250)
    licence = models.CharField(_("licence"), max_length=100, blank=True)
    url = models.URLField(_("address"), blank=True)
    municipality = models.ForeignKey(
        "areas.Municipality",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="indicator_sources",
        verbose_name=_("municipality"),
        help_text=_("Set for a municipality's own monitor."),
    )

    class Meta:
        ordering = ["key"]
        verbose_name = _("source")
        verbose_name_plural = _("sources")

    def __str__(self) -> str:
        return self.name


class Indicator(models.Model):
    key = models.CharField(_("key"), max_length=80, unique=True)
    label = models.CharField(_("label"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    unit = models.CharField(_("unit"), max_length=10, choices=Unit.choices, default=Unit.PERCENT)
    higher_is_better = models.BooleanField(
        _("higher is better"), null=True, blank=True, help_text=_("Empty: neither higher nor lower is better.")
    )
    notable_difference = models.FloatField(
        _("notable difference"),
        default=3.0,
        help_text=_("A difference at least this large (in the unit) counts as notably better or worse."),
    )
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="indicators", verbose_name=_("source"))
    cbs_column = models.CharField(_("CBS column"), max_length=80, blank=True)
    groups = models.JSONField(_("groups"), default=list, blank=True, help_text=_("For example 18+ and 65+."))
    theme = models.CharField(_("theme"), max_length=80, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["source__key", "position", "key"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")

    def __str__(self) -> str:
        return self.label


class Level(models.TextChoices):
    COUNTRY = "land", _("country")
    MUNICIPALITY = "gemeente", _("municipality")
    DISTRICT = "wijk", _("district")
    NEIGHBOURHOOD = "buurt", _("neighbourhood")
    OTHER = "overig", _("other area")


class Area(models.Model):
    """An area as a table knows it: a CBS code in one division year (or a named area of a municipality)."""

    code = models.CharField(_("code"), max_length=40)
    division_year = models.PositiveSmallIntegerField(_("division year"))
    level = models.CharField(_("level"), max_length=10, choices=Level.choices)
    name = models.CharField(_("name"), max_length=150, blank=True)
    municipality_code = models.CharField(_("municipality code"), max_length=6, blank=True, db_index=True)
    municipality_area = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("municipality")
    )
    country_area = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("country")
    )
    district = models.ForeignKey(
        "areas.District",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="indicator_areas",
        verbose_name=_("district with the same meaning"),
    )

    class Meta:
        ordering = ["division_year", "code"]
        verbose_name = _("statistical area")
        verbose_name_plural = _("statistical areas")
        constraints = [models.UniqueConstraint(fields=["code", "division_year"], name="area_code_unique_per_year")]

    def __str__(self) -> str:
        return f"{self.display_name} ({self.code}, {self.division_year})"

    @property
    def display_name(self) -> str:
        return self.name or self.code


class ImportRun(models.Model):
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="runs", verbose_name=_("source"))
    kind = models.CharField(_("kind"), max_length=30)
    filename = models.CharField(_("file or address"), max_length=300)
    checksum = models.CharField(_("SHA-256"), max_length=64, blank=True)
    at = models.DateTimeField(_("at"), auto_now_add=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, verbose_name=_("by")
    )
    created = models.PositiveIntegerField(_("new"), default=0)
    updated = models.PositiveIntegerField(_("changed"), default=0)
    unchanged = models.PositiveIntegerField(_("unchanged"), default=0)

    class Meta:
        ordering = ["-at"]
        verbose_name = _("import")
        verbose_name_plural = _("imports")

    def __str__(self) -> str:
        return f"{self.kind} {self.filename} ({self.at:%Y-%m-%d})"


class IndicatorValue(models.Model):
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="values")
    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="values")
    year = models.PositiveSmallIntegerField(_("year"))
    group = models.CharField(_("group"), max_length=60, blank=True, help_text=_("Empty: all residents."))
    # None means the source published no figure (an empty cell); it is never read as zero.
    value = models.FloatField(_("value"), null=True, blank=True)
    import_run = models.ForeignKey(ImportRun, on_delete=models.PROTECT, related_name="values")
    source_ref = models.CharField(_("where in the source"), max_length=250, blank=True)

    class Meta:
        ordering = ["indicator", "area", "group", "year"]
        verbose_name = _("indicator value")
        verbose_name_plural = _("indicator values")
        constraints = [
            models.UniqueConstraint(fields=["indicator", "area", "year", "group"], name="value_unique_per_cell")
        ]
        indexes = [models.Index(fields=["area", "indicator", "group", "year"], name="value_by_area")]

    def __str__(self) -> str:
        return f"{self.indicator.key} {self.area.code} {self.year} {self.group}: {self.value}"
