from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from socialebasis.health import services


class Command(BaseCommand):
    help = "Store the positive-health figures of a closed year (default: last year) as indicator values."

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, help="A year that is over.")

    def handle(self, year=None, **options):
        year = year or timezone.localdate().year - 1
        try:
            report = services.publish_period(year)
        except services.HealthError as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(report.summary() if report else f"Geen bijdragen in {year}.")
