from datetime import date

from django.core.management.base import BaseCommand, CommandError

from socialebasis.profiles import registrations


class Command(BaseCommand):
    help = (
        "Store the sociale kaart's public activities and meeting places per wijk and municipality as indicator "
        "values of this year (counts, and per 1,000 residents where CBS residents are loaded). Run it again to "
        "replace this year's figures; a yearly run gives the trend."
    )

    def add_arguments(self, parser):
        parser.add_argument("--date", help="Count as on this date (YYYY-MM-DD); default today. Sets the year.")

    def handle(self, **options):
        text = options["date"]
        try:
            on = date.fromisoformat(text) if text else None
        except ValueError:
            raise CommandError(f"'{text}' is geen datum als 2026-01-31.") from None
        report = registrations.snapshot(on)
        if report is None:
            raise CommandError("De sociale kaart is niet geïnstalleerd: er is niets te tellen.")
        self.stdout.write(f"eigen registraties: {report.summary()}")
