"""Imports an administrator starts from the administration (/beheer/import/), registered by the apps that own them.

`core` stands below every app (ADR 0028), so it cannot know the sociale kaart's or the indicators' importers; each
app registers its own in its `AppConfig.ready()`, the way `accounts.hub.register_link` works for "Mijn account".
An importer is a form (the file and the choices the import needs) and a `run(cleaned_data, actor)` that calls the
app's service and returns its `ImportReport`, or raises `ImportRefused` with the Dutch row-and-column errors; the
page shows the one or the other. `run` also records the import in the audit log (the services do, with the actor).

Uploads are read with `read_upload`, which stops at the importer's byte limit; what the bytes hold is then checked
by the app's own reader, which uses the strict readers of `core/files.py` (CSV, XLSX zip, JSON).
"""

from collections.abc import Callable
from dataclasses import dataclass

from django import forms
from django.utils.translation import gettext_lazy as _

from .imports import ImportRefused, ImportReport


@dataclass(frozen=True)
class Importer:
    key: str  # in the address: /beheer/import/<key>/
    label: str  # lazy; the page title
    description: str  # lazy; one or two sentences: what the file holds, what happens
    form: type[forms.Form]
    run: Callable[[dict, object], ImportReport]
    order: int = 100


_importers: dict[str, Importer] = {}


def register_importer(importer: Importer) -> None:
    if importer.key in _importers and _importers[importer.key] != importer:
        raise ValueError(f"An importer {importer.key!r} is registered already.")
    _importers[importer.key] = importer


def importers() -> list[Importer]:
    return sorted(_importers.values(), key=lambda importer: (importer.order, importer.key))


def importer(key: str) -> Importer | None:
    return _importers.get(key)


def read_upload(upload, max_bytes: int) -> bytes:
    """The bytes of an uploaded file, refused with a Dutch message when there are more than `max_bytes`."""
    data = upload.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise ImportRefused(f"Het bestand is groter dan {max_bytes // (1024 * 1024)} MB; splits het bestand.")
    return data


class UploadField(forms.FileField):
    """The file of an import; its size is checked when it is read (`read_upload`)."""

    def __init__(self, *, accept: str, **kwargs):
        kwargs.setdefault("label", _("File"))
        super().__init__(widget=forms.ClearableFileInput(attrs={"accept": accept}), **kwargs)
