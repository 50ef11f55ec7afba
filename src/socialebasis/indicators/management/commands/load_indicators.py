from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from socialebasis.indicators import services

DATA_DIR = settings.BASE_DIR / "data"


class Command(BaseCommand):
    help = (
        "Import the shipped indicator data (CBS/RIVM 50090NED health table, the seed documents' figures). "
        "Idempotent: running it again changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("--health", default=str(DATA_DIR / "cbs" / "gezondheid_wijk_buurt_50090NED_4gemeenten.csv"))
        parser.add_argument("--seed-figures", default=str(DATA_DIR / "seed_figures.csv"))

    def handle(self, health, seed_figures, **options):
        try:
            self.stdout.write(f"gezondheid (50090NED): {services.import_health_table(health).summary()}")
            self.stdout.write(f"cijfers uit de beleidsvisies: {services.import_seed_figures(seed_figures).summary()}")
        except services.IndicatorImportError as exc:
            raise CommandError(str(exc)) from None
