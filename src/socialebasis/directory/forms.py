from datetime import date, datetime

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from socialebasis.areas.models import District, Municipality
from socialebasis.areas.selectors import district_of_postcode, municipality_of_postcode, postcode_digits, postcode_point
from socialebasis.core.dates import FIRST_YEAR, LAST_YEAR, MESSAGE, in_window, validate_in_window
from socialebasis.core.forms import QuickSelect, StyledFormMixin, utrecht_class
from socialebasis.core.roles import Role, has_role, is_administrator, municipality_ids_of
from socialebasis.frameworks.selectors import names_in_force

from . import simple_schedule
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
    OrganisationKind,
    PlaceKind,
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
            widget = QuickSelect(choices=_with_any(choices))
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
    """A resident names the organisation's postcode and the municipality follows from it, as in the place and activity
    forms; an organisation keeps no address, so the postcode is only asked when it is added. Staff choose from the
    municipalities they work for."""

    postcode = forms.CharField(
        label=_("Postcode"),
        max_length=7,
        help_text=_("Of the address where the organisation works. From it we know the municipality. For example 5251."),
    )

    class Meta:
        model = Organisation
        fields = ["municipality", "postcode", "name", "kind", "description", "website", "email", "phone"]

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.expert = is_expert(user)
        if self.expert:
            del self.fields["postcode"]
            if own := municipality_ids_of(user):
                self.fields["municipality"].queryset = Municipality.objects.filter(
                    Q(pk__in=own) | Q(pk=self.instance.municipality_id)
                ).order_by("name")
            return
        del self.fields["municipality"]
        if self.instance.pk:  # it keeps its municipality; a professional can move it
            del self.fields["postcode"]

    def clean_postcode(self):
        text = self.cleaned_data["postcode"].strip()
        if postcode_digits(text) is None:
            raise forms.ValidationError(_("A postcode looks like 5251 AB, or just its four digits: 5251."))
        municipality = municipality_of_postcode(text)
        if municipality is None:
            raise forms.ValidationError(
                _("We do not know this postcode in the municipalities of this sociale kaart. Check the digits.")
            )
        self.instance.municipality = municipality
        return text


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

    # A resident gives the address; the municipality, the wijk and a point on the map come from its postcode, as in
    # the activity form (docs/adr/0032-…). Professionals keep the lists and the coordinates.
    EXPERT_ONLY = ("municipality", "latitude", "longitude", "district")

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        from .selectors import choosable

        self.fields["organisation"].queryset = choosable(Organisation, user, self.instance.organisation_id).order_by(
            "name"
        )
        self.expert = is_expert(user)
        if not self.expert:
            for name in self.EXPERT_ONLY:
                del self.fields[name]
            self.fields["postcode"].required = True
            self.fields["postcode"].help_text = _("The municipality and the wijk are found from the postcode.")

    def clean_postcode(self):
        text = self.cleaned_data["postcode"].strip()
        if text and postcode_digits(text) is None:
            raise forms.ValidationError(_("A postcode looks like 5251 AB, or just its four digits: 5251."))
        return text

    def clean(self):
        data = super().clean()
        place, postcode = self.instance, data.get("postcode", "")
        moved = place.pk is None or "postcode" in self.changed_data or place.municipality_id is None
        if self.expert or "postcode" in self.errors or not postcode or not moved:
            return data
        municipality = municipality_of_postcode(postcode)
        if municipality is None:
            self.add_error(
                "postcode",
                _("We do not know this postcode in the municipalities of this sociale kaart. Check the digits."),
            )
            return data
        place.municipality = municipality
        place.district = district_of_postcode(municipality, postcode)
        place.latitude, place.longitude = postcode_point(postcode, municipality.statcode) or (None, None)
        return data


HOW_OFTEN = [
    (simple_schedule.WEEKLY_KIND, _("every week")),
    (simple_schedule.FORTNIGHTLY, _("every other week")),
    (simple_schedule.MONTHLY_KIND, _("once a month, on a set day (for example the first Monday)")),
    (simple_schedule.ONCE, _("once, on one date")),
    (simple_schedule.NO_FIXED_TIMES, _("no fixed times (by appointment, or whenever you like)")),
]
KEEP_CHOICE = (simple_schedule.KEEP, _("as it is now (a schedule a professional set)"))
WEEKS_OF_MONTH = [("1", _("first")), ("2", _("second")), ("3", _("third")), ("4", _("fourth")), ("-1", _("last"))]
DONT_KNOW = "dont_know"


