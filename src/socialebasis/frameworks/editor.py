"""The framework editor with forms: one form or formset per section of the framework document.

A policy officer changes the definition, spheres, goals, criteria, principles and forms of support, and the
expected outcome of the worked examples, without touching JSON (issue 12, point 8). The editor always starts
from a stored version (the base) and writes only the sections it shows back into a copy of that document:
everything else (prevention ladder, grey-area terms, `extra`, the examples' answers, ...) is carried over as
it was, so a form edit never loses a field the document has. The result goes through the same validation and
the same service as an import (`document.validate_document`, `services.create_version`).

Keys are internal codes and never shown: a row keeps its key in a hidden field, and a new row gets one made
from its name. A criterion's effect and its place in `assessment.logic` are one choice on the page (what a
"yes" means for the check), because the document only accepts the combinations that choice offers.
"""

import copy
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django import forms
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from socialebasis.core.dates import validate_in_window
from socialebasis.core.forms import StyledFormMixin
from socialebasis.indicators import catalogue

from .assessment import UnknownCriteria, assess_activity
from .document import KEY_PATTERN, FrameworkDocumentError
from .models import Effect, Influence, Verdict

LOGIC_ROLES = ("outside_if_true", "grey_if_true", "inside_requires_true", "inside_requires_any_true")
RECORDED = "recorded"
ROLE_CHOICES = [
    ("inside_requires_true", _("Must be “yes” for the activity to belong")),
    ("inside_requires_any_true", _("One of these criteria must be “yes” (together with the others of this kind)")),
    ("outside_if_true", _("If “yes”, the activity falls outside")),
    ("grey_if_true", _("If “yes”, it is a grey area: a conversation is needed")),
    (RECORDED, _("Is written down, but does not decide")),
]
_KEY = re.compile(KEY_PATTERN)


def _text_input() -> forms.TextInput:
    return forms.TextInput()


def _textarea(rows: int = 3) -> forms.Textarea:
    return forms.Textarea(attrs={"rows": rows})


def _source_field() -> forms.CharField:
    return forms.CharField(
        label=_("Source"),
        max_length=500,
        help_text=_("The document and the section this comes from."),
        widget=_text_input(),
    )


def _derived_field() -> forms.BooleanField:
    return forms.BooleanField(
        label=_("Read from the text: the document does not say this in so many words"), required=False
    )


class EditorForm(StyledFormMixin, forms.Form):
    """When the new version applies, why it was made, and which stored version the edit starts from."""

    valid_from = forms.DateField(
        label=_("Valid from"),
        help_text=_("The first day this version applies. Until then the current version stays in force."),
        widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
        validators=[validate_in_window],
    )
    note = forms.CharField(label=_("What changed and why"), max_length=500, required=False, widget=_text_input())
    basis = forms.CharField(widget=forms.HiddenInput, max_length=6)
    basis_version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["valid_from"].initial = timezone.localdate()


class DefinitionForm(StyledFormMixin, forms.Form):
    text = forms.CharField(label=_("Definition of the sociale basis"), max_length=10_000, widget=_textarea(5))
    source = _source_field()
    verbatim = forms.BooleanField(label=_("The text quotes the municipality word for word"), required=False)


class RowForm(StyledFormMixin, forms.Form):
    """One item of a list; `key` rides along hidden, empty for a new row."""

    key = forms.CharField(widget=forms.HiddenInput, required=False, max_length=60)
    title_field = "name"
    # What a new, empty row starts with: a row left as it was is not a change and asks for nothing.
    empty_initial: dict = {}

    def clean_key(self) -> str:
        key = self.cleaned_data["key"]
        # Only keys the editor itself wrote come back; anything else is treated as a new row.
        return key if _KEY.match(key) else ""


class SphereForm(RowForm):
    empty_initial = {"influence": Influence.INDIRECT}

    name = forms.CharField(label=_("Name"), max_length=300, widget=_text_input())
    description = forms.CharField(label=_("Description"), max_length=10_000, widget=_textarea())
    influence = forms.ChoiceField(label=_("Influence of the municipality"), choices=Influence.choices)
    influence_explanation = forms.CharField(
        label=_("Explanation of the influence"), max_length=10_000, required=False, widget=_textarea(2)
    )
    source = _source_field()
    derived = _derived_field()


