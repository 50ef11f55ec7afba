from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from socialebasis.indicators import services

DATA_DIR = settings.BASE_DIR / "data"
# CBS Kerncijfers wijken en buurten 2024 (85984NED): residents per municipality, wijk and buurt on 1 January 2024,
# the base of every rate per 1,000 residents. Shipped as files, so the demo needs no network.
KWB_TABLE, KWB_YEAR = "85984NED", 2024
KWB_FILES = [
    DATA_DIR / "cbs" / "kwb2024_85984NED_gemeente_wijk_basis.csv",
    DATA_DIR / "cbs" / "kwb2024_85984NED_buurt_inwoners.csv",
]


class Command(BaseCommand):
    help = (
        "Import the shipped indicator data (CBS/RIVM 50090NED health table, CBS Kerncijfers 2024 residents per wijk "
        "and buurt, the seed documents' figures). Idempotent: running it again changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("--health", default=str(DATA_DIR / "cbs" / "gezondheid_wijk_buurt_50090NED_4gemeenten.csv"))
        parser.add_argument("--seed-figures", default=str(DATA_DIR / "seed_figures.csv"))
        parser.add_argument("--kwb", nargs="*", default=[str(p) for p in KWB_FILES], help="CBS KWB 2024 files.")

    def handle(self, health, seed_figures, kwb, **options):
        try:
            self.stdout.write(f"gezondheid (50090NED): {services.import_health_table(health).summary()}")
            for path in kwb:
                report = services.import_kwb_file(path, table=KWB_TABLE, year=KWB_YEAR)
                self.stdout.write(f"kerncijfers ({KWB_TABLE}): {report.summary()}")
            self.stdout.write(f"cijfers uit de beleidsvisies: {services.import_seed_figures(seed_figures).summary()}")
        except services.IndicatorImportError as exc:
            raise CommandError(str(exc)) from None
