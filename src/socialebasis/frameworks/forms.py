import json
from collections.abc import Mapping

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from socialebasis.core.dates import validate_in_window
from socialebasis.core.forms import StyledFormMixin

from .document import FrameworkDocumentError, validate_document

YES, NO, UNKNOWN = "ja", "nee", "weet-niet"
ANSWER_CHOICES = [(YES, _("Yes")), (NO, _("No")), (UNKNOWN, _("I don't know"))]
ANSWER_VALUES = {YES: True, NO: False, UNKNOWN: None}


class AssessmentForm(StyledFormMixin, forms.Form):
    """The guided "does this belong to the sociale basis?" form, built from one framework's criteria.

    It is a GET form (nothing is stored), so the result can be bookmarked and works without JavaScript.
    """

    submit_name = "toets"

    naam = forms.CharField(label=_("Name of the activity (optional)"), max_length=200, required=False)
    doel = forms.MultipleChoiceField(
        label=_("What is the activity mainly for?"), required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, framework: Mapping, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.framework = framework
        self.fields["doel"].choices = [(g["key"], g["name"]) for g in framework["goals"]]
        for characteristic in framework["characteristics"]:
            self.fields[self.answer_field(characteristic["key"])] = forms.ChoiceField(
                label=characteristic["question"],
                choices=ANSWER_CHOICES,
                initial=UNKNOWN,
                required=False,
                widget=forms.RadioSelect,
            )

    @staticmethod
    def answer_field(key: str) -> str:
        return f"k_{key}"

    def goals(self) -> list[str]:
        return list(self.cleaned_data["doel"])

    def answers(self) -> dict[str, bool | None]:
        return {
            c["key"]: ANSWER_VALUES[self.cleaned_data.get(self.answer_field(c["key"])) or UNKNOWN]
            for c in self.framework["characteristics"]
        }

    def goal_rows(self) -> list[dict]:
        chosen = set(self["doel"].value() or [])
        return [{"goal": goal, "checked": goal["key"] in chosen} for goal in self.framework["goals"]]

    def question_rows(self) -> list[dict]:
        rows = []
        for characteristic in self.framework["characteristics"]:
            bound = self[self.answer_field(characteristic["key"])]
            rows.append(
                {
                    "characteristic": characteristic,
                    "name": bound.html_name,
                    "id": bound.auto_id,
                    "value": bound.value() or UNKNOWN,
                    "errors": bound.errors,
                    "choices": ANSWER_CHOICES,
                }
            )
        return rows


class FrameworkEditForm(StyledFormMixin, forms.Form):
    valid_from = forms.DateField(
        label=_("Valid from"),
        help_text=_("The first day this version applies. Until then the current version stays in force."),
        # ISO format: an <input type="date"> only takes YYYY-MM-DD, whatever the language.
        widget=forms.DateInput(
            format="%Y-%m-%d", attrs={"type": "date", "class": "utrecht-textbox utrecht-textbox--html-input"}
        ),
        validators=[validate_in_window],
    )
    note = forms.CharField(
        label=_("What changed and why"),
        max_length=500,
        required=False,
        widget=forms.TextInput(attrs={"class": "utrecht-textbox utrecht-textbox--html-input"}),
    )
    document = forms.CharField(
        label=_("The framework as a JSON document"),
        help_text=_(
            "The whole framework in the export format (see the documentation). Every part is checked; "
            "nothing is saved when something is wrong."
        ),
        max_length=2_000_000,
        widget=forms.Textarea(
            attrs={
                "rows": 30,
                "class": "utrecht-textarea utrecht-textarea--html-textarea sb-code",
                "spellcheck": "false",
            }
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["valid_from"].initial = timezone.localdate()

    def clean_document(self) -> dict:
        try:
            data = json.loads(self.cleaned_data["document"])
        except json.JSONDecodeError as exc:
            raise forms.ValidationError(
                _("This is not valid JSON (line %(line)s, column %(column)s): %(error)s."),
                params={"line": exc.lineno, "column": exc.colno, "error": exc.msg},
            ) from None
        try:
            return validate_document(data)
        except FrameworkDocumentError as exc:
            raise forms.ValidationError([f"{path}: {message}" for path, message in exc.errors]) from None
