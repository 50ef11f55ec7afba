from django.core.management.base import BaseCommand, CommandError

from socialebasis.indicators import odata


class Command(BaseCommand):
    help = (
        "Import CBS Kerncijfers wijken en buurten (for example 85618NED for 2023) from the CBS OData API "
        "(settings.CBS_ODATA_URL) for the given municipalities. Idempotent."
    )

    def add_arguments(self, parser):
        parser.add_argument("table", help="CBS table id, for example 85618NED")
        parser.add_argument("municipalities", nargs="+", help="CBS municipality codes, for example GM0797")
        parser.add_argument("--recorded", help="Answer from a recorded response file instead of the network.")

    def handle(self, table, municipalities, recorded, **options):
        session = odata.RecordedSession(recorded) if recorded else None
        try:
            report = odata.import_kwb(table, municipalities, session=session)
        except odata.ODataError as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(f"{table}: {report.summary()}")
