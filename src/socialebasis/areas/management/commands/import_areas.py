from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from socialebasis.areas import services


class Command(BaseCommand):
    help = (
        "Import CBS boundaries (GeoJSON) of municipalities or districts, or a municipality's own division "
        "(JSON). All or nothing: a bad file changes nothing and the message names the feature."
    )

    def add_arguments(self, parser):
        parser.add_argument("kind", choices=["municipalities", "districts", "own-division"])
        parser.add_argument("path", type=Path)
        parser.add_argument("--year", type=int, help="CBS division year (default: from the file).")

    def handle(self, kind, path, year, **options):
        importer = {
            "municipalities": lambda: services.import_municipality_boundaries(path, year),
            "districts": lambda: services.import_district_boundaries(path, year),
            "own-division": lambda: services.import_own_division(path),
        }[kind]
        try:
            report = importer()
        except services.AreaImportError as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(self.style.SUCCESS(f"{path.name}: {report.summary()}"))
