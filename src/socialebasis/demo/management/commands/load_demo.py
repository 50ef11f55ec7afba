import json

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from socialebasis.accounts import services as account_services
from socialebasis.areas import services as area_services
from socialebasis.areas.models import Municipality
from socialebasis.demo import burenhulp, health_and_surveys, initiatives, sociale_kaart, verhalen
from socialebasis.demo import policy as policy_demo
from socialebasis.profiles import services as profile_services

DATA_DIR = settings.BASE_DIR / "data"


class Command(BaseCommand):
    help = (
        "Load the four seed municipalities with real CBS areas, Heusden's own division, their local "
        "frameworks and demo accounts."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-accounts", action="store_true", help="Load areas only (allowed outside the demo settings)."
        )

    def handle(self, no_accounts, **options):
        steps = [
            (
                "gemeenten",
                area_services.import_municipality_boundaries,
                DATA_DIR / "cbs" / "cbs_gemeenten_2020_4gemeenten_wgs84.geojson",
            ),
            (
                "wijken",
                area_services.import_district_boundaries,
                DATA_DIR / "cbs" / "cbs_wijken_2023_4gemeenten_wgs84.geojson",
            ),
            (
                "eigen indeling Heusden",
                area_services.import_own_division,
                DATA_DIR / "own_divisions" / "GM0797-wijkgerichte-aanpak.json",
            ),
            (
                "postcodes (4 cijfers)",
                area_services.import_postcode_points,
                DATA_DIR / "geonames" / "pc4_geonames_4gemeenten.csv",
            ),
        ]
        for label, importer, path in steps:
            try:
                report = importer(path)
            except area_services.AreaImportError as exc:
                raise CommandError(str(exc)) from None
            self.stdout.write(f"{label}: {report.summary()}")
        # The four seed municipalities' local frameworks; unchanged presets add no new version.
        call_command("load_framework_presets", stdout=self.stdout)
        self._load_directory()
        # Stories and signals drawn from the seeds' examples, one completed story round in Oss (issue 14 point 9).
        counts = verhalen.load(DATA_DIR / "demo" / "verhalen-en-signalen.json")
        self.stdout.write("verhalen en signalen: " + ", ".join(f"{k} {v} nieuw" for k, v in counts.items()))
        # Health figures (CBS/RIVM 50090NED), the seed documents' figures and Heusden's ondergrens (issue 5).
        call_command("load_indicators", stdout=self.stdout)
        self._apply_norm_presets()
        # The sociale kaart's registrations per wijk as this year's indicator values (issue 5 point 2).
        call_command("snapshot_registrations", stdout=self.stdout)
        # Positive health: contributed self-checks and their published figures (issue 16 point 8).
        self.stdout.write(health_and_surveys.load_health())
        # Policy checks, the theory of change and social quality (issue 17 point 6), marked as demo.
        counts = policy_demo.load()
        self.stdout.write("beleid: " + ", ".join(f"{k} {v} nieuw" for k, v in counts.items()))
        if no_accounts:
            self.stdout.write(health_and_surveys.load_surveys())
            return
        try:
            accounts = json.loads((DATA_DIR / "demo" / "accounts.json").read_text(encoding="utf-8"))
            users = account_services.create_demo_accounts(accounts["accounts"])
        except account_services.DemoModeRequired as exc:
            raise CommandError(f"{exc} Gebruik --no-accounts buiten de demo.") from None
        self.stdout.write("demo-accounts: " + ", ".join(u.username for u in users))
        # The age-friendly survey "Vitaal ouder worden" (seed 003), partly entered from paper by the administrator.
        staff = next((u for u in users if u.username == "beheerder"), None)
        self.stdout.write(health_and_surveys.load_surveys(staff))
        # Burenhulp (issue 13 point 8): Heusden voor Elkaar (peer), Oss (moderated), with the demo accounts.
        counts = burenhulp.load()
        self.stdout.write("burenhulp: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
        # Initiatives, the two fund presets, a round of the Oss fund and the Heusden division (issue 15).
        counts = initiatives.load()
        self.stdout.write("initiatieven: " + ", ".join(f"{k} {v} nieuw" for k, v in counts.items()))

    def _apply_norm_presets(self):
        for municipality in Municipality.objects.all():
            if profile_services.preset_path(municipality) is None:
                continue
            try:
                added, present = profile_services.apply_preset(municipality)
            except profile_services.PresetError as exc:
                raise CommandError(str(exc)) from None
            self.stdout.write(f"ondergrenzen {municipality.statcode}: {added} nieuw, {present} al aanwezig")

    def _load_directory(self):
        # The sociale kaart's demo entries (issue 4 point 6); idempotent, keyed by external id.
        counts = sociale_kaart.load(DATA_DIR / "demo" / "sociale-kaart.json")
        self.stdout.write("sociale kaart: " + ", ".join(f"{k} {v} nieuw of gewijzigd" for k, v in counts.items()))
