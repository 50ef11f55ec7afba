"""Plain forms (no JavaScript needed) for checks, self-assessments, maps and social quality."""

from django import forms
from django.utils.translation import gettext_lazy as _

from socialebasis.core.dates import validate_in_window
from socialebasis.core.forms import StyledFormMixin
from socialebasis.indicators.models import Indicator

from . import evidence
from .models import Answer, Arrow, BlockKind, Box

TEXT = {"rows": 3}


class Form(StyledFormMixin, forms.Form):
    pass


def indicator_choices() -> list[tuple[str, str]]:
    return list(Indicator.objects.order_by("label").values_list("key", "label"))


class EvidenceFields(Form):
    """Evidence as a person gives it: figures from the profile, and documents or links one per line."""

    indicators = forms.MultipleChoiceField(
        label=_("Figures from the wijk profile"),
        required=False,
        help_text=_("Hold Ctrl (or Cmd) to choose more than one."),
    )
    links = forms.CharField(
        label=_("Documents and links"),
        required=False,
        widget=forms.Textarea(attrs=TEXT),
        max_length=3000,
        help_text=_("One per line: a web address or the name of a document, then ' - ' and what it shows."),
    )

    def __init__(self, *args, indicators=None, existing=None, **kwargs):
        self.existing = evidence.clean(existing or [])
        initial = kwargs["initial"] = dict(kwargs.get("initial") or {})
        initial.setdefault("indicators", [e["reference"] for e in self.existing if e["kind"] == "indicator"])
        initial.setdefault(
            "links",
            "\n".join(
                e["reference"] + (f" - {e['label']}" if e["label"] else "")
                for e in self.existing
                if e["kind"] in ("link", "document")
            ),
        )
        super().__init__(*args, **kwargs)
        self.fields["indicators"].choices = indicators if indicators is not None else indicator_choices()

    def clean_links(self) -> str:
        for number, line in enumerate(self.cleaned_data.get("links", "").splitlines(), start=1):
            reference = line.strip().partition(" - ")[0].strip()
            if evidence.LOOKS_LIKE_A_LINK.match(reference) and not evidence.web_address(reference):
                raise forms.ValidationError(
                    _(
                        "Line %(line)s: “%(reference)s” is not a web address we can use. Write an address that starts "
                        "with https:// or http://, or a page of this site that starts with one /."
                    ),
                    params={"line": number, "reference": reference[:80]},
                )
        return self.cleaned_data.get("links", "")

    def evidence(self) -> list[dict]:
        items = [evidence.item("indicator", key) for key in self.cleaned_data.get("indicators", [])]
        for line in self.cleaned_data.get("links", "").splitlines():
            reference, _sep, label = line.strip().partition(" - ")
            if reference:
                kind = "link" if evidence.web_address(reference) else "document"
                items.append(evidence.item(kind, reference, label))
        # Stories and signals come from their own apps; they are kept as they are.
        items += [e for e in self.existing if e["kind"] in ("story", "signal")]
        return items


