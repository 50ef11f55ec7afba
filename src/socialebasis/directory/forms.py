from datetime import date, datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from socialebasis.areas.models import District
from socialebasis.core.dates import FIRST_YEAR, LAST_YEAR, MESSAGE, in_window, validate_in_window
from socialebasis.core.forms import StyledFormMixin, utrecht_class

from .geocoding import normalise_postcode_or_area
from .models import Activity, MeetingPlace, Organisation
from .schedule import ScheduleError, check_rule
from .selectors import ActivitySearch, EntrySearch, district_ids_for, municipality_id_for
from .vocabulary import (
    WEEKDAYS,
    Accessibility,
    Cost,
    DateRange,
    Facility,
    Language,
    TargetGroup,
    Theme,
)

SORTS = [
    ("", _("best match")),
    ("title", _("title")),
    ("distance", _("distance")),
    ("updated", _("recently changed")),
]


def _with_any(choices):
    return [("", _("any")), *list(choices)]


def _offered(choices, any_first: bool = True):
    """Choices as a function. The search form is made for every search (page, map data, iCal, API), and a form
    deep-copies a list of translated labels each time, but not a function."""
    return lambda: _with_any(choices) if any_first else list(choices)


class ActivitySearchForm(StyledFormMixin, forms.Form):
    """The search of the list page, the map data, the iCal feed and the API: one set of parameters."""

    q = forms.CharField(label=_("Search for"), required=False, max_length=200)
    municipality = forms.CharField(label=_("Municipality"), required=False, max_length=6)
    district = forms.CharField(label=_("Wijk"), required=False, max_length=8)
    target_group = forms.ChoiceField(label=_("For whom"), required=False, choices=_offered(TargetGroup.choices))
    theme = forms.ChoiceField(label=_("Theme"), required=False, choices=_offered(Theme.choices))
    weekday = forms.TypedChoiceField(
        label=_("Day"), required=False, choices=_offered(WEEKDAYS), coerce=int, empty_value=None
    )
    when = forms.ChoiceField(label=_("When"), required=False, choices=_offered(DateRange.choices))
    cost = forms.ChoiceField(label=_("Cost"), required=False, choices=_offered(Cost.choices))
    sphere = forms.SlugField(label=_("Sphere"), required=False, max_length=60)
    accessible = forms.BooleanField(label=_("Wheelchair accessible"), required=False)
    postcode = forms.CharField(label=_("Near postcode"), required=False, max_length=7)
    lat = forms.FloatField(label=_("Latitude"), required=False, min_value=50.0, max_value=54.0)
    lon = forms.FloatField(label=_("Longitude"), required=False, min_value=3.0, max_value=8.0)
    radius = forms.FloatField(label=_("Distance in km"), required=False, min_value=0.1, max_value=50.0)
    sort = forms.ChoiceField(label=_("Sort by"), required=False, choices=_offered(SORTS, any_first=False))

    def offer_choices(self, municipalities, districts, spheres) -> None:
        """On the page, municipality, wijk and sphere are lists to choose from instead of codes to type.

        `municipalities`: (code, name) of all; `districts` and `spheres`: (code or key, name) of the chosen
        municipality, empty until one is chosen (without JavaScript: choose, search, then narrow down).
        The API keeps the codes; validation is the same either way.
        """
        fields = [("municipality", municipalities), ("district", districts), ("sphere", spheres)]
        for name, choices in fields:
            widget = forms.Select(choices=_with_any(choices))
            widget.attrs["class"] = utrecht_class(widget)
            self.fields[name].widget = widget
        # Validation made the bound fields already: give the help to them.
        if not districts:
            self["district"].help_text = _("Choose a municipality first and search; then choose a wijk.")
        if not spheres:
            self["sphere"].help_text = _("Choose a municipality first: every municipality has its own spheres.")

    def clean_municipality(self):
        code = self.cleaned_data["municipality"].strip().upper()
        self.municipality_id = None
        if code:
            self.municipality_id = municipality_id_for(code)
            if self.municipality_id is None:
                raise forms.ValidationError(_("Unknown municipality code."), code="unknown")
        return code

    def clean_district(self):
        code = self.cleaned_data["district"].strip().upper()
        self.district_ids = []
        if code:
            self.district_ids = district_ids_for(code)
            if not self.district_ids:
                raise forms.ValidationError(_("Unknown wijk code."), code="unknown")
        return code

    def clean_postcode(self):
        text = self.cleaned_data["postcode"].strip()
        if not text:
            return ""
        code = normalise_postcode_or_area(text)
        if code is None:
            raise forms.ValidationError(_("A postcode looks like 5251 AB, or just its four digits: 5251."))
        return code

    def clean(self):
        data = super().clean()
        if (data.get("lat") is None) != (data.get("lon") is None):
            raise forms.ValidationError(_("Give both latitude and longitude."))
        return data

    def to_search(self, latitude=None, longitude=None) -> ActivitySearch:
        data = self.cleaned_data
        return ActivitySearch(
            q=data.get("q", ""),
            municipality_id=getattr(self, "municipality_id", None),
            district_ids=getattr(self, "district_ids", []),
            target_group=data.get("target_group", ""),
            theme=data.get("theme", ""),
            weekday=data.get("weekday"),
            when=data.get("when", ""),
            cost=data.get("cost", ""),
            sphere=data.get("sphere", ""),
            accessible=bool(data.get("accessible")),
            latitude=latitude if latitude is not None else data.get("lat"),
            longitude=longitude if longitude is not None else data.get("lon"),
            radius_km=data.get("radius") or 5.0,
            sort=data.get("sort", ""),
        )


