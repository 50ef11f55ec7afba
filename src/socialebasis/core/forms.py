"""Forms look the same everywhere: the NL Design System (Utrecht) classes on every input a form renders."""

from django import forms
from django.utils.html import conditional_escape, escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_noop

# Django's own words on our pages that Django ships without Dutch: named here so that `make messages` keeps them in
# our catalogue, which Django reads before its own (the empty choice of every list, issue 12 point 3).
DJANGO_WORDS_WE_TRANSLATE = [gettext_noop("- Select an option -")]


def utrecht_class(widget: forms.Widget) -> str:
    """The Utrecht component class for a Django widget."""
    if isinstance(widget, forms.Textarea):
        return "utrecht-textarea utrecht-textarea--html-textarea"
    if isinstance(widget, forms.CheckboxSelectMultiple | forms.CheckboxInput):
        return "utrecht-checkbox utrecht-checkbox--html-input"
    if isinstance(widget, forms.RadioSelect):
        return "utrecht-radio-button utrecht-radio-button--html-input"
    if isinstance(widget, forms.SelectMultiple):
        return "utrecht-select utrecht-select--html-select sb-select-multiple"
    if isinstance(widget, forms.Select):
        return "utrecht-select utrecht-select--html-select"
    return "utrecht-textbox utrecht-textbox--html-input"


class StyledFormMixin:
    """Give every widget its Utrecht class, unless the form set a class itself; plain selects become QuickSelect."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field.widget, forms.HiddenInput):
                continue
            if type(field.widget) is forms.Select:
                field.widget.__class__ = QuickSelect  # the same HTML, without a template per option (ADR 0038)
            field.widget.attrs.setdefault("class", utrecht_class(field.widget))
            _plain_area_names(field)


def _plain_area_names(field) -> None:
    """A list of municipalities, wijken or buurten shows their names: the models' own text carries the CBS code and
    the year, which is for the administration and the logs, never for a page. A form that labels them itself keeps
    its own labels."""
    model = getattr(getattr(field, "queryset", None), "model", None)
    if (
        model is not None
        and model._meta.app_label == "areas"
        and hasattr(model, "name")
        and getattr(field.label_from_instance, "__func__", None) is forms.ModelChoiceField.label_from_instance
    ):
        field.label_from_instance = lambda area: area.name


class QuickSelect(forms.Select):
    """A select that writes exactly what Django's Select template writes, in Python.

    Django renders every option through two included templates; a list of all 342 municipalities then costs more
    than the rest of the search page (docs/adr/0038-pages-as-fast-as-the-api.md). Lists with option groups are left
    to Django. core/tests/test_quick_select.py holds it to Django's output.
    """

    def render(self, name, value, attrs=None, renderer=None):
        choices = list(self.choices)  # once: a model choice field's choices are a query
        if any(isinstance(label, list | tuple) for _value, label in choices):
            return super().render(name, value, attrs, renderer)  # option groups: Django's own rendering
        chosen = self.format_value(value)
        parts = [f'<select name="{escape(name)}"{_attributes(self.build_attrs(self.attrs, attrs))}>']
        has_selected = False
        for option_value, label in choices:
            text = "" if option_value is None else str(option_value)
            selected = not has_selected and text in chosen  # as Django's optgroups(): the first match only
            has_selected |= selected
            parts.append(
                f'\n  <option value="{escape(text)}"{" selected" if selected else ""}>{conditional_escape(label)}'
                "</option>\n"
            )
        parts.append("\n</select>")
        return mark_safe("".join(parts))  # noqa: S308 - the name, values, labels and attributes are escaped above


def _attributes(attrs: dict) -> str:
    """Django's widgets/attrs.html: ` name="value"`, a bare ` name` for True, nothing for False."""
    return "".join(
        f" {escape(name)}" if value is True else f' {escape(name)}="{escape(str(value))}"'
        for name, value in attrs.items()
        if value is not False
    )
