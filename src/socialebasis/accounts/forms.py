import re

from django import forms
from django.contrib.auth import forms as auth_forms
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.contrib.auth.password_validation import validate_password
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _

from socialebasis.areas.models import Municipality
from socialebasis.areas.selectors import district_of_postcode, postcode_digits
from socialebasis.core.forms import StyledFormMixin
from socialebasis.core.roles import Role

from .models import User
from .services import is_recovery_code, normalise_code
from .signals import account_mail

SIX_DIGITS = re.compile(r"[0-9]{6}")


class LoginForm(StyledFormMixin, AuthenticationForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = _("E-mail address or user name")

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
        if "@" in username:  # residents sign in with the e-mail address they signed up with, in any case
            known = User.objects.filter(email__iexact=username.strip()).values_list("username", flat=True)
            username = known.first() or username
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


class MunicipalityChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return obj.name  # the name a resident knows, not the CBS code


class SignupForm(StyledFormMixin, forms.Form):
    """Signing up as a resident or volunteer: e-mail, password, where you live, and the two documents accepted."""

    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=150,
        help_text=_("We send a link to this address. You sign in with it."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        max_length=200,
        help_text=_("At least 12 characters. A sentence of a few words is easy to remember and hard to guess."),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    password2 = forms.CharField(
        label=_("Password again"),
        strip=False,
        max_length=200,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    role = forms.ChoiceField(
        label=_("I sign up as"),
        choices=[(Role.RESIDENT, _("resident")), (Role.VOLUNTEER, _("volunteer"))],
        initial=Role.RESIDENT,
        widget=forms.RadioSelect,
    )
    municipality = MunicipalityChoiceField(
        label=_("Municipality where you live"),
        queryset=Municipality.objects.order_by("name"),
        empty_label=_("Choose your municipality"),
        to_field_name="statcode",
    )
    postcode = forms.CharField(
        label=_("Postcode (optional)"),
        required=False,
        max_length=10,
        help_text=_("For example 5251 AB, or only 5251. We keep only the four digits, to know your wijk."),
        widget=forms.TextInput(attrs={"autocomplete": "postal-code"}),
    )
    accept = forms.BooleanField(
        label=_("I have read the privacy statement and the terms of use and I agree with them."),
        error_messages={"required": _("You can only sign up when you agree with the privacy statement and terms.")},
    )

    def clean_postcode(self) -> str:
        text = self.cleaned_data["postcode"].strip()
        if not text:
            return ""
        digits = postcode_digits(text)
        if digits is None:
            raise forms.ValidationError(_("A postcode looks like 5251 AB, or just its four digits: 5251."))
        return digits

    def clean(self):
        data = super().clean()
        first, second = data.get("password1"), data.get("password2")
        if first and second and first != second:
            self.add_error("password2", _("The two passwords are not the same."))
        elif first and data.get("email"):
            try:
                validate_password(first, User(username=data["email"], email=data["email"]))
            except forms.ValidationError as invalid:
                self.add_error("password1", invalid)
        municipality, digits = data.get("municipality"), data.get("postcode")
        self.district = None
        if municipality and digits:
            self.district = district_of_postcode(municipality, digits)
            if self.district is None:
                self.add_error(
                    "postcode",
                    _("We cannot find this postcode in %(municipality)s. Check it, or leave it empty.")
                    % {"municipality": municipality.name},
                )
        return data


class EmailChangeForm(StyledFormMixin, forms.Form):
    email = forms.EmailField(
        label=_("New e-mail address"), max_length=150, widget=forms.EmailInput(attrs={"autocomplete": "email"})
    )
    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        max_length=200,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("This password is not right."))
        return password

    def clean_email(self) -> str:
        email = self.cleaned_data["email"].strip()
        if email.lower() == (self.user.email or "").lower():
            raise forms.ValidationError(_("This is already your e-mail address."))
        return email


class ResetForm(StyledFormMixin, PasswordResetForm):
    """Django's reset form, whose mail leaves through the one door for e-mail (the notifications app)."""

    def send_mail(self, subject_template_name, email_template_name, context, from_email, to_email, **kwargs):
        subject = " ".join(render_to_string(subject_template_name, context).split())
        body = render_to_string(email_template_name, context)
        key = f"password-reset:{context['uid']}:{context['token']}"
        account_mail.send(sender=User, to=to_email, subject=subject, body=body, key=key)


class PasswordChangeForm(StyledFormMixin, auth_forms.PasswordChangeForm):
    pass
