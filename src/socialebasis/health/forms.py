from django import forms
from django.utils.translation import gettext_lazy as _

from socialebasis.areas.selectors import district_of_postcode, municipality_of_postcode, postcode_digits
from socialebasis.core.numbers import parse_int

from .dimensions import DIMENSIONS, HIGHEST, LOWEST


class ScoreField(forms.IntegerField):
    """A whole number from 0 to 10, read strictly (core.numbers): "³" or "1e1" is not a score."""

    def __init__(self, **kwargs):
        kwargs.setdefault(
            "widget",
            forms.NumberInput(
                attrs={"class": "utrecht-textbox utrecht-textbox--html-input", "inputmode": "numeric", "size": 3}
            ),
        )
        super().__init__(min_value=LOWEST, max_value=HIGHEST, **kwargs)
        self.error_messages = {
            **self.error_messages,
            "required": _("Fill in a number from 0 to 10."),
            "invalid": _("Fill in a whole number from 0 to 10."),
            "min_value": _("Fill in a whole number from 0 to 10."),
            "max_value": _("Fill in a whole number from 0 to 10."),
        }

    def to_python(self, value):
        if value in self.empty_values:
            return None
        number = parse_int(str(value).strip())
        if number is None:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return number


class SelfCheckForm(forms.Form):
    """One number per statement and, per dimension, "I want to talk about this"."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for dimension in DIMENSIONS:
            for key, text in dimension.statements:
                self.fields[key] = ScoreField(label=text, help_text=_("0 = not at all, 10 = completely"))
            self.fields[f"talk_{dimension.key}"] = forms.BooleanField(
                label=_("I want to talk about this"), required=False
            )

    def groups(self):
        """The fields per dimension, for the template's fieldsets."""
        return [
            {
                "dimension": d,
                "fields": [self[key] for key, _text in d.statements],
                "talk": self[f"talk_{d.key}"],
            }
            for d in DIMENSIONS
        ]

    def answers(self) -> dict[str, int]:
        return {key: self.cleaned_data[key] for d in DIMENSIONS for key, _text in d.statements}

    def talk_about(self) -> list[str]:
        return [d.key for d in DIMENSIONS if self.cleaned_data.get(f"talk_{d.key}")]


class ContributeForm(forms.Form):
    postcode = forms.CharField(
        label=_("Your postcode"),
        max_length=7,
        help_text=_("Only to find your wijk. We do not keep your postcode."),
    )
    agree = forms.BooleanField(
        label=_("I give my six scores, without my name, to the figures of my wijk"),
        error_messages={"required": _("Tick the box if you want to give your scores.")},
    )

    def clean_postcode(self):
        text = self.cleaned_data["postcode"]
        if postcode_digits(text) is None:
            raise forms.ValidationError(_("Fill in a postcode like 6658 AB."))
        municipality = municipality_of_postcode(text)
        if municipality is None:
            raise forms.ValidationError(_("We do not know this postcode in the municipalities on this site."))
        self.municipality = municipality
        self.district = district_of_postcode(municipality, text)
        return text
