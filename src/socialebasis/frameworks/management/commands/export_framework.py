import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from socialebasis.areas.models import Municipality

from ... import selectors
from ...document import canonical


class Command(BaseCommand):
    help = "Write a municipality's framework (the version in force, or --number) as a JSON document."

    def add_arguments(self, parser):
        parser.add_argument("--municipality", required=True, metavar="GMxxxx")
        parser.add_argument(
            "--number", type=int, default=None, help="A version number (default: the version in force)."
        )
        parser.add_argument("--output", type=Path, default=None, help="File to write; standard output if left out.")

    def handle(self, municipality, number, output, **options):
        target = Municipality.objects.filter(statcode=municipality).first()
        if target is None:
            raise CommandError(f"Gemeente {municipality} is onbekend.")
        version = selectors.version_in_force(target) if number is None else selectors.version_by_number(target, number)
        if version is None:
            which = f"versie {number} van het kader" if number else "kader dat nu geldt"
            raise CommandError(f"Gemeente {municipality} heeft geen {which}.")
        text = json.dumps(canonical(version.content), ensure_ascii=False, indent=2) + "\n"
        if output is None:
            self.stdout.write(text, ending="")
        else:
            output.write_text(text, encoding="utf-8")
            self.stdout.write(f"kader {municipality} versie {version.number} geschreven naar {output}")
