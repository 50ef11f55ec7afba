from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from socialebasis.areas.models import Municipality
from socialebasis.core.dates import DUTCH_MESSAGE, in_window

from ... import services
from ...document import FrameworkDocumentError


def _date(value: str) -> date:
    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"--valid-from: '{value}' is geen datum; gebruik JJJJ-MM-DD.") from None
    if not in_window(day):
        raise CommandError(f"--valid-from: {day.isoformat()}: {DUTCH_MESSAGE}.")
    return day


class Command(BaseCommand):
    help = (
        "Import a framework document (JSON, the export format) as a new version of a municipality's framework. "
        "The document may come from another municipality, for example a preset: its municipality fields are "
        "replaced. The whole document is checked first; a wrong document changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="The JSON document.")
        parser.add_argument("--municipality", required=True, metavar="GMxxxx", help="CBS code of the municipality.")
        parser.add_argument("--valid-from", type=_date, default=None, help="First day it applies (default today).")
        parser.add_argument("--note", default="", help="Why this version was made.")

    def handle(self, path, municipality, valid_from, note, **options):
        target = Municipality.objects.filter(statcode=municipality).first()
        if target is None:
            raise CommandError(f"Gemeente {municipality} is onbekend; importeer eerst de gemeenten.")
        try:
            document = services.read_document(path)
            result = services.import_document(
                target,
                document,
                valid_from=valid_from,
                note=note or f"Geïmporteerd uit {path.name}",
                via="import_framework",
            )
        except services.FrameworkFileError as exc:
            raise CommandError(str(exc)) from None
        except FrameworkDocumentError as exc:
            lines = "\n".join(f"  - {field}: {message}" for field, message in exc.errors)
            raise CommandError(f"{path} is geen geldig kader; er is niets opgeslagen.\n{lines}") from None
        if result.created:
            self.stdout.write(f"kader {municipality}: versie {result.version.number} opgeslagen")
        else:
            self.stdout.write(f"kader {municipality}: ongewijzigd, blijft versie {result.version.number}")
