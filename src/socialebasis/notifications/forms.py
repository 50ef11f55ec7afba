from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from socialebasis.core.forms import StyledFormMixin

from .registry import Frequency, Kind


class PreferencesForm(StyledFormMixin, forms.Form):
    """One choice per kind a user may turn off, and the language of their messages."""

    language = forms.ChoiceField(label=_("Language of your messages"), widget=forms.RadioSelect)

    def __init__(self, *args, kinds: list[Kind], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = settings.LANGUAGES
        self.kinds = [kind for kind in kinds if kind.optional]
        for kind in self.kinds:
            self.fields[self.field_name(kind)] = forms.ChoiceField(
                label=kind.label,
                help_text=kind.description,
                choices=Frequency.choices,
                widget=forms.RadioSelect(attrs={"class": "utrecht-radio-button utrecht-radio-button--html-input"}),
            )
        self.order_fields([*(self.field_name(kind) for kind in self.kinds), "language"])

    @staticmethod
    def field_name(kind: Kind) -> str:
        return "kind-" + kind.key

    def frequencies(self) -> dict[str, str]:
        return {kind.key: self.cleaned_data[self.field_name(kind)] for kind in self.kinds}
