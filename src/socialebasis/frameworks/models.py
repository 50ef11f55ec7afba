"""Local frameworks: each municipality's own definition of the sociale basis, kept as versions.

A version's content is one validated JSON document (schema in `document.py`, described in
docs/frameworks.md); see docs/adr/0014-framework-as-versioned-document.md for why it is a document and not a
set of rows. Versions are only ever added: editing a framework creates the next version, and an assessment
points at the version it used, so an old verdict can always be explained with the rules of its day.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from socialebasis.areas.models import Municipality


class Influence(models.TextChoices):
    """How much the municipality can influence a sphere (seed 001 §3.4)."""

    NONE = "none", _("none")
    INDIRECT = "indirect", _("indirect")
    DIRECT = "direct", _("direct")


class Effect(models.TextChoices):
    """What a characteristic means for belonging to the sociale basis (seed 001 §1.2, Bijlage 2)."""

    INCLUDE = "include", _("counts towards inside")
    EXCLUDE = "exclude", _("excludes")
    INDICATIVE = "indicative", _("indicative")


class Verdict(models.TextChoices):
    INSIDE = "inside", _("inside the sociale basis")
    GREY = "grey", _("grey area")
    OUTSIDE = "outside", _("outside the sociale basis")


class Framework(models.Model):
    municipality = models.OneToOneField(
        Municipality, on_delete=models.CASCADE, related_name="framework", verbose_name=_("municipality")
    )

    class Meta:
        ordering = ["municipality__name"]
        verbose_name = _("local framework")
        verbose_name_plural = _("local frameworks")

    def __str__(self) -> str:
        return str(_("Framework of %(name)s") % {"name": self.municipality.name})


class FrameworkVersion(models.Model):
    framework = models.ForeignKey(
        Framework, on_delete=models.CASCADE, related_name="versions", verbose_name=_("framework")
    )
    number = models.PositiveIntegerField(_("version"))
    valid_from = models.DateField(_("valid from"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("created by"),
    )
    note = models.CharField(_("note"), max_length=500, blank=True)
    content = models.JSONField(_("content"), help_text=_("The framework document (see docs/frameworks.md)."))
    # SHA-256 of the canonical JSON of `content`: loading the same preset twice adds no version.
    content_hash = models.CharField(_("content hash"), max_length=64, db_index=True)

    class Meta:
        ordering = ["framework", "-number"]
        verbose_name = _("framework version")
        verbose_name_plural = _("framework versions")
        constraints = [
            models.UniqueConstraint(fields=["framework", "number"], name="framework_version_number_unique"),
        ]
        indexes = [models.Index(fields=["framework", "valid_from"])]

    def __str__(self) -> str:
        return f"{self.framework} v{self.number}"

    @property
    def municipality(self) -> Municipality:
        return self.framework.municipality


class Channel(models.TextChoices):
    API = "api", _("API")
    CLI = "cli", _("command line")


class Assessment(models.Model):
    """One answered "does this belong to the sociale basis?", with the framework version it used."""

    framework_version = models.ForeignKey(
        FrameworkVersion,
        on_delete=models.PROTECT,
        related_name="assessments",
        verbose_name=_("framework version"),
    )
    name = models.CharField(_("activity"), max_length=200, blank=True)
    goals = models.JSONField(_("primary goals"), default=list)
    answers = models.JSONField(_("answers per characteristic"), default=dict)
    verdict = models.CharField(_("verdict"), max_length=10, choices=Verdict.choices)
    sphere = models.CharField(_("suggested sphere"), max_length=60, blank=True)
    result = models.JSONField(_("result"), help_text=_("The full answer: reasons, missing answers, sphere."))
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices, default=Channel.API)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True, db_index=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("created by"),
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("assessment")
        verbose_name_plural = _("assessments")

    def __str__(self) -> str:
        return f"{self.name or '—'}: {self.verdict} ({self.framework_version})"
