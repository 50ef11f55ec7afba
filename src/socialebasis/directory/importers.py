"""The sociale kaart's imports on the administration's import page (core/importers.py): the CSV/XLSX bulk import of
activities and HSDS 3.0 documents, each the same service as its command (`import-directory`, `import-hsds`)."""

from django import forms
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from socialebasis.areas.models import Municipality
from socialebasis.audit.models import Action
from socialebasis.audit.services import record_event
from socialebasis.core.files import FileProblem, load_json
from socialebasis.core.importers import Importer, UploadField, read_upload, register_importer
from socialebasis.core.imports import ImportReport

from . import bulk_import, hsds_import


def _audit(actor, kind: str, filename: str, report: ImportReport, **details) -> None:
    record_event(
        actor,
        Action.IMPORT,
        object_type="directory.activity",
        kind=kind,
        file=filename[:200],
        via="admin-import",
        summary=report.summary()[:500],
        **details,
    )


class BulkForm(forms.Form):
    file = UploadField(
        accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        label=_("CSV or XLSX file"),
        help_text=_("The first row names the columns (extern_id, gemeente, titel, …). At most 20 MB."),
    )


def run_bulk(data: dict, actor) -> ImportReport:
    upload = data["file"]
    content = read_upload(upload, bulk_import.MAX_BYTES)
    with transaction.atomic():
        report = bulk_import.import_activities(content, upload.name, actor=actor)
        _audit(actor, "sociale-kaart", upload.name, report)
    return report


class HSDSForm(forms.Form):
    file = UploadField(
        accept=".json,application/json",
        label=_("HSDS 3.0 JSON document"),
        help_text=_("One object, a list, or a page with 'contents'. At most 50 MB."),
    )
    municipality = forms.ModelChoiceField(
        Municipality.objects.order_by("name"),
        label=_("Municipality"),
        help_text=_("For services that name no municipality (GM code) in their service areas."),
    )
    publish = forms.BooleanField(
        label=_("Publish at once"),
        required=False,
        help_text=_("Without this, new entries wait for moderation."),
    )


def run_hsds(data: dict, actor) -> ImportReport:
    upload = data["file"]
    try:
        document = load_json(
            read_upload(upload, hsds_import.MAX_BYTES), max_bytes=hsds_import.MAX_BYTES, max_depth=hsds_import.MAX_DEPTH
        )
    except FileProblem as problem:
        raise hsds_import.HSDSImportError(f"Het bestand {upload.name}: {problem.message}.") from None
    municipality = data["municipality"]
    with transaction.atomic():
        report = hsds_import.import_document(document, municipality, publish=data["publish"])
        _audit(actor, "hsds", upload.name, report, municipality=municipality.statcode)
    return report


def register() -> None:
    register_importer(
        Importer(
            key="sociale-kaart",
            label=_("Activities from a CSV or XLSX file"),
            description=_(
                "Activities of the sociale kaart, one per row, with their organisation and place. Rows are matched "
                "on municipality and external id, so the same file twice changes nothing."
            ),
            form=BulkForm,
            run=run_bulk,
            order=10,
        )
    )
    register_importer(
        Importer(
            key="hsds",
            label=_("An HSDS 3.0 document"),
            description=_(
                "Organisations, places and services in the Human Services Data Specification. Fields that have no "
                "place here are reported as skipped."
            ),
            form=HSDSForm,
            run=run_hsds,
            order=20,
        )
    )
