import re

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from socialebasis.core.forms import StyledFormMixin

from .services import is_recovery_code, normalise_code

SIX_DIGITS = re.compile(r"[0-9]{6}")


class LoginForm(StyledFormMixin, AuthenticationForm):
    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _(
            "The user name or password is not right. Check them and try again. "
            "After several failed attempts your account is locked for a while."
        ),
    }

    def clean_username(self) -> str:
        # AuthenticationForm sets max_length on the field after it was made, so Django never checks it; a longer
        # name would reach the lockout log (255 characters at most) and fail there.
        username = self.cleaned_data["username"]
        limit = self.fields["username"].max_length
        if len(username) > limit:
            raise forms.ValidationError(
                _("A user name has at most %(limit)d characters.") % {"limit": limit}, code="max_length"
            )
        return username


class TokenForm(StyledFormMixin, forms.Form):
    token = forms.CharField(
        label=_("Code from your authenticator app"),
        help_text=_("Six digits. The code changes every 30 seconds."),
        min_length=6,
        max_length=6,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )

    def clean_token(self) -> str:
        token = self.cleaned_data["token"].strip()
        if not SIX_DIGITS.fullmatch(token):
            raise forms.ValidationError(_("The code has only digits."))
        return token


class VerifyForm(StyledFormMixin, forms.Form):
    """The second step when signing in: six digits from the app, or one of the recovery codes."""

    token = forms.CharField(
        label=_("Code from your authenticator app"),
        help_text=_(
            "Six digits. The code changes every 30 seconds. Lost your phone? Enter one of your recovery codes."
        ),
        max_length=20,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "spellcheck": "false"}),
    )

    def clean_token(self) -> str:
        token = normalise_code(self.cleaned_data["token"])
        if not (SIX_DIGITS.fullmatch(token) or is_recovery_code(token)):
            raise forms.ValidationError(
                _("Enter the six digits from your app, or a recovery code of eight letters and digits.")
            )
        return token
