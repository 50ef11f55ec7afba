from django import forms
from django.utils.translation import gettext_lazy as _

from socialebasis.core.forms import StyledFormMixin


class EraseAccountForm(StyledFormMixin, forms.Form):
    """Deleting one's own account asks for the password once more, so a forgotten open session cannot do it."""

    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        max_length=200,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args, user, request=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.request = request

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("This password is not right."))
        return password
