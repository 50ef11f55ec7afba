"""Areas: CBS municipalities, districts (wijken) and neighbourhoods (buurten), and a municipality's own
division beside CBS's.

CBS reuses district and neighbourhood codes with other meanings between division years (Vijfheerenlanden's
WK196101..110 in 2020 and 2023), so a district or neighbourhood is identified by (statcode, year), never by
its code alone. Boundaries are GeoJSON geometries in WGS84, kept as JSON so that the demo runs on SQLite;
see docs/adr/0004-boundaries-as-geojson.md.
"""

from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from .querysets import AreaDivisionQuerySet, DistrictQuerySet

municipality_code = RegexValidator(r"^GM\d{4}$", _("A municipality code looks like GM0797."))
district_code = RegexValidator(r"^WK\d{6}$", _("A district code looks like WK079701."))
neighbourhood_code = RegexValidator(r"^BU\d{8}$", _("A neighbourhood code looks like BU07970104."))


class Municipality(models.Model):
    statcode = models.CharField(_("CBS code"), max_length=6, unique=True, validators=[municipality_code])
    name = models.CharField(_("name"), max_length=100)
    boundary = models.JSONField(_("boundary"), null=True, blank=True, help_text=_("GeoJSON geometry, WGS84."))
    boundary_year = models.PositiveSmallIntegerField(_("year of the boundary"), null=True, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")

    def __str__(self) -> str:
        return f"{self.name} ({self.statcode})"


class District(models.Model):
    statcode = models.CharField(_("CBS code"), max_length=8, validators=[district_code])
    year = models.PositiveSmallIntegerField(_("division year"))
    name = models.CharField(_("name"), max_length=100)
    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="districts", verbose_name=_("municipality")
    )
    boundary = models.JSONField(_("boundary"), null=True, blank=True, help_text=_("GeoJSON geometry, WGS84."))

    objects = DistrictQuerySet.as_manager()

    class Meta:
        ordering = ["statcode"]
        verbose_name = _("district")
        verbose_name_plural = _("districts")
        constraints = [
            models.UniqueConstraint(fields=["statcode", "year"], name="district_code_unique_per_year"),
        ]
        indexes = [models.Index(fields=["municipality", "year"])]

    def __str__(self) -> str:
        return f"{self.name} ({self.statcode}, {self.year})"


class Neighbourhood(models.Model):
    statcode = models.CharField(_("CBS code"), max_length=10, validators=[neighbourhood_code])
    year = models.PositiveSmallIntegerField(_("division year"))
    name = models.CharField(_("name"), max_length=100)
    district = models.ForeignKey(
        District, on_delete=models.CASCADE, related_name="neighbourhoods", verbose_name=_("district")
    )
    boundary = models.JSONField(_("boundary"), null=True, blank=True, help_text=_("GeoJSON geometry, WGS84."))

    class Meta:
        ordering = ["statcode"]
        verbose_name = _("neighbourhood")
        verbose_name_plural = _("neighbourhoods")
        constraints = [
            models.UniqueConstraint(fields=["statcode", "year"], name="neighbourhood_code_unique_per_year"),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.statcode}, {self.year})"


class AreaDivision(models.Model):
    """A municipality's own way of dividing itself, beside CBS's (Heusden: 19 wijken, seed 000 §6)."""

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="divisions", verbose_name=_("municipality")
    )
    slug = models.SlugField(_("short name"), max_length=60)
    name = models.CharField(_("name"), max_length=150)
    description = models.TextField(_("description"), blank=True)
    source = models.CharField(_("source"), max_length=250, blank=True)
    is_public = models.BooleanField(
        _("public"),
        default=False,
        help_text=_("Draft divisions are only visible to the municipality's staff."),
    )

    objects = AreaDivisionQuerySet.as_manager()

    class Meta:
        ordering = ["municipality__name", "name"]
        verbose_name = _("own area division")
        verbose_name_plural = _("own area divisions")
        constraints = [
            models.UniqueConstraint(fields=["municipality", "slug"], name="division_slug_unique_per_municipality"),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.municipality.name})"


class OwnArea(models.Model):
    division = models.ForeignKey(
        AreaDivision, on_delete=models.CASCADE, related_name="areas", verbose_name=_("division")
    )
    slug = models.SlugField(_("short name"), max_length=60)
    name = models.CharField(_("name"), max_length=150)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    boundary = models.JSONField(_("boundary"), null=True, blank=True, help_text=_("GeoJSON geometry, WGS84."))
    districts = models.ManyToManyField(
        District, blank=True, related_name="own_areas", verbose_name=_("CBS districts covered")
    )
    neighbourhoods = models.ManyToManyField(
        Neighbourhood, blank=True, related_name="own_areas", verbose_name=_("CBS neighbourhoods covered")
    )

    class Meta:
        ordering = ["division", "position", "name"]
        verbose_name = _("own area")
        verbose_name_plural = _("own areas")
        constraints = [
            models.UniqueConstraint(fields=["division", "slug"], name="own_area_slug_unique_per_division"),
        ]

    def __str__(self) -> str:
        return self.name


class PostcodeArea(models.Model):
    """A 4-digit postcode (PC4) with a point inside it: "near me" and a resident's wijk without an outside service.

    The point is GeoNames' representative point of the postcode (not an official centroid); a PC4 can lie in two
    places or municipalities, so it appears once per place name (data/geonames/, CC BY 4.0).
    """

    code = models.CharField(_("postcode (4 digits)"), max_length=4, db_index=True)
    place = models.CharField(_("place"), max_length=100)
    municipality_code = models.CharField(_("municipality code"), max_length=6)
    latitude = models.FloatField(_("latitude"))
    longitude = models.FloatField(_("longitude"))
    source = models.CharField(_("source"), max_length=100)

    class Meta:
        ordering = ["code", "place"]
        verbose_name = _("postcode area")
        verbose_name_plural = _("postcode areas")
        constraints = [models.UniqueConstraint(fields=["code", "place"], name="postcode_area_once_per_place")]

    def __str__(self) -> str:
        return f"{self.code} {self.place}"
