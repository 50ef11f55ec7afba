from django import forms
from django.db.models import Max
from django.utils.translation import gettext_lazy as _

from socialebasis.areas.models import District
from socialebasis.core.dates import validate_in_window
from socialebasis.core.forms import StyledFormMixin, utrecht_class
from socialebasis.frameworks.selectors import names_in_force
from socialebasis.uploads.forms import AltTextField, UploadField, require_alt_text
from socialebasis.uploads.models import Kind

from .models import About, Feeling, Panel, Visibility


def current_districts(municipality):
    year = District.objects.filter(municipality=municipality).aggregate(year=Max("year"))["year"]
    return District.objects.filter(municipality=municipality, year=year).order_by("name")


class StoryForm(StyledFormMixin, forms.Form):
    """A story and the teller's own tags (issue 14 point 1). Goals and spheres come from the municipality's
    framework in force; the municipality's own questions are added as fields `question_<id>`."""

    title = forms.CharField(label=_("Title"), max_length=150)
    text = forms.CharField(
        label=_("Your story"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("What happened? Do not write other people's names or addresses."),
    )
    district = forms.ModelChoiceField(label=_("Wijk"), queryset=District.objects.none(), empty_label=None)
    goals = forms.MultipleChoiceField(
        label=_("What is your story about?"), widget=forms.CheckboxSelectMultiple, required=False,
        help_text=_("Choose one or more."),
    )  # fmt: skip
    sphere = forms.ChoiceField(label=_("Where did it happen?"), widget=forms.RadioSelect, required=False)
    feeling = forms.TypedChoiceField(
        label=_("How did it feel?"), choices=Feeling.choices, coerce=int, widget=forms.RadioSelect
    )
    about = forms.ChoiceField(label=_("Who is it about?"), choices=About.choices, widget=forms.RadioSelect)
    visibility = forms.ChoiceField(
        label=_("Who may read your story?"), choices=Visibility.choices, widget=forms.RadioSelect,
        help_text=_("A professional reads it first. You can withdraw your story at any time."),
    )  # fmt: skip
    teller_name = forms.CharField(
        label=_("Your name"), max_length=120, required=False,
        help_text=_("Only shown when you choose: everyone, with my name."),
    )  # fmt: skip
    photo = UploadField(label=_("Photo (if you like)"), kinds=[Kind.PHOTO], required=False)
    photo_alt = AltTextField()

    def __init__(self, *args, municipality, questions=(), on_behalf: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.municipality = municipality
        names = names_in_force(municipality)
        self.fields["district"].queryset = current_districts(municipality)
        self.fields["goals"].choices = list(names.get("goals", {}).items())
        self.fields["sphere"].choices = list(names.get("spheres", {}).items())
        self.question_fields = []
        for question in questions:
            name = f"question_{question.pk}"
            self.fields[name] = forms.CharField(
                label=question.text, required=False, max_length=1000, widget=forms.Textarea(attrs={"rows": 2})
            )
            self.question_fields.append((name, question))
        self.on_behalf = on_behalf
        if on_behalf:
            self.fields["teller_name"].required = True
            self.fields["teller_name"].label = _("Name of the teller")
            self.fields["consent_note"] = forms.CharField(
                label=_("How did the teller give consent?"), max_length=300,
                help_text=_("For example: agreed out loud on 3 March, with the choice of who may read it."),
            )  # fmt: skip
        for name, field in self.fields.items():  # the fields added after StyledFormMixin ran get their class too
            if name.startswith("question_") or name == "consent_note":
                field.widget.attrs.setdefault("class", utrecht_class(field.widget))

    def clean(self):
        data = super().clean()
        require_alt_text(self, "photo", "photo_alt")
        if data.get("visibility") == Visibility.PUBLIC_NAMED and not (data.get("teller_name") or "").strip():
            self.add_error("teller_name", _("Write the name to show, or choose another option."))
        data["answers"] = {
            str(question.pk): data[name].strip()
            for name, question in self.question_fields
            if data.get(name, "").strip()
        }
        return data


class RedactForm(StyledFormMixin, forms.Form):
    """A professional takes other people's personal details out of a story before publishing it (point 2)."""

    title = forms.CharField(label=_("Title"), max_length=150)
    text = forms.CharField(label=_("The story"), max_length=5000, widget=forms.Textarea(attrs={"rows": 8}))


class VisibilityForm(StyledFormMixin, forms.Form):
    visibility = forms.ChoiceField(
        label=_("Who may read your story?"), choices=Visibility.choices, widget=forms.RadioSelect
    )


class RoundForm(StyledFormMixin, forms.Form):
    """A round over a period; with `panel` given (the panel's own page) the panel is not asked."""

    title = forms.CharField(label=_("Title"), max_length=150)
    panel = forms.ModelChoiceField(label=_("Panel"), queryset=Panel.objects.none(), empty_label=None)
    period_start = forms.DateField(label=_("Stories told from"), widget=forms.DateInput(attrs={"type": "date"}))
    period_end = forms.DateField(label=_("Stories told until"), widget=forms.DateInput(attrs={"type": "date"}))
    domains = forms.MultipleChoiceField(
        label=_("Domains of change"), widget=forms.CheckboxSelectMultiple,
        help_text=_("The goals of the municipality. The panel chooses one story for each domain."),
    )  # fmt: skip

    def __init__(self, *args, municipality, panel=None, **kwargs):
        super().__init__(*args, **kwargs)
        if panel is None:
            self.fields["panel"].queryset = Panel.objects.filter(municipality=municipality).select_related("district")
        else:
            del self.fields["panel"]
        for name in ("period_start", "period_end"):
            self.fields[name].validators.append(validate_in_window)
        goals = list(names_in_force(municipality).get("goals", {}).items())
        self.fields["domains"].choices = goals
        self.fields["domains"].initial = [key for key, _name in goals]  # by default every goal is a domain

    def clean(self):
        data = super().clean()
        if data.get("period_start") and data.get("period_end") and data["period_end"] < data["period_start"]:
            self.add_error("period_end", _("The end cannot be before the start."))
        return data


class SelectionForm(StyledFormMixin, forms.Form):
    story = forms.TypedChoiceField(label=_("Story"), coerce=int)
    domain = forms.ChoiceField(label=_("Domain of change"))
    reasons = forms.CharField(
        label=_("Why did the panel choose this story?"), max_length=3000, widget=forms.Textarea(attrs={"rows": 4})
    )

    def __init__(self, *args, stories, domains, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["story"].choices = [(s.pk, s.title) for s in stories]
        self.fields["domain"].choices = [(d["key"], d["name"]) for d in domains]


class CompleteRoundForm(StyledFormMixin, forms.Form):
    feedback = forms.CharField(
        label=_("Message to every teller of this round"), max_length=3000, required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What the panel talked about and what happens next. Each teller also gets the chosen stories."),
    )  # fmt: skip


class PanelForm(StyledFormMixin, forms.Form):
    """A new panel: a wijk panel, or (no wijk) the municipal panel that chooses from the wijk panels' choices."""

    name = forms.CharField(label=_("Name of the panel"), max_length=120, help_text=_("For example: Wijkpanel Centrum."))
    district = forms.ModelChoiceField(
        label=_("Level"), queryset=District.objects.none(), required=False,
        empty_label=_("The whole municipality (municipal panel)"),
        help_text=_("Choose a wijk for a wijk panel. The municipal panel chooses from what the wijk panels chose."),
    )  # fmt: skip

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["district"].queryset = current_districts(municipality)
        self.fields["district"].label_from_instance = lambda district: district.name  # no CBS code on the page


class MemberForm(StyledFormMixin, forms.Form):
    """Someone with an account joins the panel: a resident, a volunteer or a professional."""

    email = forms.EmailField(
        label=_("E-mail address of the new member"), max_length=254,
        help_text=_("The person needs an account on this website. Residents may sit on a panel too."),
    )  # fmt: skip
