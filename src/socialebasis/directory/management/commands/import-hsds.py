from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from socialebasis.directory.hsds_import import HSDSImportError, import_path


class Command(BaseCommand):
    help = (
        "Read an HSDS 3.0 JSON document (one object, a list, or a page with 'contents') into the sociale kaart "
        "and report what was skipped. New entries wait for moderation unless --publish is given."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)
        parser.add_argument(
            "--municipality", required=True, help="CBS code used when a service names no GM code in service_areas."
        )
        parser.add_argument("--publish", action="store_true", help="Publish the imported entries at once.")

    def handle(self, path, municipality, publish, **options):
        try:
            report = import_path(path, municipality, publish=publish)
        except HSDSImportError as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(report.summary())