def is_expert(user) -> bool:
    """Professionals and administrators keep the full form: municipality and wijk lists and the raw RRULE."""
    return is_administrator(user) or has_role(user, Role.PROFESSIONAL, Role.POLICY_OFFICER)


class ActivityForm(StyledFormMixin, forms.ModelForm):
    """The activity form. A resident picks days and times, gives a postcode and may name a new organiser or place;
    an expert keeps the municipality and wijk lists and the RFC 5545 rule (docs/adr/0032-…)."""

    target_groups = MultipleChoice(label=_("Target groups"), choices=TargetGroup.choices, required=False)
    themes = MultipleChoice(label=_("Themes"), choices=Theme.choices, required=False)
    goals = MultipleChoice(label=_("What is it mainly for?"), choices=(), required=False)
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
    # A resident's fields: where (postcode, a new organiser or place) and when (days and times).
    postcode = forms.CharField(
        label=_("Postcode of where it happens"),
        max_length=7,
        required=False,
        help_text=_("For example 5251 AB or 5251. From it we know the municipality and the wijk."),
    )
    new_organisation = forms.CharField(label=_("Organiser not in the list? Its name"), max_length=200, required=False)
    new_organisation_kind = forms.ChoiceField(
        label=_("What kind of organiser is it?"),
        choices=OrganisationKind.choices,
        initial=OrganisationKind.INFORMAL_GROUP,
        required=False,
    )
    new_place = forms.CharField(label=_("Place not in the list? Its name"), max_length=200, required=False)
    new_place_street = forms.CharField(label=_("Street and number of the new place"), max_length=200, required=False)
    how_often = forms.ChoiceField(
        label=_("How often?"), choices=HOW_OFTEN, widget=forms.RadioSelect, initial=simple_schedule.WEEKLY_KIND
    )
    days = forms.TypedMultipleChoiceField(
        label=_("On which day?"),
        choices=WEEKDAYS,
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Every week and every other week: one or more days. Once a month: one day."),
    )
    week_of_month = forms.TypedChoiceField(
        label=_("Which week of the month?"), choices=WEEKS_OF_MONTH, coerce=int, required=False, initial="1"
    )
    on_date = forms.DateField(
        label=_("Date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        validators=[validate_in_window],
        help_text=_("Once: the date. Every week or every other week: from when (empty: from today)."),
    )
    start_time = forms.TimeField(
        label=_("From"), required=False, widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    end_time = forms.TimeField(
        label=_("Until"), required=False, widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )

    EXPERT_ONLY = ("municipality", "district", "starts_at", "duration_minutes", "recurrence")
    RESIDENT_ONLY = (
        "postcode",
        "new_organisation",
        "new_organisation_kind",
        "new_place",
        "new_place_street",
        "how_often",
        "days",
        "week_of_month",
        "on_date",
        "start_time",
        "end_time",
    )
    # The resident's form in groups, as its template shows them (legend, fields).
    GROUPS = [
        (_("What"), ["title", "description"]),
        (_("When"), ["how_often", "days", "week_of_month", "on_date", "start_time", "end_time", "exception_dates"]),
        (_("Where"), ["postcode", "place", "new_place", "new_place_street"]),
        (_("Who organises it"), ["organisation", "new_organisation", "new_organisation_kind"]),
        (_("For whom and what for"), ["goals", "target_groups", "themes"]),
        (
            _("Cost and signing up"),
            ["cost", "cost_note", "registration_needed", "referral_needed", "accessibility", "languages"],
        ),
        (_("Contact"), ["contact_name", "contact_email", "contact_phone"]),
    ]

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
            "goals",
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

        self.expert = is_expert(user)
        self.user = user
        self.fields["exception_dates"].initial = ", ".join(self.instance.exceptions or [])
        self.fields["organisation"].queryset = choosable(Organisation, user, self.instance.organisation_id).order_by(
            "name"
        )
        self.fields["place"].queryset = choosable(MeetingPlace, user, self.instance.place_id).order_by("name")
        for name in self.RESIDENT_ONLY if self.expert else self.EXPERT_ONLY:
            del self.fields[name]
        if self.expert:
            districts = District.objects.select_related("municipality").order_by("municipality__name", "name")
            if own := municipality_ids_of(user):  # the wijken of the municipalities they work for, and the current one
                districts = districts.filter(Q(municipality_id__in=own) | Q(pk=self.instance.district_id))
            self.fields["district"].queryset = districts
        else:
            self._resident_initial()
        self.goal_municipality = self._goal_municipality()
        goals = names_in_force(self.goal_municipality)["goals"] if self.goal_municipality else {}
        field = self.fields["goals"]
        field.choices = [*goals.items(), (DONT_KNOW, _("I don't know"))] if goals else []
        field.help_text = (
            _("The goals of the sociale basis of %(municipality)s. Choose what fits most.")
            % {"municipality": self.goal_municipality.name}
            if goals
            else _("Fill in the postcode and save: then you choose from the goals of that municipality.")
        )

    def _resident_initial(self) -> None:
        instance = self.instance
        self.fields["organisation"].label = _("Organiser")
        self.fields["place"].label = _("Place")
        if instance.pk:
            picked = simple_schedule.from_rule(instance.starts_at, instance.recurrence, instance.duration_minutes)
            if picked.how_often == simple_schedule.KEEP:
                self.fields["how_often"].choices = [KEEP_CHOICE, *HOW_OFTEN]
            self.initial.update(
                how_often=picked.how_often,
                days=[str(day) for day in picked.days],
                week_of_month=str(picked.week or 1),
                on_date=picked.on,
                start_time=picked.start,
                end_time=picked.end,
                postcode=instance.postcode_area,
            )

    def _goal_municipality(self):
        """Whose goals the question offers: the municipality of the postcode given, the entry's, the chosen one
        (experts), or the one the resident lives in."""
        if self.is_bound and not self.expert:
            found = municipality_of_postcode(self.data.get(self.add_prefix("postcode"), ""))
            if found is not None:
                return found
        if self.is_bound and self.expert:
            chosen = self.data.get(self.add_prefix("municipality"), "")
            if str(chosen).isdigit():
                found = Municipality.objects.filter(pk=chosen).first()
                if found is not None:
                    return found
        if self.instance.municipality_id:
            return self.instance.municipality
        return getattr(self.user, "home_municipality", None)

    def clean_postcode(self):
        text = self.cleaned_data["postcode"].strip()
        if text and postcode_digits(text) is None:
            raise forms.ValidationError(_("A postcode looks like 5251 AB, or just its four digits: 5251."))
        return text

    def clean(self):
        data = super().clean()
        if self.expert:
            self._clean_expert_schedule(data)
        else:
            self._clean_place(data)
            self._clean_picked_schedule(data)
        self._clean_exceptions(data)
        if not self.expert and self.fields["goals"].choices and not data.get("goals") and "goals" not in self.errors:
            self.add_error("goals", _("Choose what it is mainly for, or “I don't know”."))
        if "goals" in data:
            chosen = [key for key in data["goals"] if key != DONT_KNOW]
            self.instance.goals = chosen
            data["goals"] = chosen
        return data

    def _clean_expert_schedule(self, data) -> None:
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
        municipality = data.get("municipality")
        district = data.get("district")
        if municipality and district and district.municipality_id != municipality.pk:
            self.add_error("district", _("This wijk is not in the chosen municipality."))

    def _clean_place(self, data) -> None:
        """Municipality and wijk from the postcode (or from the chosen place); a new place or organiser is named."""
        instance, postcode, place = self.instance, data.get("postcode", ""), data.get("place")
        if data.get("new_place") and place:
            self.add_error("new_place", _("Choose a place from the list or name a new one, not both."))
        if data.get("new_organisation") and data.get("organisation"):
            self.add_error("new_organisation", _("Choose an organiser from the list or name a new one, not both."))
        if data.get("new_place") and not postcode and "postcode" not in self.errors:
            self.add_error("postcode", _("Give the postcode of the new place."))
        if "postcode" in self.errors:
            return
        if postcode:
            municipality = municipality_of_postcode(postcode)
            if municipality is None:
                self.add_error(
                    "postcode",
                    _("We do not know this postcode in the municipalities of this sociale kaart. Check the digits."),
                )
                return
            instance.municipality = municipality
            instance.postcode_area = postcode_digits(postcode)
            instance.district = district_of_postcode(municipality, postcode)
            if place is None:
                instance.latitude, instance.longitude = postcode_point(postcode, municipality.statcode) or (None, None)
        elif place is not None:
            instance.municipality, instance.postcode_area = place.municipality, ""
            instance.district = place.district
        elif not instance.municipality_id:
            self.add_error("postcode", _("Give the postcode of where it happens, or choose a place from the list."))
            return
        offered = self.data.get(self.add_prefix("goals_from"))
        if offered is not None and offered != instance.municipality.statcode and self.fields["goals"].choices:
            # The page offered another municipality's goals (or none yet): ask again with the right ones.
            self.add_error(
                "goals",
                _("This happens in %(municipality)s: choose from the goals of %(municipality)s.")
                % {"municipality": instance.municipality.name},
            )

    def _clean_picked_schedule(self, data) -> None:
        how_often = data.get("how_often")
        if how_often in (None, simple_schedule.KEEP):
            return
        days, start, end = data.get("days") or [], data.get("start_time"), data.get("end_time")
        needs_times = how_often != simple_schedule.NO_FIXED_TIMES
        if how_often in (simple_schedule.WEEKLY_KIND, simple_schedule.FORTNIGHTLY) and not days:
            self.add_error("days", _("Choose the day or days it happens."))
        if how_often == simple_schedule.MONTHLY_KIND and len(days) != 1:
            self.add_error("days", _("Once a month: choose one day, for example Monday."))
        if how_often == simple_schedule.ONCE and not data.get("on_date") and "on_date" not in self.errors:
            self.add_error("on_date", _("Give the date it happens."))
        if needs_times and start is None and "start_time" not in self.errors:
            self.add_error("start_time", _("Give the time it starts, for example 10:00."))
        if needs_times and end is None and "end_time" not in self.errors:
            self.add_error("end_time", _("Give the time it ends, for example 12:00."))
        if needs_times and start and end and end <= start:
            self.add_error("end_time", _("The end time must come after the start time."))
        if any(name in self.errors for name in ("days", "on_date", "start_time", "end_time", "week_of_month")):
            return
        picked = simple_schedule.Picked(
            how_often, tuple(days), data.get("week_of_month") or 1, data.get("on_date"), start, end
        )
        try:
            starts_at, rule, minutes = simple_schedule.to_rule(picked)
        except ScheduleError as exc:
            self.add_error("how_often", str(exc))
            return
        self.instance.starts_at, self.instance.recurrence = starts_at, rule
        if minutes is not None:
            self.instance.duration_minutes = minutes

    @property
    def changed_data(self) -> list[str]:
        """The changed fields, without the answers to questions the schedule or the form did not ask (the week of
        the month of a weekly activity, the kind of a new organiser nobody named)."""
        data = getattr(self, "cleaned_data", {})
        unasked = set()
        if not data.get("new_organisation"):
            unasked.add("new_organisation_kind")
        if data.get("how_often") != simple_schedule.MONTHLY_KIND:
            unasked.add("week_of_month")
        return [name for name in super().changed_data if name not in unasked]

    def _clean_exceptions(self, data) -> None:
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

    def new_entries(self) -> dict:
        """The organiser and place a resident named that are not in the lists yet (unsaved), by field."""
        named = {}
        data = self.cleaned_data
        if not self.expert and data.get("new_organisation"):
            named["organisation"] = Organisation(
                municipality=self.instance.municipality,
                name=data["new_organisation"],
                kind=data.get("new_organisation_kind") or OrganisationKind.INFORMAL_GROUP,
            )
        if not self.expert and data.get("new_place"):
            named["place"] = MeetingPlace(
                municipality=self.instance.municipality,
                name=data["new_place"],
                street=data.get("new_place_street", ""),
                postcode=data.get("postcode", "").upper(),
                latitude=self.instance.latitude,
                longitude=self.instance.longitude,
                kind=PlaceKind.PRIVATE_BUILDING,
            )
        return named


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
        names = {str(key): label for key, label in field.choices}
        return ", ".join(str(names.get(str(item), item)) for item in value)
    if isinstance(field, forms.ChoiceField):
        return str({str(key): label for key, label in field.choices}.get(str(value), value))
    if isinstance(field, forms.BooleanField):
        return str(_("yes") if value else _("no"))
    return str(value).replace("T", " ") if isinstance(field, forms.DateTimeField) else str(value)


FORMS_WITH_USER = (ActivityForm, MeetingPlaceForm, OrganisationForm)


def describe_changes(form_class, revision) -> list[tuple[str, str, str]]:
    """(label, old, new) for every changed field of a revision, in the form's order (the form its author used)."""
    kwargs = {"user": revision.author} if form_class in FORMS_WITH_USER else {}
    fields = form_class(**kwargs).fields
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