class EntrySearchForm(StyledFormMixin, forms.Form):
    """The search of the places and the organisations pages: words, area, postcode and kind, read and checked as
    the activity search reads them. `kinds` are the choices of the entry's own kind field."""

    q = forms.CharField(label=_("Search for"), required=False, max_length=200)
    municipality = forms.CharField(label=_("Municipality"), required=False, max_length=6)
    district = forms.CharField(label=_("Wijk"), required=False, max_length=8)
    kind = forms.ChoiceField(label=_("Kind"), required=False)
    accessible = forms.BooleanField(label=_("Wheelchair accessible"), required=False)
    postcode = forms.CharField(label=_("Near postcode"), required=False, max_length=7)
    radius = forms.FloatField(label=_("Distance in km"), required=False, min_value=0.1, max_value=50.0)

    clean_municipality = ActivitySearchForm.clean_municipality
    clean_district = ActivitySearchForm.clean_district
    clean_postcode = ActivitySearchForm.clean_postcode

    def __init__(self, *args, kinds, with_place: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = _with_any(kinds)
        if not with_place:  # an organisation has no address of its own: no wijk, postcode or access
            for name in ("district", "accessible", "postcode", "radius"):
                del self.fields[name]

    def offer_choices(self, municipalities, districts) -> None:
        """Municipality and wijk as lists to choose from, as on the activities page."""
        for name, choices in (("municipality", municipalities), ("district", districts)):
            if name not in self.fields:
                continue
            widget = forms.Select(choices=_with_any(choices))
            widget.attrs["class"] = utrecht_class(widget)
            self.fields[name].widget = widget
        if "district" in self.fields and not districts:
            self["district"].help_text = _("Choose a municipality first and search; then choose a wijk.")

    def to_search(self, latitude=None, longitude=None) -> EntrySearch:
        data = self.cleaned_data
        return EntrySearch(
            q=data.get("q", ""),
            kind=data.get("kind", ""),
            accessible=bool(data.get("accessible")),
            latitude=latitude,
            longitude=longitude,
            radius_km=data.get("radius") or 5.0,
            municipality_id=getattr(self, "municipality_id", None),
            district_ids=getattr(self, "district_ids", []),
        )


class MultipleChoice(forms.MultipleChoiceField):
    widget = forms.CheckboxSelectMultiple


class OrganisationForm(StyledFormMixin, forms.ModelForm):
    class Meta:
        model = Organisation
        fields = ["municipality", "name", "kind", "description", "website", "email", "phone"]


class MeetingPlaceForm(StyledFormMixin, forms.ModelForm):
    facilities = MultipleChoice(label=_("Facilities"), choices=Facility.choices, required=False)
    accessibility = MultipleChoice(label=_("Accessibility"), choices=Accessibility.choices, required=False)

    class Meta:
        model = MeetingPlace
        fields = [
            "municipality",
            "name",
            "description",
            "organisation",
            "setting",
            "kind",
            "street",
            "postcode",
            "city",
            "latitude",
            "longitude",
            "district",
            "opening_hours",
            "facilities",
            "accessibility",
        ]

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        from .selectors import choosable

        self.fields["organisation"].queryset = choosable(Organisation, user, self.instance.organisation_id).order_by(
            "name"
        )


class ActivityForm(StyledFormMixin, forms.ModelForm):
    target_groups = MultipleChoice(label=_("Target groups"), choices=TargetGroup.choices, required=False)
    themes = MultipleChoice(label=_("Themes"), choices=Theme.choices, required=False)
    accessibility = MultipleChoice(label=_("Accessibility"), choices=Accessibility.choices, required=False)
    languages = MultipleChoice(label=_("Languages"), choices=Language.choices, required=False)
    starts_at = forms.DateTimeField(
        label=_("First time"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
        help_text=_("For example 2026-09-01 14:00."),
        validators=[validate_in_window],
    )

    exception_dates = forms.CharField(
        label=_("Dates on which it does not happen"),
        required=False,
        max_length=1000,
        help_text=_("Separate dates with commas, for example 2026-12-25, 2027-01-01."),
    )

    class Meta:
        model = Activity
        fields = [
            "municipality",
            "title",
            "description",
            "organisation",
            "place",
            "district",
            "target_groups",
            "themes",
            "cost",
            "cost_note",
            "registration_needed",
            "referral_needed",
            "accessibility",
            "languages",
            "contact_name",
            "contact_email",
            "contact_phone",
            "starts_at",
            "duration_minutes",
            "recurrence",
        ]

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        from .selectors import choosable

        self.fields["exception_dates"].initial = ", ".join(self.instance.exceptions or [])
        self.fields["organisation"].queryset = choosable(Organisation, user, self.instance.organisation_id).order_by(
            "name"
        )
        self.fields["place"].queryset = choosable(MeetingPlace, user, self.instance.place_id).order_by("name")
        self.fields["district"].queryset = District.objects.select_related("municipality").order_by(
            "municipality__name", "name"
        )

    def clean(self):
        data = super().clean()
        rule = data.get("recurrence", "")
        if rule:
            if not data.get("starts_at"):
                if "starts_at" not in self.errors:
                    self.add_error("starts_at", _("A repeating activity needs a first time."))
            else:
                try:
                    check_rule(rule, data["starts_at"])
                except ScheduleError as exc:
                    self.add_error("recurrence", str(exc))
        dates = []
        for text in [t.strip() for t in data.get("exception_dates", "").split(",") if t.strip()]:
            try:
                day = date.fromisoformat(text)
            except ValueError:
                self.add_error("exception_dates", _("%(text)s is not a date like 2026-12-25.") % {"text": text[:20]})
                continue
            if not in_window(day):
                self.add_error("exception_dates", MESSAGE % {"first": FIRST_YEAR, "last": LAST_YEAR})
                continue
            dates.append(day.isoformat())
        self.instance.exceptions = dates
        municipality = data.get("municipality")
        district = data.get("district")
        if municipality and district and district.municipality_id != municipality.pk:
            self.add_error("district", _("This wijk is not in the chosen municipality."))
        return data


VERDICTS = [
    ("", _("confirm the computed verdict")),
    ("inside", _("inside the sociale basis")),
    ("grey", _("grey area")),
    ("outside", _("outside the sociale basis")),
]


class VerdictForm(StyledFormMixin, forms.Form):
    verdict = forms.ChoiceField(label=_("Verdict"), choices=VERDICTS, required=False)
    note = forms.CharField(label=_("Note"), widget=forms.Textarea, max_length=2000)


class SavedSearchForm(StyledFormMixin, forms.Form):
    """Keep the search of the list page under a name (the search itself travels as its query string)."""

    name = forms.CharField(
        label=_("Name of this search"),
        max_length=100,
        help_text=_("For example: Koffie in mijn wijk."),
        error_messages={"required": _("Give the search a name, for example 'Koffie in mijn wijk'.")},
    )
    query = forms.CharField(widget=forms.HiddenInput, required=False)


# Changes to public entries wait for a check (services.propose_revision): the form is kept as JSON and shown
# to the professional as "old → new", with the form's own Dutch labels.


def _jsonable(value):
    from django.db.models import Model
    from django.utils import timezone

    if isinstance(value, Model):
        return value.pk
    if isinstance(value, datetime):
        local = timezone.localtime(value) if timezone.is_aware(value) else value
        return local.strftime("%Y-%m-%dT%H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [_jsonable(item) for item in value]
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


def submitted_data(form) -> dict:
    """The whole submitted form as JSON: binding it to the same form again validates it the same way."""
    return {name: _jsonable(form[name].value()) for name in form.fields}


def previous_values(form) -> dict:
    """The values the changed fields had before this edit."""
    return {name: _jsonable(form.get_initial_for_field(form.fields[name], name)) for name in form.changed_data}


def _shown(field, value) -> str:
    if value in (None, "", []):
        return "—"
    if isinstance(field, forms.ModelChoiceField):
        found = field.queryset.model._default_manager.filter(pk=value).first() if str(value).isdigit() else None
        return str(found) if found is not None else "—"
    if isinstance(field, forms.MultipleChoiceField):
        names = dict(field.choices)
        return ", ".join(str(names.get(item, item)) for item in value)
    if isinstance(field, forms.ChoiceField):
        return str(dict(field.choices).get(value, value))
    if isinstance(field, forms.BooleanField):
        return str(_("yes") if value else _("no"))
    return str(value).replace("T", " ") if isinstance(field, forms.DateTimeField) else str(value)


def describe_changes(form_class, revision) -> list[tuple[str, str, str]]:
    """(label, old, new) for every changed field of a revision, in the form's order."""
    fields = form_class().fields
    return [
        (str(field.label), _shown(field, revision.previous.get(name)), _shown(field, revision.data.get(name)))
        for name, field in fields.items()
        if name in revision.changed
    ]


def applied_data(form_class, entry, revision, **kwargs) -> dict:
    """The form data that applies a revision to the entry as it is now: only the fields the revision changed
    take its values, so an edit a professional made in the meantime to another field is kept."""
    current = form_class(instance=entry, **kwargs)
    data = {name: _jsonable(current.get_initial_for_field(field, name)) for name, field in current.fields.items()}
    data.update({name: revision.data.get(name) for name in revision.changed if name in data})
    return data
