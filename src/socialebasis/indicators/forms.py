from django import forms
from django.utils.translation import gettext_lazy as _

from socialebasis.core.forms import StyledFormMixin

MAX_UPLOAD_BYTES = 5 * 1024 * 1024


class MonitorUploadForm(StyledFormMixin, forms.Form):
    monitor_name = forms.CharField(
        label=_("Name of the monitor"),
        max_length=120,
        initial="Monitor Sociale Kracht",
        widget=forms.TextInput(attrs={"class": "utrecht-textbox utrecht-textbox--html-input"}),
    )
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_("Columns: gebied, jaar, indicator, waarde; optional: groep, label, eenheid, hoger_is_beter."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv", "class": "utrecht-textbox"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("The file is larger than 5 MB."))
        return upload
