from django import forms
from django.utils.translation import gettext_lazy as _

from socialebasis.core.dates import validate_in_window
from socialebasis.core.forms import StyledFormMixin
from socialebasis.indicators.models import Indicator

from .models import AgendaItem, Norm, NormKind


class StyledForm(StyledFormMixin, forms.ModelForm):
    """A model form with the NL Design System (Utrecht) classes on its inputs."""


class NormForm(StyledForm):
    class Meta:
        model = Norm
        fields = ["title", "explanation", "kind", "indicator", "group", "threshold", "registration", "is_active"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["indicator"].queryset = Indicator.objects.order_by("label")

    def clean(self):
        data = super().clean()
        kind = data.get("kind")
        if kind and kind != NormKind.REGISTRATION and not data.get("indicator"):
            self.add_error("indicator", _("Choose the indicator this norm is about."))
        if kind == NormKind.REGISTRATION and not data.get("registration"):
            self.add_error("registration", _("Say what to count, for example an indoor public meeting place."))
        return data


class AgendaItemForm(StyledForm):
    class Meta:
        model = AgendaItem
        fields = [
            "title",
            "evidence",
            "indicators",
            "actions",
            "owner_kind",
            "owner_name",
            "municipal_role",
            "start_date",
            "end_date",
        ]
        widgets = {
            "start_date": forms.DateInput(attrs={"type": "date"}),
            "end_date": forms.DateInput(attrs={"type": "date"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["indicators"].queryset = Indicator.objects.order_by("label")
        for name in ("start_date", "end_date"):
            self.fields[name].validators.append(validate_in_window)

    def clean(self):
        data = super().clean()
        start, end = data.get("start_date"), data.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("The end cannot be before the start."))
        return data
