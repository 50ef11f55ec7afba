"""The file field every app uses for photos and documents, and a small form around it with the photo's description.

`UploadField` is a plain file input (no JavaScript needed) with the Utrecht textbox classes; it checks the file
while the form is validated, so a refusal is shown at the field, in Dutch, and returns a `CheckedFile` that
`services.store_upload` keeps without checking it again. An app adds the field to its own form::

    photo = UploadField(label=_("Photo"), kinds=[Kind.PHOTO], required=False)

with `AltTextField` and `require_alt_text` for a photo that others will see, or uses `UploadForm` (with a prefix,
next to its own form), which does both.
"""

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.functional import lazy
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from . import services
from .files import ACCEPT, ALL_KINDS, check_file
from .models import Kind, Upload

_max_size = lazy(lambda: filesizeformat(settings.UPLOADS_MAX_BYTES), str)

_HELP_TEXT = {
    frozenset(ALL_KINDS): _("A photo (JPG, PNG, WebP or HEIC) or a PDF, at most {size}."),
    frozenset({Kind.PHOTO}): _("A photo (JPG, PNG, WebP or HEIC), at most {size}."),
    frozenset({Kind.DOCUMENT}): _("A PDF, at most {size}."),
}


class UploadInput(forms.FileInput):
    """A plain file input in the Utrecht style; `accept` only helps the file chooser, the content decides."""

    def __init__(self, attrs=None, kinds=ALL_KINDS):
        attrs = {
            "class": "utrecht-textbox utrecht-textbox--html-input sb-upload-input",
            "accept": ",".join(ACCEPT[kind] for kind in kinds),
            **(attrs or {}),
        }
        super().__init__(attrs)


class UploadField(forms.FileField):
    """A photo or PDF, checked from its content; cleans to a `files.CheckedFile` ready for `store_upload`."""

    default_error_messages = {"required": _("Choose a file.")}

    def __init__(self, *, kinds=ALL_KINDS, **kwargs):
        self.kinds = tuple(kinds)
        kwargs.setdefault("widget", UploadInput(kinds=self.kinds))
        kwargs.setdefault("help_text", format_lazy(_HELP_TEXT[frozenset(self.kinds)], size=_max_size()))
        super().__init__(**kwargs)

    def to_python(self, data):
        uploaded = super().to_python(data)
        if uploaded is None:
            return None
        return check_file(uploaded, kinds=self.kinds)


class AltTextField(forms.CharField):
    """What a photo shows, in a few words: its alt text for people who cannot see it (WCAG 1.1.1)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("What is in the photo?"))
        kwargs.setdefault(
            "help_text",
            _(
                "Describe the photo in a few words, for people who cannot see it. For example: children "
                "playing football on the square."
            ),
        )
        kwargs.setdefault("max_length", 250)
        kwargs.setdefault("required", False)
        kwargs.setdefault("widget", forms.TextInput(attrs={"class": "utrecht-textbox utrecht-textbox--html-input"}))
        super().__init__(**kwargs)


def require_alt_text(form: forms.Form, file_field: str, alt_text_field: str) -> None:
    """In a form's clean(): a photo that others will see needs its description; the error goes to that field."""
    checked = form.cleaned_data.get(file_field)
    if checked is not None and checked.kind == Kind.PHOTO and not form.cleaned_data.get(alt_text_field, "").strip():
        form.add_error(alt_text_field, _("Describe what is in the photo, for people who cannot see it."))


class UploadForm(forms.Form):
    """A file and, for a photo, what it shows (its alt text); `save()` stores it for `owner`, unattached.

    Use it with a prefix next to an app's own form, or take its two fields and `require_alt_text` into that form.
    """

    file = UploadField(label=_("File"))
    alt_text = AltTextField()

    def __init__(self, *args, owner, purpose: str, kinds=ALL_KINDS, alt_text_required: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.owner = owner
        self.purpose = purpose
        self.alt_text_required = alt_text_required
        self.fields["file"] = UploadField(label=self.fields["file"].label, kinds=kinds)
        if set(kinds) == {Kind.DOCUMENT}:
            del self.fields["alt_text"]

    def clean(self):
        cleaned = super().clean()
        if self.alt_text_required and "alt_text" in self.fields:
            require_alt_text(self, "file", "alt_text")
        return cleaned

    def save(self) -> Upload:
        return services.store_upload(
            self.cleaned_data["file"],
            owner=self.owner,
            purpose=self.purpose,
            alt_text=self.cleaned_data.get("alt_text", ""),
            kinds=self.fields["file"].kinds,
        )
