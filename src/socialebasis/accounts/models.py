from django.contrib.auth.models import AbstractUser
from django.db import models
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
