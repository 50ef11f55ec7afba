import re

from django import forms
from django.core.validators import MaxValueValidator
from django.utils.translation import gettext_lazy as _

from socialebasis.core.dates import validate_in_window
from socialebasis.core.forms import StyledFormMixin
from socialebasis.core.numbers import parse_int
from socialebasis.uploads.forms import AltTextField, UploadField, require_alt_text
from socialebasis.uploads.models import Kind

from . import selectors
from .vocabulary import Decision, FormQuestion

ANSWER_CHOICES = [("yes", _("Yes")), ("no", _("No")), ("unknown", _("I don't know"))]
ANSWER_VALUES = {"yes": True, "no": False, "unknown": None}
LINE = re.compile(r"^(?P<what>.*?)[\s:\u2013-]+€?\s*(?P<amount>[0-9]{1,6})\s*$")


class Form(StyledFormMixin, forms.Form):
    pass


def _text(max_length, rows=3, **kwargs):
    return forms.CharField(max_length=max_length, widget=forms.Textarea(attrs={"rows": rows}), **kwargs)


class ApplicationForm(Form):
    """The one-page application in B1: eight questions, and a few yes/no questions for the framework's check."""

    title = forms.CharField(label=_("Give your plan a short name"), max_length=150)
    what = _text(2000, label=FormQuestion.WHAT.label, help_text=_("Tell it in a few sentences, as to a neighbour."))
    for_whom = forms.CharField(label=FormQuestion.FOR_WHOM.label, max_length=300)
    district = forms.ModelChoiceField(label=_("In which wijk?"), queryset=None)
    where = forms.CharField(
        label=FormQuestion.WHERE.label, max_length=200, help_text=_("For example a street, square or building.")
    )
    when = forms.CharField(
        label=FormQuestion.WHEN.label, max_length=200, help_text=_("A date, or for example every Saturday in spring.")
    )
    amount = forms.IntegerField(label=FormQuestion.AMOUNT.label, min_value=1, help_text=_("In whole euros."))
    spending = _text(2000, label=FormQuestion.SPENDING.label)
    lines = _text(
        2000,
        rows=4,
        required=False,
        label=_("Costs line by line"),
        help_text=_(
            "One cost per line, with the amount at the end. For example: coffee and tea 40. "
            "Only needed above the smallest amount."
        ),
    )
    helpers = forms.CharField(label=FormQuestion.HELPERS.label, max_length=300, required=False)
    goals = forms.MultipleChoiceField(
        label=FormQuestion.GOALS.label, required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, fund, **kwargs):
        super().__init__(*args, **kwargs)
        self.fund = fund
        self.fields["district"].queryset = selectors.latest_districts(fund.municipality)
        self.fields["district"].label_from_instance = lambda d: d.name
        self.fields["amount"].validators.append(
            MaxValueValidator(fund.maximum, _("This fund gives at most € %(limit_value)s per application."))
        )
        self.fields["amount"].help_text = _("In whole euros, at most € %(max)s.") % {"max": fund.maximum}
        version = selectors.framework_of(fund)
        self.characteristics = []
        if version is not None:
            document = version.content
            self.fields["goals"].choices = [(g["key"], g["name"]) for g in document["goals"]]
            for characteristic in document["characteristics"]:
                name = f"c_{characteristic['key']}"
                self.fields[name] = forms.ChoiceField(
                    label=characteristic.get("question") or characteristic["label"],
                    choices=ANSWER_CHOICES,
                    initial="unknown",
                    required=False,
                    widget=forms.RadioSelect,
                )
                self.characteristics.append(characteristic["key"])
        for field in self.fields.values():
            if isinstance(field.widget, forms.RadioSelect | forms.CheckboxSelectMultiple):
                field.widget.attrs["class"] = (
                    "utrecht-radio-button utrecht-radio-button--html-input"
                    if isinstance(field.widget, forms.RadioSelect)
                    else "utrecht-checkbox utrecht-checkbox--html-input"
                )

    @property
    def main_fields(self):
        return [self[name] for name in self.fields if not name.startswith("c_")]

    @property
    def check_fields(self):
        return [self[name] for name in self.fields if name.startswith("c_")]

    def clean_lines(self):
        text = self.cleaned_data.get("lines", "")
        lines = []
        for raw in text.splitlines():
            if not raw.strip():
                continue
            match = LINE.match(raw.strip())
            amount = parse_int(match.group("amount"), 0, 999999) if match else None
            if match is None or amount is None or not match.group("what").strip():
                raise forms.ValidationError(
                    _("Write each line as what it is for and then the amount, for example: coffee and tea 40.")
                )
            lines.append({"what": match.group("what").strip()[:200], "amount": amount})
        return lines

    def clean(self):
        data = super().clean()
        amount = data.get("amount")
        if amount is not None and amount > self.fund.story_up_to and not data.get("lines"):
            self.add_error(
                "lines",
                _("Above € %(limit)s we ask for the costs line by line.") % {"limit": self.fund.story_up_to},
            )
        return data

    def application_data(self) -> dict:
        data = {
            name: self.cleaned_data[name]
            for name in (
                "title",
                "what",
                "for_whom",
                "district",
                "where",
                "when",
                "amount",
                "spending",
                "lines",
                "helpers",
                "goals",
            )
        }
        data["answers"] = {
            key: ANSWER_VALUES.get(self.cleaned_data.get(f"c_{key}") or "unknown") for key in self.characteristics
        }
        return data

    @classmethod
    def initial_from(cls, application) -> dict:
        initial = {
            name: getattr(application, name)
            for name in ("title", "what", "for_whom", "where", "when", "amount", "spending", "helpers", "goals")
        }
        initial["district"] = application.district_id
        initial["lines"] = "\n".join(f"{line['what']} {line['amount']}" for line in application.lines)
        reverse = {True: "yes", False: "no", None: "unknown"}
        for key, value in (application.answers or {}).items():
            initial[f"c_{key}"] = reverse.get(value, "unknown")
        return initial


