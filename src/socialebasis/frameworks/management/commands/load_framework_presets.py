from django.core.management.base import BaseCommand, CommandError

from ... import services
from ...document import FrameworkDocumentError


def load_and_report(stdout, codes=None) -> None:
    try:
        results = services.load_presets(codes)
    except services.FrameworkFileError as exc:
        raise CommandError(str(exc)) from None
    except FrameworkDocumentError as exc:
        raise CommandError(f"Voorinstelling ongeldig: {exc}") from None
    for code, result in results:
        state = "nieuwe versie" if result.created else "ongewijzigd"
        stdout.write(f"kader {code}: versie {result.version.number} ({state})")


class Command(BaseCommand):
    help = (
        "Load the shipped local frameworks of the seed municipalities (presets/GM*.json). Loading again adds "
        "no version unless a preset changed."
    )

    def add_arguments(self, parser):
        parser.add_argument("codes", nargs="*", metavar="GMxxxx", help="Only these municipalities.")

    def handle(self, codes, **options):
        load_and_report(self.stdout, codes or None)
