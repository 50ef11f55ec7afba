from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from socialebasis.directory.bulk_import import BulkImportError, import_file


class Command(BaseCommand):
    help = "Import activities from a CSV or XLSX file (template: docs/sociale-kaart-import.md). All or nothing."

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)
        parser.add_argument(
            "--partial", action="store_true", help="Import the valid rows and report the others (not all or nothing)."
        )

    def handle(self, path, partial, **options):
        try:
            report = import_file(path, partial=partial)
        except BulkImportError as exc:
            raise CommandError("Er is niets geïmporteerd:\n" + str(exc)) from None
        for error in report.skipped:
            self.stderr.write(f"overgeslagen: {error}")
        self.stdout.write(report.summary())
