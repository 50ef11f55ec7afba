"""The kinds of message that belong to the platform as a whole rather than to one app."""

from django.utils.translation import gettext_lazy as _

from .registry import Frequency, register

# For the accounts app (second factor reset, password changed, new sign-in …): always by e-mail, right away.
SECURITY_NOTICE = register(
    "account.security",
    _("Security of your account"),
    default=Frequency.IMMEDIATELY,
    optional=False,
    description=_("For example when your password or second step changed. You always get these by e-mail."),
)
