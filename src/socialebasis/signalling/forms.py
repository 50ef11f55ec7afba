from django import forms
from django.utils.translation import gettext_lazy as _

from socialebasis.areas.models import District
from socialebasis.core.forms import StyledFormMixin
from socialebasis.profiles.models import MunicipalRole, OwnerKind

from .models import ReporterKind, Theme


class SignalForm(StyledFormMixin, forms.Form):
    theme = forms.ModelChoiceField(label=_("Theme"), queryset=Theme.objects.none(), empty_label=None)
    district = forms.ModelChoiceField(label=_("Wijk"), queryset=District.objects.none(), empty_label=None)
    description = forms.CharField(
        label=_("What did you notice?"), max_length=3000, widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("For example: more and more people ask for help with their mail. Do not write names."),
    )  # fmt: skip
    reporter_kind = forms.ChoiceField(label=_("You are"), choices=ReporterKind.choices, widget=forms.RadioSelect)
    organisation = forms.CharField(label=_("Organisation (if any)"), max_length=150, required=False)
    anonymous = forms.BooleanField(
        label=_("Report anonymously"), required=False,
        help_text=_("The municipality does not see who you are. You still get news about your signal here."),
    )  # fmt: skip
    may_contact = forms.BooleanField(
        label=_("The municipality may contact me about this signal"), required=False,
    )  # fmt: skip
    contact_name = forms.CharField(label=_("Your name"), max_length=120, required=False)
    contact_email = forms.EmailField(label=_("Your e-mail address"), required=False)
    contact_phone = forms.CharField(label=_("Your phone number"), max_length=30, required=False)

    def __init__(self, *args, municipality, districts, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme"].queryset = Theme.objects.filter(municipality=municipality, is_active=True)
        self.fields["district"].queryset = districts

    def clean(self):
        data = super().clean()
        if data.get("may_contact") and data.get("anonymous"):
            self.add_error("may_contact", _("Choose one: anonymous, or contact me."))
        if data.get("may_contact") and not (data.get("contact_email") or data.get("contact_phone")):
            self.add_error("contact_email", _("Give an e-mail address or a phone number, so we can contact you."))
        return data


class CombineForm(StyledFormMixin, forms.Form):
    """One action on the wijk's sociale agenda for several signals; the fields the profiles' agenda asks for."""

    title = forms.CharField(label=_("Opgave on the sociale agenda"), max_length=200)
    actions = forms.CharField(label=_("What will be done"), widget=forms.Textarea(attrs={"rows": 3}))
    owner_kind = forms.ChoiceField(label=_("Who takes it on"), choices=OwnerKind.choices)
    owner_name = forms.CharField(label=_("Name of the group, organisation or department"), max_length=200)
    municipal_role = forms.ChoiceField(label=_("Role of the municipality"), choices=MunicipalRole.choices)
    note = forms.CharField(
        label=_("Message to everyone who raised one of these signals"), max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )  # fmt: skip
