"""Forms look the same everywhere: the NL Design System (Utrecht) classes on every input a form renders."""

from django import forms
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
    """Give every widget its Utrecht class, unless the form set a class itself."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field.widget, forms.HiddenInput):
                continue
            field.widget.attrs.setdefault("class", utrecht_class(field.widget))