class CheckForm(Form):
    title = forms.CharField(label=_("Title of the plan or measure"), max_length=200)
    summary = forms.CharField(label=_("Summary"), widget=forms.Textarea(attrs={"rows": 5}), max_length=4000)
    districts = forms.MultipleChoiceField(
        label=_("Wijken"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Empty: the whole municipality."),
    )
    target_groups = forms.CharField(label=_("Target groups"), max_length=300, required=False)
    spheres = forms.MultipleChoiceField(label=_("Spheres"), required=False, widget=forms.CheckboxSelectMultiple)
    budget = forms.IntegerField(label=_("Budget in euros"), min_value=0, max_value=10**11, required=False)
    owner = forms.CharField(label=_("Owner"), max_length=200, help_text=_("The team or department responsible."))

    def __init__(self, *args, districts=(), spheres=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.district_objects = {str(d.pk): d for d in districts}
        self.fields["districts"].choices = [(str(d.pk), d.name) for d in districts]
        self.fields["spheres"].choices = [(s["key"], s["name"]) for s in spheres]

    def chosen_districts(self) -> list:
        return [self.district_objects[pk] for pk in self.cleaned_data.get("districts", [])]


class AnswerForm(EvidenceFields):
    answer = forms.ChoiceField(
        label=_("Does the plan meet this principle?"),
        choices=Answer.choices,
        required=False,
        widget=forms.RadioSelect,
    )
    explanation = forms.CharField(
        label=_("Explanation"), widget=forms.Textarea(attrs=TEXT), required=False, max_length=4000
    )
    what_would_help = forms.CharField(
        label=_("What would help"), widget=forms.Textarea(attrs=TEXT), required=False, max_length=4000
    )
    field_order = ["answer", "explanation", "what_would_help", "indicators", "links"]

    def clean(self):
        data = super().clean()
        if data.get("answer") in (Answer.NOT, Answer.PARTLY) and not data.get("what_would_help", "").strip():
            self.add_error("what_would_help", _("Say what would help, so that the plan can meet the principle."))
        return data


class AssessmentForm(Form):
    participants = forms.CharField(
        label=_("Who took part"),
        widget=forms.Textarea(attrs=TEXT),
        max_length=2000,
        help_text=_("For example: policy officers, the welfare organisation, residents of the village council."),
    )
    summary = forms.CharField(
        label=_("Your own summary in plain language"),
        widget=forms.Textarea(attrs=TEXT),
        max_length=2000,
        required=False,
        help_text=_("Empty: the page writes a short summary from the scores."),
    )


class BlockScoreForm(EvidenceFields):
    score = forms.TypedChoiceField(
        label=_("Score"),
        coerce=int,
        empty_value=None,
        required=False,
        choices=[("", _("no score yet"))] + [(str(n), str(n)) for n in range(1, 6)],
        help_text=_("1 = we hardly do this yet, 5 = this goes well."),
    )
    explanation = forms.CharField(
        label=_("Explanation"), widget=forms.Textarea(attrs=TEXT), required=False, max_length=4000
    )
    field_order = ["score", "explanation", "indicators", "links"]


class BuildingBlockForm(Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    description = forms.CharField(label=_("Description"), widget=forms.Textarea(attrs=TEXT), required=False)
    kind = forms.ChoiceField(label=_("Kind"), choices=BlockKind.choices)


class MapForm(Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    district = forms.ChoiceField(
        label=_("Wijk"),
        required=False,
        help_text=_("The tests of the assumptions go on this wijk's sociale agenda. Empty: the whole municipality."),
    )

    def __init__(self, *args, districts=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.district_objects = {str(d.pk): d for d in districts}
        self.fields["district"].choices = [("", _("the whole municipality"))] + [(str(d.pk), d.name) for d in districts]


class BoxForm(StyledFormMixin, forms.ModelForm):
    class Meta:
        model = Box
        fields = ["kind", "title", "description", "indicators", "story_tags"]
        widgets = {"description": forms.Textarea(attrs=TEXT)}
        help_texts = {
            "indicators": _("For an outcome: the figures that show whether it happens."),
            "story_tags": _("For an outcome: tags of stories that show it, separated by commas."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["indicators"].queryset = Indicator.objects.order_by("label")


class ArrowForm(StyledFormMixin, forms.ModelForm):
    class Meta:
        model = Arrow
        fields = ["source", "target", "assumption", "test_by"]
        widgets = {"assumption": forms.Textarea(attrs=TEXT), "test_by": forms.DateInput(attrs={"type": "date"})}
        help_texts = {
            "assumption": _("Why does the one lead to the other? Write what you assume."),
            "test_by": _("When do you check whether the assumption holds? This date goes on the sociale agenda."),
        }

    def __init__(self, *args, change_map=None, **kwargs):
        super().__init__(*args, **kwargs)
        boxes = change_map.boxes.order_by("pk")
        self.fields["source"].queryset = boxes
        self.fields["target"].queryset = boxes
        self.fields["test_by"].validators.append(validate_in_window)
        self.change_map = change_map

    def clean(self):
        data = super().clean()
        source, target = data.get("source"), data.get("target")
        if source and target and source == target:
            self.add_error("target", _("An arrow goes from one box to another."))
        elif source and target:
            others = Arrow.objects.filter(source=source, target=target).exclude(pk=self.instance.pk)
            if others.exists():
                self.add_error("target", _("There is already an arrow between these boxes."))
        return data


class ScoreForm(EvidenceFields):
    score = forms.TypedChoiceField(
        label=_("Score"),
        coerce=int,
        empty_value=None,
        required=False,
        choices=[("", _("no score"))] + [(str(n), str(n)) for n in range(1, 11)],
        help_text=_("1 = weak, 10 = strong."),
    )
    explanation = forms.CharField(
        label=_("Explanation"), widget=forms.Textarea(attrs=TEXT), required=False, max_length=4000
    )
    field_order = ["score", "explanation", "indicators", "links"]


class ParticipantsForm(Form):
    participants = forms.CharField(
        label=_("Who scored together"),
        max_length=300,
        help_text=_("For example: the community workers and the residents' panel of the wijk."),
    )


class PublicationForm(Form):
    policy_checks = forms.BooleanField(label=_("Show approved policy checks to everyone"), required=False)
    theory_of_change = forms.BooleanField(label=_("Show the theory of change to everyone"), required=False)
    social_quality = forms.BooleanField(label=_("Show social quality per wijk to everyone"), required=False)
