from django import forms
from django.utils.translation import gettext_lazy as _

from socialebasis.core.dates import validate_in_window
from socialebasis.core.forms import StyledFormMixin

from .models import HelpCategory
from .vocabulary import Language, Skill, When, mask_of_parts, part_choices

POSTCODE_HELP = _("We only use the four digits to find your wijk and people nearby. Nobody sees your address.")


class CategoryChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return (
            obj.name if obj.for_volunteers else _("%(name)s (not for volunteers: see where to go)") % {"name": obj.name}
        )


class PartsField(forms.MultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def __init__(self, **kwargs):
        super().__init__(choices=part_choices(), **kwargs)


def limit_categories(field, municipality, *, volunteers_only: bool = False) -> None:
    """The municipality's own list when it is known (the person's home municipality), else every municipality's
    list with the municipality's name after each category."""
    rows = HelpCategory.objects.select_related("municipality").order_by("municipality__name", "bit")
    if volunteers_only:
        rows = rows.filter(for_volunteers=True)
    if municipality is not None and rows.filter(municipality=municipality).exists():
        field.queryset = rows.filter(municipality=municipality)
        return
    field.queryset = rows
    plain = field.label_from_instance
    field.label_from_instance = lambda c: f"{plain(c)} · {c.municipality.name}"


class RequestForm(StyledFormMixin, forms.Form):
    postcode = forms.CharField(label=_("Your postcode"), max_length=7, help_text=POSTCODE_HELP)
    category = CategoryChoice(label=_("What do you need help with?"), queryset=HelpCategory.objects.none())
    text = forms.CharField(
        label=_("Tell in a few words what you need"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Volunteers with an account read this. Do not write your address or phone number here."),
    )
    when = forms.ChoiceField(label=_("When"), choices=When.choices, widget=forms.RadioSelect, initial=When.FLEXIBLE)
    date = forms.DateField(
        label=_("Date (if it is once)"),
        required=False,
        validators=[validate_in_window],
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    parts = PartsField(
        label=_("Which days and times suit you?"), required=False, help_text=_("Tick nothing if any time suits you.")
    )
    address = forms.CharField(
        label=_("Your address (street and number)"),
        max_length=200,
        required=False,
        help_text=_("Only the person who helps you sees this, after you both agreed to share contact details."),
    )
    phone = forms.CharField(
        label=_("Your phone number"), max_length=30, required=False, help_text=_("Also only after you both agreed.")
    )

    def __init__(self, *args, on_behalf: bool = False, municipality=None, **kwargs):
        super().__init__(*args, **kwargs)
        limit_categories(self.fields["category"], municipality)
        if on_behalf:
            self.fields["on_behalf_of"] = forms.CharField(
                label=_("For which resident (name)"),
                max_length=100,
                required=False,
                help_text=_("Only when you ask for a resident who has no computer."),
            )
            self.fields["resident_consents"] = forms.BooleanField(
                label=_("The resident agrees that I ask this for them"), required=False
            )

    def parts_mask(self) -> int:
        return mask_of_parts(self.cleaned_data.get("parts") or []) or (1 << 21) - 1


class OfferForm(StyledFormMixin, forms.Form):
    postcode = forms.CharField(label=_("Your postcode"), max_length=7, help_text=POSTCODE_HELP)
    category = CategoryChoice(label=_("What can you help with?"), queryset=HelpCategory.objects.none())
    text = forms.CharField(
        label=_("Tell in a few words what you offer"), max_length=1000, widget=forms.Textarea(attrs={"rows": 4})
    )
    when = forms.ChoiceField(label=_("When"), choices=When.choices, widget=forms.RadioSelect, initial=When.FLEXIBLE)
    parts = PartsField(label=_("Which days and times suit you?"), required=False)

    def __init__(self, *args, municipality=None, **kwargs):
        super().__init__(*args, **kwargs)
        limit_categories(self.fields["category"], municipality, volunteers_only=True)

    def parts_mask(self) -> int:
        return mask_of_parts(self.cleaned_data.get("parts") or []) or (1 << 21) - 1


class VolunteerForm(StyledFormMixin, forms.Form):
    postcode = forms.CharField(label=_("Your postcode"), max_length=7, help_text=POSTCODE_HELP)
    categories = forms.ModelMultipleChoiceField(
        label=_("What do you like to help with?"),
        queryset=HelpCategory.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )
    skills = forms.MultipleChoiceField(
        label=_("What are you good at?"), choices=Skill.choices, widget=forms.CheckboxSelectMultiple, required=False
    )
    parts = PartsField(label=_("When are you available?"))
    max_km = forms.IntegerField(label=_("How far do you want to go (km)?"), min_value=1, max_value=25, initial=5)
    languages = forms.MultipleChoiceField(
        label=_("Languages you speak"), choices=Language.choices, widget=forms.CheckboxSelectMultiple, required=False
    )
    active = forms.BooleanField(label=_("I am available for new requests"), required=False, initial=True)

    def __init__(self, *args, municipality=None, **kwargs):
        super().__init__(*args, **kwargs)
        limit_categories(self.fields["categories"], municipality, volunteers_only=True)


class MessageForm(StyledFormMixin, forms.Form):
    body = forms.CharField(label=_("Your message"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))


class IntroductionForm(StyledFormMixin, forms.Form):
    message = forms.CharField(
        label=_("Your message"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Introduce yourself. Do not share your address or phone number yet."),
    )


class ReportForm(StyledFormMixin, forms.Form):
    reason = forms.CharField(label=_("What happened?"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))


class FollowUpForm(StyledFormMixin, forms.Form):
    happened = forms.TypedChoiceField(
        label=_("Did the help happen?"),
        choices=[("yes", _("Yes")), ("no", _("No"))],
        widget=forms.RadioSelect,
        coerce=lambda v: v == "yes",
    )
    how_it_went = forms.CharField(
        label=_("How did it go?"), max_length=1000, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    hours = forms.DecimalField(
        label=_("Hours you helped (if you want to record them)"),
        required=False,
        min_value=0,
        max_value=500,
        decimal_places=1,
        localize=True,
    )

    def __init__(self, *args, is_helper: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if not is_helper:
            del self.fields["hours"]


class VacancyForm(StyledFormMixin, forms.Form):
    organisation = forms.ModelChoiceField(label=_("Organisation"), queryset=None)
    title = forms.CharField(label=_("Title"), max_length=120)
    task = forms.CharField(label=_("The task"), max_length=2000, widget=forms.Textarea(attrs={"rows": 4}))
    hours = forms.CharField(label=_("Hours"), max_length=60, help_text=_("For example: 2 hours a week."))
    skills = forms.MultipleChoiceField(
        label=_("Skills that help"), choices=Skill.choices, widget=forms.CheckboxSelectMultiple, required=False
    )

    def __init__(self, *args, organisations=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations


class ProposeForm(forms.Form):
    volunteer = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
