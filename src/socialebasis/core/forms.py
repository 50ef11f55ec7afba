"""Forms look the same everywhere: the NL Design System (Utrecht) classes on every input a form renders."""

from django import forms
from django.utils.html import format_html
from django.utils.safestring import mark_safe


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
    """Give every widget its Utrecht class, unless the form set a class itself."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field.widget, forms.HiddenInput):
                continue
            field.widget.attrs.setdefault("class", utrecht_class(field.widget))


class QuickSelect(forms.Select):
    """A select that writes exactly what Django's Select template writes, in Python.

    Django renders every option through two included templates; a list of all 342 municipalities then costs more
    than the rest of the search page (docs/adr/0038-pages-as-fast-as-the-api.md). No option groups, no per-option
    template: the search form's lists need neither. core/tests/test_quick_select.py holds it to Django's output.
    """

    def render(self, name, value, attrs=None, renderer=None):
        context = self.get_context(name, value, attrs)["widget"]
        parts = [format_html('<select name="{}"', context["name"]), _attributes(context["attrs"]), ">"]
        for group_name, options, _index in context["optgroups"]:
            if group_name:  # not offered by the forms that use this widget; Django's own rendering stays right
                return super().render(name, value, attrs, renderer)
            for option in options:
                parts.append(format_html('\n  <option value="{}"', str(option["value"])))
                parts.append(_attributes(option["attrs"]))
                parts.append(format_html(">{}</option>\n", option["label"]))
        parts.append("\n</select>")
        return mark_safe("".join(parts))  # noqa: S308 - every part above is escaped by format_html


def _attributes(attrs: dict) -> str:
    """Django's widgets/attrs.html: ` name="value"`, a bare ` name` for True, nothing for False."""
    return "".join(
        format_html(" {}", name) if value is True else format_html(' {}="{}"', name, str(value))
        for name, value in attrs.items()
        if value is not False
    )
