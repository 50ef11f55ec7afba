"""The data set and the requests of `make bench-pages` / `make bench-load` (ADR 0038); run by scripts/bench_pages.py.

Builds the national-scale data set once in a PostgreSQL database whose name ends in `_bench` (again with
--rebuild), then writes a JSON file with the paths to request per page and, with --staff N, N prepared staff
sessions for the load run.
"""

import json
import time

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from socialebasis.benchmarks import pages_data


class Command(BaseCommand):
    help = "Build the page benchmark's data set in a *_bench database and write the requests to send as JSON."
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("--activities", type=int, default=1_000_000)
        parser.add_argument(
            "--profile-areas", type=int, default=pages_data.bench_profiles.TARGET_AREAS, help="Areas with figures."
        )
        parser.add_argument("--rebuild", action="store_true", help="Build the data again even if present.")
        parser.add_argument("--sample", type=int, default=200, help="Paths per page.")
        parser.add_argument("--staff", type=int, default=0, help="Prepared staff sessions for the load run.")
        parser.add_argument("--out", required=True, help="Where to write the JSON.")

    def handle(self, activities, profile_areas, rebuild, sample, staff, out, **options):
        database = settings.DATABASES["default"]
        if database["ENGINE"] != "django.db.backends.postgresql" or not database["NAME"].endswith("_bench"):
            raise CommandError("Run this against a PostgreSQL database whose name ends in _bench (make bench-pages).")
        call_command("migrate", verbosity=0)
        if rebuild or not pages_data.is_built(activities):
            started = time.perf_counter()
            pages_data.build(self.stdout, activities, profile_areas)
            self.stdout.write(f"gegevens opgebouwd in {time.perf_counter() - started:.1f} s")
        plan = {"paths": pages_data.sample(sample), "staff": pages_data.staff_sessions(staff)}
        with open(out, "w") as target:
            json.dump(plan, target)