class InitiativeForm(Form):
    title = forms.CharField(label=_("Name of the initiative"), max_length=150)
    what = _text(2000, label=_("What do you do?"))
    for_whom = forms.CharField(label=_("For whom?"), max_length=300)
    districts = forms.ModelMultipleChoiceField(
        label=_("In which wijken?"), queryset=None, widget=forms.CheckboxSelectMultiple
    )
    goals = forms.MultipleChoiceField(
        label=_("What does it bring?"), required=False, widget=forms.CheckboxSelectMultiple
    )
    activities = forms.ModelMultipleChoiceField(
        label=_("Which of your activities on the sociale kaart belong to it? (optional)"),
        help_text=_("Activities you added yourself. Add one first on the sociale kaart if it is not there yet."),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    photo = UploadField(label=_("A photo (optional)"), kinds=[Kind.PHOTO], required=False)
    alt_text = AltTextField()

    def __init__(self, *args, municipality, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        from socialebasis.directory.models import Activity

        own = Activity.objects.filter(municipality=municipality, owner_id=getattr(user, "pk", None))
        self.fields["activities"].queryset = own.exclude(status="rejected").order_by("title")
        self.fields["activities"].label_from_instance = lambda activity: activity.title
        if not self.fields["activities"].queryset.exists():
            del self.fields["activities"]
        self.fields["districts"].queryset = selectors.latest_districts(municipality)
        self.fields["districts"].label_from_instance = lambda d: d.name
        from socialebasis.frameworks import selectors as framework_selectors

        version = framework_selectors.version_in_force(municipality)
        self.fields["goals"].choices = [(g["key"], g["name"]) for g in version.content["goals"]] if version else []
        for name in ("districts", "goals", "activities"):
            if name not in self.fields:
                continue
            self.fields[name].widget.attrs["class"] = "utrecht-checkbox utrecht-checkbox--html-input"

    def clean(self):
        data = super().clean()
        require_alt_text(self, "photo", "alt_text")
        return data


class DeclarationForm(Form):
    has_conflict = forms.TypedChoiceField(
        label=_("Do you have a personal interest in this application?"),
        help_text=_("For example: you know the applicant well, or you take part yourself."),
        choices=[("no", _("No")), ("yes", _("Yes"))],
        coerce=lambda v: v == "yes",
        widget=forms.RadioSelect(attrs={"class": "utrecht-radio-button utrecht-radio-button--html-input"}),
    )
    explanation = forms.CharField(label=_("If yes: what is your interest?"), max_length=500, required=False)


class QuestionForm(Form):
    about = forms.ChoiceField(label=_("About which question of the form?"), choices=FormQuestion.choices)
    text = _text(1000, label=_("Your question"))


class AnswerForm(Form):
    answer = _text(2000, label=_("Your answer"))
    attachment = UploadField(label=_("A file with your answer (optional)"), required=False)
    alt_text = AltTextField()

    def clean(self):
        data = super().clean()
        require_alt_text(self, "attachment", "alt_text")
        return data


class NoteForm(Form):
    text = _text(2000, label=_("Internal note (the applicant does not see it)"))


class AssignForm(Form):
    member = forms.ModelChoiceField(label=_("Who handles this application?"), queryset=None)

    def __init__(self, *args, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["member"].queryset = members
        self.fields["member"].label_from_instance = lambda u: u.get_full_name() or u.username


class DecisionForm(Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=Decision.choices,
        widget=forms.RadioSelect(attrs={"class": "utrecht-radio-button utrecht-radio-button--html-input"}),
    )
    granted = forms.IntegerField(label=_("Amount if granted in part (euros)"), min_value=1, required=False)
    reason = _text(2000, label=_("Reason, in plain words"), help_text=_("The applicant reads this in the letter."))


class PayoutForm(Form):
    amount = forms.IntegerField(label=_("Amount paid (euros)"), min_value=1)
    paid_on = forms.DateField(
        label=_("Paid on"), widget=forms.DateInput(attrs={"type": "date"}), validators=[validate_in_window]
    )
    reference = forms.CharField(label=_("Reference"), max_length=100)


class AccountabilityForm(Form):
    story = _text(
        4000,
        rows=6,
        label=_("Your story"),
        help_text=_("What happened? Who took part, and what did they think of it?"),
    )
    activity_report = _text(6000, rows=6, required=False, label=_("Short activity report"))
    photo = UploadField(label=_("A photo (optional)"), kinds=[Kind.PHOTO], required=False)
    alt_text = AltTextField()
    statement = UploadField(label=_("Financial statement (PDF)"), kinds=[Kind.DOCUMENT], required=False)
    public = forms.BooleanField(
        label=_("Yes, my story and photo may be shown on the page of the initiative and in the yearly report."),
        required=False,
    )

    def __init__(self, *args, tier, **kwargs):
        super().__init__(*args, **kwargs)
        from .vocabulary import Tier

        if tier == Tier.STORY:
            del self.fields["activity_report"]
        if tier != Tier.FINANCIAL:
            del self.fields["statement"]

    def clean(self):
        data = super().clean()
        require_alt_text(self, "photo", "alt_text")
        return data


class AllocationForm(Form):
    """The terms of a division (read from GET for the what-if; posted to save a new version)."""

    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    total = forms.IntegerField(label=_("Budget to divide (euros)"), min_value=0, max_value=100_000_000)
    base_share = forms.IntegerField(label=_("Base share for every wijk (euros)"), min_value=0, max_value=100_000_000)

    def __init__(self, *args, indicators, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.indicators = indicators
        self.municipality = municipality
        for indicator in indicators:
            self.fields[f"w_{indicator.key}"] = forms.DecimalField(
                label=indicator.label, min_value=0, max_value=10, decimal_places=2, required=False,
                help_text=_("Weight from 0 to 10; 0 or empty: not used."),
            )  # fmt: skip

    @property
    def weight_fields(self):
        return [self[f"w_{i.key}"] for i in self.indicators]

    def terms(self):
        terms = []
        for indicator in self.indicators:
            weight = self.cleaned_data.get(f"w_{indicator.key}")
            if weight:
                terms.append(
                    selectors.Term(
                        indicator=indicator.key,
                        weight=float(weight),
                        group=selectors.default_group(indicator.key, self.municipality),
                    )
                )
        return terms

    def clean(self):
        data = super().clean()
        if not any(data.get(f"w_{i.key}") for i in self.indicators) and self.indicators:
            raise forms.ValidationError(_("Give at least one indicator a weight above 0."))
        return data
