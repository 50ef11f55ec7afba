from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from socialebasis.core.roles import STAFF_ROLES, Role


class User(AbstractUser):
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.RESIDENT)
    municipalities = models.ManyToManyField(
        "areas.Municipality",
        blank=True,
        related_name="staff",
        verbose_name=_("municipalities"),
        help_text=_("The municipalities a professional or policy officer works for."),
    )
    districts = models.ManyToManyField(
        "areas.District",
        blank=True,
        related_name="staff",
        verbose_name=_("wijken"),
        help_text=_(
            "The wijken a professional moderates in. Leave empty for a professional who works in every wijk "
            "of their municipalities."
        ),
    )

    # Where a resident lives, as they said when signing up: the municipality, and the wijk found from the
    # four digits of their postcode (only those are kept; the full postcode identifies a street).
    home_municipality = models.ForeignKey(
        "areas.Municipality",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("municipality where you live"),
    )
    home_district = models.ForeignKey(
        "areas.District",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("wijk where you live"),
    )
    postcode_area = models.CharField(_("postcode (4 digits)"), max_length=4, blank=True)
    email_verified_at = models.DateTimeField(_("e-mail address confirmed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    @property
    def needs_second_factor(self) -> bool:
        return self.role in STAFF_ROLES or self.is_staff or self.is_superuser


class EnrolmentLink(models.Model):
    """A one-time link an administrator makes so that a member of staff can link an authenticator app.

    Only a hash of the link's secret is kept: whoever reads the database cannot use a link. A link works once,
    for its own user, after the password step, and only until it expires (services.ENROLMENT_LINK_HOURS).
    """

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="enrolment_links", verbose_name=_("user"))
    token_hash = models.CharField(_("hash of the secret"), max_length=64, unique=True)
    created_by = models.ForeignKey(
        User,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="enrolment_links_made",
        verbose_name=_("made by"),
    )
    created_at = models.DateTimeField(_("made at"), default=timezone.now, editable=False)
    expires_at = models.DateTimeField(_("expires at"))
    used_at = models.DateTimeField(_("used at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("enrolment link")
        verbose_name_plural = _("enrolment links")

    def __str__(self) -> str:
        return f"{self.user.get_username()} {self.created_at:%Y-%m-%d %H:%M}"


class Document(models.TextChoices):
    PRIVACY = "privacy", _("privacy statement")
    TERMS = "terms", _("terms of use")


class Consent(models.Model):
    """That a person accepted a version of the privacy statement or the terms of use, and when."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="consents", verbose_name=_("user"))
    document = models.CharField(_("document"), max_length=10, choices=Document.choices)
    version = models.CharField(_("version"), max_length=20)
    accepted_at = models.DateTimeField(_("accepted at"), default=timezone.now)

    class Meta:
        ordering = ["user", "document", "-accepted_at"]
        verbose_name = _("consent")
        verbose_name_plural = _("consents")

    def __str__(self) -> str:
        return f"{self.get_document_display()} {self.version}"
