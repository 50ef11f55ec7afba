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
