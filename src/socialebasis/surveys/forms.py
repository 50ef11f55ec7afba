from django import forms
from django.utils.translation import gettext_lazy as _

from socialebasis.areas.selectors import district_of_postcode, postcode_digits
from socialebasis.profiles.models import MunicipalRole, OwnerKind

from .models import Entry, QuestionKind


class AnswerForm(forms.Form):
    """One field per question of the survey. A question with a skip condition says when to answer it; the service
    drops answers to questions that were skipped, so the form works the same with and without JavaScript."""

    postcode = forms.CharField(
        label=_("Your postcode (optional)"),
        required=False,
        max_length=7,
        help_text=_("Only to count your answers for your wijk. We do not keep it."),
        widget=forms.TextInput(
            attrs={"class": "utrecht-textbox utrecht-textbox--html-input", "autocomplete": "postal-code"}
        ),
    )

    def __init__(self, survey, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.survey = survey
        self.questions = list(survey.questions.order_by("position"))
        by_key = {q.key: q for q in self.questions}
        for question in self.questions:
            choices = [(o["key"], o["label"]) for o in question.options]
            help_text = ""
            if question.show_if_question in by_key:
                earlier = by_key[question.show_if_question]
                help_text = _("Only if you answered “%(answer)s” to “%(question)s”.") % {
                    "answer": earlier.label_of(question.show_if_answer),
                    "question": earlier.text,
                }
            common = {"label": question.text, "required": False, "help_text": help_text}
            if question.kind == QuestionKind.MULTIPLE:
                field = forms.MultipleChoiceField(choices=choices, widget=forms.CheckboxSelectMultiple, **common)
            elif question.kind == QuestionKind.OPEN:
                field = forms.CharField(
                    max_length=2000, widget=forms.Textarea(attrs={"rows": 3, "class": "utrecht-textarea"}), **common
                )
            else:
                field = forms.ChoiceField(choices=choices, widget=forms.RadioSelect, **common)
            self.fields[f"q_{question.key}"] = field

    def clean_postcode(self):
        text = self.cleaned_data["postcode"].strip()
        self.district = None
        if text:
            if postcode_digits(text) is None:
                raise forms.ValidationError(_("Fill in a postcode like 6658 AB."))
            self.district = district_of_postcode(self.survey.municipality, text)
        return text

    def given(self) -> dict:
        return {q.key: self.cleaned_data.get(f"q_{q.key}") for q in self.questions}

    def question_fields(self):
        return [(q, self[f"q_{q.key}"]) for q in self.questions]


class PaperEntryForm(AnswerForm):
    entry = forms.ChoiceField(
        label=_("How were these answers given?"),
        choices=[(Entry.PAPER, _("on a paper form")), (Entry.ASSISTED, _("in a conversation, with my help"))],
        widget=forms.RadioSelect,
    )


class ActionForm(forms.Form):
    what_residents_said = forms.CharField(
        label=_("What residents said"), widget=forms.Textarea(attrs={"rows": 3, "class": "utrecht-textarea"})
    )
    question = forms.ChoiceField(label=_("From which question"), required=False)
    title = forms.CharField(
        label=_("Opgave for the sociale agenda"),
        max_length=200,
        widget=forms.TextInput(attrs={"class": "utrecht-textbox utrecht-textbox--html-input"}),
    )
    actions = forms.CharField(
        label=_("What we will do"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "class": "utrecht-textarea"}),
    )
    owner_kind = forms.ChoiceField(label=_("Who takes it on"), choices=OwnerKind.choices)
    owner_name = forms.CharField(
        label=_("Name of the group or organisation"),
        max_length=200,
        widget=forms.TextInput(attrs={"class": "utrecht-textbox utrecht-textbox--html-input"}),
    )
    municipal_role = forms.ChoiceField(label=_("Role of the municipality"), choices=MunicipalRole.choices)

    def __init__(self, survey, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["question"].choices = [("", _("(none)"))] + [
            (str(q.pk), q.text) for q in survey.questions.order_by("position")
        ]
        for name in ("owner_kind", "municipal_role", "question"):
            self.fields[name].widget.attrs["class"] = "utrecht-select utrecht-select--html-select"


class ProjectStepForm(forms.Form):
    def __init__(self, fields: tuple[str, ...], project, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in fields:
            self.fields[name] = forms.CharField(
                label=project._meta.get_field(name).verbose_name,
                required=False,
                initial=getattr(project, name),
                widget=forms.Textarea(attrs={"rows": 4, "class": "utrecht-textarea"}),
            )


class StartProjectForm(forms.Form):
    title = forms.CharField(
        label=_("Name of the project"),
        max_length=200,
        widget=forms.TextInput(attrs={"class": "utrecht-textbox utrecht-textbox--html-input"}),
    )
