"""Dutch names for the administration of the second step (django-otp) and the lockout (django-axes).

Neither package ships Dutch. INSTALLED_APPS names the app configs below instead of the packages' own, the documented
way to rename an installed app. django-otp's model and field names are plain English strings that no translation
reaches, so they are set to translated ones when the app is ready; a model's name and a field's `verbose_name` are
not part of the migration state (Django keeps the declared values for that), so no migration follows. django-axes's
names are translatable: their Dutch is in our own catalogue, and `AXES_NAMES` lists them so that `make messages`
keeps them there.
"""

from axes.apps import AppConfig as DefaultAxesConfig
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_static.apps import DefaultConfig as DefaultStaticConfig
from django_otp.plugins.otp_totp.apps import DefaultConfig as DefaultTOTPConfig


def _relabel(model, name, plural, fields: dict) -> None:
    model._meta.verbose_name, model._meta.verbose_name_plural = name, plural
    for field_name, label in fields.items():
        model._meta.get_field(field_name).verbose_name = label


_DEVICE_FIELDS = {
    "user": _("user"),
    "name": _("name"),
    "confirmed": _("confirmed"),
    "created_at": _("created at"),
    "last_used_at": _("last used at"),
    "throttling_failure_timestamp": _("last failed attempt"),
    "throttling_failure_count": _("failed attempts in a row"),
}


class TOTPConfig(DefaultTOTPConfig):
    verbose_name = _("Authenticator apps")

    def ready(self) -> None:
        super().ready()
        _relabel(
            self.get_model("TOTPDevice"),
            _("authenticator app"),
            _("authenticator apps"),
            {**_DEVICE_FIELDS, "key": _("key"), "step": _("time step"), "t0": _("start time"),
             "digits": _("digits"), "tolerance": _("tolerance"), "drift": _("drift"),
             "last_t": _("last time step used")},
        )  # fmt: skip


class StaticConfig(DefaultStaticConfig):
    verbose_name = _("Recovery codes")

    def ready(self) -> None:
        super().ready()
        device = self.get_model("StaticDevice")
        _relabel(device, _("set of recovery codes"), _("sets of recovery codes"), _DEVICE_FIELDS)
        _relabel(self.get_model("StaticToken"), _("recovery code"), _("recovery codes"), {"token": _("code")})


class AxesConfig(DefaultAxesConfig):
    verbose_name = _("Sign-in attempts and lockouts")

    def ready(self) -> None:
        super().ready()
        # The admin shows a row by its text (a title, a breadcrumb); django-axes writes that in English.
        for name in ("AccessAttempt", "AccessLog", "AccessFailureLog"):
            self.get_model(name).__str__ = _attempt_text


def _attempt_text(attempt) -> str:
    return f"{attempt.username or '-'} · {attempt.attempt_time:%d-%m-%Y %H:%M} · {attempt.ip_address or '-'}"


# django-axes's own msgids, as the package writes them, so that makemessages keeps their Dutch in our catalogue.
AXES_NAMES = [
    _("access attempt"), _("access attempts"), _("access log"), _("access logs"), _("access failure"),
    _("access failures"), _("access attempt expiration"), _("access attempt expirations"),
    _("User Agent"), _("IP Address"), _("Username"), _("HTTP Accept"), _("Path"), _("Attempt Time"),
    _("Access lock out"), _("GET Data"), _("POST Data"), _("Failed Logins"), _("Access Attempt"), _("Expires At"),
    _("The time when access attempt expires and is no longer valid."), _("Logout Time"),
    _("Session key hash (sha256)"), _("Locked Out"), _("Form Data"), _("Meta Data"), _("Clean up expired attempts"),
    _("Not set"), _("Attempt Remaining"),
]  # fmt: skip