class GoalForm(RowForm):
    """A goal, and the catalogue's indicators it cites (chosen by their Dutch names; the codes stay in the values)."""

    name = forms.CharField(label=_("Name"), max_length=300, widget=_text_input())
    description = forms.CharField(label=_("Description"), max_length=10_000, widget=_textarea())
    source = _source_field()
    derived = _derived_field()
    indicators = forms.MultipleChoiceField(
        label=_("Indicators for this goal"),
        help_text=_(
            "The figures of the wijk profile that say something about this goal. "
            "They are shown beside the stories of this goal."
        ),
        choices=[(code, label) for code, label, _theme in catalogue.known_indicators()],
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    indicator_source = forms.CharField(
        label=_("Source of the indicators you choose now"),
        help_text=_(
            "The document and the section that link them to this goal. "
            "If you leave this empty, the source says that the municipality chose them here."
        ),
        max_length=500,
        required=False,
        widget=_text_input(),
    )

    def indicator_groups(self) -> list[tuple[str, list]]:
        """The choices under their themes, so that a list of some fifty figures can be read."""
        themes = {code: theme for code, _label, theme in catalogue.known_indicators()}
        groups: dict[str, list] = {}
        for option in self["indicators"]:
            groups.setdefault(themes[option.data["value"]], []).append(option)
        return list(groups.items())

    def chosen_indicator_labels(self) -> list[str]:
        labels = dict(self.fields["indicators"].choices)
        return [str(labels[code]) for code in self["indicators"].value() or [] if code in labels]


class CriterionForm(RowForm):
    title_field = "label"
    empty_initial = {"role": RECORDED}

    label = forms.CharField(label=_("Short name"), max_length=300, widget=_text_input())
    question = forms.CharField(
        label=_("Question for residents"),
        help_text=_("A question someone can answer with yes, no or “I don't know”."),
        max_length=10_000,
        widget=_text_input(),
    )
    role = forms.ChoiceField(label=_("What “yes” means for the check"), choices=ROLE_CHOICES)
    explanation = forms.CharField(label=_("Explanation"), max_length=10_000, required=False, widget=_textarea(2))
    source = _source_field()
    derived = _derived_field()


class NamedItemForm(RowForm):
    name = forms.CharField(label=_("Name"), max_length=300, widget=_text_input())
    description = forms.CharField(label=_("Description"), max_length=10_000, widget=_textarea())
    source = _source_field()


class SupportFormForm(NamedItemForm):
    derived = _derived_field()


class ExampleForm(StyledFormMixin, forms.Form):
    """Only the expected outcome of a worked example is changed here; its answers stay as they are."""

    expected_verdict = forms.ChoiceField(label=_("Outcome according to the framework"), choices=Verdict.choices)


@dataclass(frozen=True)
class Section:
    """A list of the document edited as a formset."""

    name: str  # the document's list
    prefix: str  # the form prefix, also the anchor of the section on the page
    form: type[forms.Form]
    title: Any
    intro: Any
    row_title: Any
    fields: tuple[str, ...]  # the document fields the form edits, besides `key`
    min_rows: int = 0


SECTIONS = (
    Section(
        "spheres",
        "sferen",
        SphereForm,
        _("Spheres"),
        _("The parts of the sociale basis, and how much influence the municipality has on each."),
        _("Sphere"),
        ("name", "description", "influence", "influence_explanation", "source", "derived"),
        min_rows=1,
    ),
    Section(
        "goals",
        "doelen",
        GoalForm,
        _("Goals"),
        _("An activity belongs to the sociale basis only if it mainly serves at least one of these goals."),
        _("Goal"),
        ("name", "description", "source", "derived"),
        min_rows=1,
    ),
    Section(
        "characteristics",
        "criteria",
        CriterionForm,
        _("Criteria"),
        _("These questions decide whether an activity belongs to the sociale basis."),
        _("Criterion"),
        ("label", "question", "explanation", "source", "derived"),
        min_rows=1,
    ),
    Section(
        "principles",
        "principes",
        NamedItemForm,
        _("Principles"),
        "",
        _("Principle"),
        ("name", "description", "source"),
    ),
    Section(
        "support_forms",
        "steun",
        SupportFormForm,
        _("How the municipality supports"),
        "",
        _("Form of support"),
        ("name", "description", "source", "derived"),
    ),
)
SECTION_BY_NAME = {section.name: section for section in SECTIONS}
EXAMPLES_PREFIX = "voorbeelden"


class BaseRowFormSet(forms.BaseFormSet):
    section: Section

    def add_fields(self, form, index):
        super().add_fields(form, index)
        if "DELETE" in form.fields:
            form.fields["DELETE"].widget.attrs["class"] = "utrecht-checkbox utrecht-checkbox--html-input"

    def get_form_kwargs(self, index):
        kwargs = super().get_form_kwargs(index)
        if index is None or index >= self.initial_form_count():
            kwargs["initial"] = dict(self.form.empty_initial)
        return kwargs

    def clean(self):
        if any(self.errors):
            return
        kept = [f for f in self.forms if f.has_changed() or f.cleaned_data.get("key")]
        kept = [f for f in kept if not (self.can_delete and self._should_delete_form(f))]
        if len(kept) < self.section.min_rows:
            raise forms.ValidationError(_("Keep at least one row in this part."))


def _formset_class(section: Section) -> type[forms.BaseFormSet]:
    return forms.formset_factory(
        section.form,
        formset=type(f"{section.form.__name__}Set", (BaseRowFormSet,), {"section": section}),
        extra=0,
        can_delete=True,
        max_num=200,
        absolute_max=200,
        validate_max=True,
    )


ExampleFormSet = forms.formset_factory(ExampleForm, extra=0, max_num=200, absolute_max=200, validate_max=True)


def _plain(value: Any) -> Any:
    """Browsers send a textarea's line breaks as CR LF; the document keeps LF."""
    return value.replace("\r\n", "\n") if isinstance(value, str) else value


def _role_of(logic: Mapping, key: str) -> str:
    for role in LOGIC_ROLES:
        if key in logic.get(role, []):
            return role
    return RECORDED


def _effect_for(role: str, previous: str | None) -> str:
    if role in ("inside_requires_true", "inside_requires_any_true"):
        return Effect.INCLUDE
    if role == "outside_if_true":
        return Effect.EXCLUDE
    if role == "grey_if_true":
        # The document lets a grey-area criterion exclude or only indicate; keep what it was.
        return previous if previous in (Effect.EXCLUDE, Effect.INDICATIVE) else Effect.INDICATIVE
    return Effect.INDICATIVE


def new_key(name: str, taken: set[str], stem: str) -> str:
    """A key for a new row, made from its name: `Buurthuis in de wijk` → `buurthuis_in_de_wijk`."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    key = re.sub(r"[^a-z0-9]+", "_", ascii_name).strip("_")[:50] or stem
    if not key[0].isalpha():
        key = f"{stem}_{key}"[:50]
    candidate, number = key, 2
    while candidate in taken:
        candidate, number = f"{key}_{number}", number + 1
    return candidate


def _initial_row(item: Mapping, section: Section, logic: Mapping) -> dict:
    row = {"key": item["key"], **{field: item.get(field, "") for field in section.fields}}
    for flag in ("derived", "verbatim"):
        if flag in row:
            row[flag] = bool(item.get(flag, False))
    if section.name == "characteristics":
        row["role"] = _role_of(logic, item["key"])
    if section.name == "goals":
        row["indicators"] = [indicator["code"] for indicator in item.get("indicators", [])]
    return row


def chosen_by_the_municipality() -> str:
    """The source of an indicator chosen in the editor without one. The document's texts are the municipality's own
    Dutch words, whatever language the officer reads the editor in."""
    with translation.override("nl"):
        return gettext("Chosen by the municipality when changing the framework")


def _cited_indicators(previous: Mapping, codes: list[str], source: str) -> list[dict]:
    """The indicators a goal cites after the edit: those that stay keep their entry (source, derived) in their
    order; the newly chosen ones follow, in the order of the page, with the source given or the default one."""
    chosen = set(codes)
    kept = [dict(indicator) for indicator in previous.get("indicators", []) if indicator["code"] in chosen]
    known = {indicator["code"] for indicator in kept}
    source = _plain(source).strip() or chosen_by_the_municipality()
    added = [{"code": code, "source": source, "derived": False} for code in codes if code not in known]
    return kept + added


@dataclass
class ErrorLine:
    """One line of the error summary: where it is (an element id), what it is about, what is wrong."""

    anchor: str
    label: str
    message: str


class FrameworkEditor:
    """All forms of the editor, bound to one base document; `document()` is the edited document."""

    def __init__(self, base: Mapping, data: Mapping | None = None, initial: Mapping | None = None):
        self.base = base
        logic = base["assessment"]["logic"]
        self.main = EditorForm(data=data, initial=initial)
        self.definition = DefinitionForm(data=data, prefix="definitie", initial=base["definition"])
        self.formsets = {}
        for section in SECTIONS:
            rows = [_initial_row(item, section, logic) for item in base.get(section.name, [])]
            formset = _formset_class(section)(data=data, prefix=section.prefix, initial=rows)
            formset.section = section
            self.formsets[section.name] = formset
        self.examples = ExampleFormSet(
            data=data,
            prefix=EXAMPLES_PREFIX,
            initial=[{"expected_verdict": e["expected_verdict"]} for e in base.get("examples", [])],
        )
        self._row_of: dict[tuple[str, int], forms.Form] = {}
        self.document_errors: list[tuple[str, str]] = []
        self._draft: dict | None = None

    @classmethod
    def with_added_row(cls, base: Mapping, data: Mapping, section_name: str) -> "FrameworkEditor":
        """The same forms with one empty row more in a section: adding a row needs no JavaScript."""
        section = SECTION_BY_NAME[section_name]
        data = data.copy()
        total = f"{section.prefix}-TOTAL_FORMS"
        try:
            count = int(data.get(total, 0))
        except ValueError:
            count = 0
        if count < 200:
            data[total] = str(count + 1)
            # A bound form shows what was sent, not its initial values: the new row is sent its starting values.
            for field, value in section.form.empty_initial.items():
                data[f"{section.prefix}-{count}-{field}"] = value
        return cls(base, data)

    def all_forms(self) -> list[forms.Form]:
        found = [self.main, self.definition]
        for formset in self.formsets.values():
            found.extend(formset.forms)
        found.extend(self.examples.forms)
        return found

    def is_valid(self) -> bool:
        valid = self.main.is_valid() and self.definition.is_valid()
        for formset in (*self.formsets.values(), self.examples):
            valid = formset.is_valid() and valid
        if len(self.examples.forms) != len(self.base.get("examples", [])):
            self.main.add_error(None, _("The examples do not match the version you started from. Load it again."))
            valid = False
        return valid

    def document(self) -> dict:
        """The base document with the edited sections written into it. Call after `is_valid()`."""
        document = copy.deepcopy(dict(self.base))
        edited = {field: _plain(value) for field, value in self.definition.cleaned_data.items()}
        document["definition"] = {**document["definition"], **edited}
        removed: dict[str, set[str]] = {}
        for section in SECTIONS:
            formset = self.formsets[section.name]
            previous = {item["key"]: item for item in self.base.get(section.name, [])}
            taken = set(previous)
            items = []
            for form in formset.forms:
                data = form.cleaned_data
                if not data or formset._should_delete_form(form) or (not form.has_changed() and not data["key"]):
                    continue
                key = data["key"] if data["key"] in previous else ""
                if not key:
                    key = new_key(data[section.form.title_field], taken, stem=section.prefix[:-1] or "item")
                taken.add(key)
                item = {**previous.get(key, {}), "key": key, **{f: _plain(data[f]) for f in section.fields}}
                if section.name == "characteristics":
                    item["effect"] = _effect_for(data["role"], previous.get(key, {}).get("effect"))
                    item["_role"] = data["role"]
                if section.name == "goals":
                    cited = _cited_indicators(previous.get(key, {}), data["indicators"], data["indicator_source"])
                    if cited or "indicators" in item:
                        item["indicators"] = cited
                self._row_of[(section.name, len(items))] = form
                items.append(item)
            kept = {item["key"] for item in items}
            removed[section.name] = set(previous) - kept
            document[section.name] = items
        self._write_logic(document, removed)
        for index, form in enumerate(self.examples.forms):
            document["examples"][index] = {
                **document["examples"][index],
                "expected_verdict": form.cleaned_data["expected_verdict"],
            }
            self._row_of[("examples", index)] = form
        self._draft = document
        return document

    def _write_logic(self, document: dict, removed: Mapping[str, set[str]]) -> None:
        logic = document["assessment"]["logic"]
        roles = {c["key"]: c.pop("_role") for c in document["characteristics"]}
        for role in LOGIC_ROLES:
            # The order of the base document first (it is part of the document), new criteria after.
            kept = [key for key in logic.get(role, []) if roles.get(key) == role]
            added = [key for key in roles if roles[key] == role and key not in kept]
            logic[role] = kept + added
        gone_criteria, gone_spheres, gone_goals = (
            removed["characteristics"],
            removed["spheres"],
            removed["goals"],
        )
        rules = []
        for rule in logic.get("sphere_rules", []):
            when = {key: value for key, value in rule["when"].items() if key not in gone_criteria}
            if rule["sphere"] not in gone_spheres and when:
                rules.append({**rule, "when": when})
        logic["sphere_rules"] = rules
        # A removed goal or criterion can no longer be an answer of a worked example; its outcome is checked again.
        for example in document.get("examples", []):
            example["goals"] = [key for key in example["goals"] if key not in gone_goals]
            example["characteristics"] = {
                key: value for key, value in example["characteristics"].items() if key not in gone_criteria
            }

    def add_document_errors(self, error: FrameworkDocumentError) -> None:
        """Put each error of the document validation on the field it is about, or at the top."""
        for path, message in error.errors:
            form, field = self._field_for(path)
            if field == "expected_verdict":
                # The document's message names the outcomes by their codes; the page names them in words.
                message = self._example_message(path) or message
            if form is None:
                self.document_errors.append((path, message))
                self.main.add_error(None, message)
            else:
                form.add_error(field, message)

    def _example_message(self, path: str) -> str | None:
        match = self._PATH.match(path)
        if not match or self._draft is None:
            return None
        example = self._draft["examples"][int(match["index"])]
        try:
            result = assess_activity(self._draft, example["goals"], example["characteristics"])
        except (UnknownCriteria, KeyError):
            return None
        return _("With these criteria the outcome is “%(outcome)s”. Change the criteria or this expected outcome.") % {
            "outcome": Verdict(result.verdict).label
        }

    _PATH = re.compile(r"^(?P<list>[a-z_]+)\[(?P<index>\d+)\](?:\.(?P<field>[a-z_]+))?")

    def _field_for(self, path: str) -> tuple[forms.Form | None, str | None]:
        if path.startswith("definition."):
            field = path.split(".", 1)[1]
            return (self.definition, field) if field in self.definition.fields else (self.definition, None)
        match = self._PATH.match(path)
        if not match:
            return None, None
        form = self._row_of.get((match["list"], int(match["index"])))
        if form is None:
            return None, None
        field = match["field"]
        if field == "effect":
            field = "role"
        elif field == "key":
            field = getattr(form, "title_field", None)
        return form, field if field in form.fields else None

    def summary(self) -> list[ErrorLine]:
        """Every error on the page, in page order, each pointing at its field (NL Design System error summary)."""
        lines = [ErrorLine("", "", str(error)) for error in self.main.non_field_errors()]
        lines += _form_lines(self.main, "")
        lines += _form_lines(self.definition, str(_("Definition")))
        for section in SECTIONS:
            formset = self.formsets[section.name]
            for error in formset.non_form_errors():
                lines.append(ErrorLine(section.prefix, str(section.title), str(error)))
            for number, form in enumerate(formset.forms, start=1):
                lines += _form_lines(form, f"{section.row_title} {number}")
        for form, example in zip(self.examples.forms, self.base.get("examples", []), strict=False):
            lines += _form_lines(form, example["name"])
        return lines


def _form_lines(form: forms.Form, context: str) -> list[ErrorLine]:
    if not form.is_bound:
        return []
    lines = []
    if form is not None and context:
        anchor = f"{form.prefix}-rij" if form.prefix else ""
        lines += [ErrorLine(anchor, context, str(error)) for error in form.non_field_errors()]
    for bound in form:
        # A choice of several boxes has no element of its own id: the summary points at its first box.
        anchor = f"{bound.auto_id}_0" if bound.widget_type == "checkboxselectmultiple" else bound.auto_id
        for error in bound.errors:
            label = f"{context}, {bound.label}" if context else str(bound.label)
            lines.append(ErrorLine(anchor, label, str(error)))
    return lines


def rows(editor: FrameworkEditor) -> list[dict]:
    """The sections as the template shows them: title, formset, and each row with a readable heading."""
    shown = []
    for section in SECTIONS:
        formset = editor.formsets[section.name]
        shown.append(
            {
                "section": section,
                "formset": formset,
                "rows": [
                    {"form": form, "number": number, "new": not (form.initial or {}).get("key")}
                    for number, form in enumerate(formset.forms, start=1)
                ],
            }
        )
    return shown
