"""`make bench-directory`: national-scale search benchmark on PostgreSQL (issue 4 point 7, docs/performance.md).

Builds (once, or again with --rebuild) a synthetic directory in a separate database whose name must end in
"_bench", then times a mix of search API calls in-process (Django's test client through the whole middleware
and DRF stack) and the raw SQL those same calls sent, replayed on the same connection, and prints p50/p95 of
both and the ratio of the p95s.
"""

import statistics
import time
from collections import defaultdict

import psycopg
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext

from socialebasis.areas.models import District, Municipality, Neighbourhood
from socialebasis.benchmarks import directory_data as bench
from socialebasis.directory.models import Activity, Synonym

INDEX_SQL = {
    "directory_activity_search_gin": "CREATE INDEX {name} ON directory_activity USING gin (search_vector)",
    "directory_activity_title_trgm": "CREATE INDEX {name} ON directory_activity USING gin (title gin_trgm_ops)",
    "directory_activity_point_gist": (
        "CREATE INDEX {name} ON directory_activity USING gist (point(longitude, latitude))"
    ),
}


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


class Command(BaseCommand):
    help = "Build a national-scale synthetic sociale kaart in a *_bench PostgreSQL database and time the search."
    requires_system_checks = []
    requires_migrations_checks = False

    def add_arguments(self, parser):
        parser.add_argument("--activities", type=int, default=1_000_000)
        parser.add_argument("--queries", type=int, default=500, help="Search API calls in the timed mix.")
        parser.add_argument("--seed", type=int, default=20261122)
        parser.add_argument("--rebuild", action="store_true", help="Build the data again even if present.")

    def handle(self, activities, queries, seed, rebuild, **options):
        database = settings.DATABASES["default"]
        if database["ENGINE"] != "django.db.backends.postgresql" or not database["NAME"].endswith("_bench"):
            raise CommandError(
                "Run this against a PostgreSQL database whose name ends in _bench, e.g. "
                "DATABASE_URL=postgres://postgres@127.0.0.1:5432/socialebasis_bench (make bench-directory)."
            )
        self._create_database(database)
        call_command("migrate", verbosity=0)
        if rebuild or Activity.objects.count() != activities:
            self._build(activities, seed)
        self._measure(queries, seed)

    def _create_database(self, database):
        params = {"host": database["HOST"] or None, "port": database["PORT"] or None, "user": database["USER"]}
        if database.get("PASSWORD"):
            params["password"] = database["PASSWORD"]
        with psycopg.connect(dbname="postgres", autocommit=True, **params) as admin:
            exists = admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [database["NAME"]]).fetchone()
            if not exists:
                admin.execute(f'CREATE DATABASE "{database["NAME"]}"')  # name checked above: ends in _bench
                self.stdout.write(f"database {database['NAME']} aangemaakt")

    def _build(self, count: int, seed: int, municipalities: int | None = None) -> None:
        """`municipalities`: only the first so many (the page benchmark's test builds a small set)."""
        started = time.perf_counter()
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute(
                    "TRUNCATE directory_activity, directory_meetingplace, directory_organisation, "
                    "areas_neighbourhood, areas_ownarea_districts, areas_ownarea_neighbourhoods, areas_ownarea, "
                    "areas_areadivision, areas_district, areas_municipality CASCADE"
                )
            cells = bench.municipality_cells()[:municipalities]
            municipalities = Municipality.objects.bulk_create(
                [Municipality(statcode=c[0], name=c[1], boundary_year=2023) for c in cells]
            )
            district_objects, district_cells = [], []
            for municipality, cell in zip(municipalities, cells, strict=True):
                for district_cell in bench.district_cells(cell):
                    district_objects.append(
                        District(statcode=district_cell[0], year=2023, name=district_cell[1], municipality=municipality)
                    )
                    district_cells.append(district_cell)
            districts = District.objects.bulk_create(district_objects, batch_size=2000)
            neighbourhoods = []
            for index, district in enumerate(districts):
                for part in range(4 + (index % 4 == 0)):
                    code = f"BU{district.statcode[2:]}{part:02d}"
                    neighbourhoods.append(
                        Neighbourhood(statcode=code, year=2023, name=f"Buurt {part + 1}", district=district)
                    )
            Neighbourhood.objects.bulk_create(neighbourhoods, batch_size=5000)
            Synonym.objects.get_or_create(term="buurthuis", defaults={"alternatives": "wijkcentrum, dorpshuis"})
            by_municipality = defaultdict(list)
            for district, district_cell in zip(districts, district_cells, strict=True):
                by_municipality[district.municipality_id].append((district.pk, district.name, district_cell))
            municipality_list = [(m.pk, c) for m, c in zip(municipalities, cells, strict=True)]
            with connection.cursor() as cursor:
                for name in INDEX_SQL:
                    cursor.execute(f"DROP INDEX IF EXISTS {name}")
            loaded = time.perf_counter()
            raw = connection.connection
            statement = f"COPY directory_activity ({bench.ACTIVITY_COLUMNS}) FROM STDIN"
            with connection.cursor() as cursor:
                # Benchmark data only: skip the per-row foreign-key triggers; the generator's ids are correct.
                cursor.execute("SET LOCAL session_replication_role = replica")
            with raw.cursor() as cursor, cursor.copy(statement) as copy:
                for row in bench.activity_rows(count, municipality_list, by_municipality, seed):
                    copy.write_row(row)
        # Indexes after the commit: the COPY leaves deferred foreign-key checks that CREATE INDEX may not follow.
        copied = time.perf_counter()
        with connection.cursor() as cursor:
            for name, sql in INDEX_SQL.items():
                cursor.execute(sql.format(name=name))
        # Outside any transaction: set the hint bits and the visibility map once, as autovacuum would.
        with connection.cursor() as cursor:
            cursor.execute("VACUUM (ANALYZE) directory_activity")
            cursor.execute("ANALYZE")
        done = time.perf_counter()
        self.stdout.write(
            f"opgebouwd: {len(municipalities)} gemeenten, {len(districts)} wijken, {len(neighbourhoods)} buurten, "
            f"{count:,} activiteiten; COPY {copied - loaded:.1f} s, indexen {done - copied:.1f} s, "
            f"totaal {done - started:.1f} s"
        )

    def _measure(self, count: int, seed: int) -> None:
        cells = bench.municipality_cells()
        mix = bench.query_mix(count, cells, seed)
        client = Client()
        raw = connection.connection
        # Warm up: every query once, which also captures the SQL each API call sends.
        statements = []
        for _label, params in mix:
            with CaptureQueriesContext(connection) as captured:
                response = client.get("/api/v1/activities", params)
            if response.status_code != 200:
                raise CommandError(f"{params}: HTTP {response.status_code} {response.content[:300]!r}")
            statements.append([q["sql"] for q in captured.captured_queries])
        api, sql = defaultdict(list), defaultdict(list)
        hits = []
        for (label, params), queries in zip(mix, statements, strict=True):
            started = time.perf_counter()
            response = client.get("/api/v1/activities", params)
            api[label].append((time.perf_counter() - started) * 1000)
            hits.append(response.json()["count"])
            started = time.perf_counter()
            with raw.cursor() as cursor:
                for statement in queries:
                    cursor.execute(statement)
                    cursor.fetchall()
            sql[label].append((time.perf_counter() - started) * 1000)
        self.stdout.write(f"\n{len(mix)} zoekvragen via GET /api/v1/activities (in-process, persistent connection)")
        self.stdout.write(
            f"{'mix':<20} {'n':>4} {'API p50':>9} {'API p95':>9} {'SQL p50':>9} {'SQL p95':>9} {'ratio':>6}"
        )
        for label in [*api, "all"]:
            a = [v for values in api.values() for v in values] if label == "all" else api[label]
            s = [v for values in sql.values() for v in values] if label == "all" else sql[label]
            ratio = percentile(a, 0.95) / percentile(s, 0.95)
            self.stdout.write(
                f"{label:<20} {len(a):>4} {percentile(a, 0.5):>7.1f}ms {percentile(a, 0.95):>7.1f}ms "
                f"{percentile(s, 0.5):>7.1f}ms {percentile(s, 0.95):>7.1f}ms {ratio:>6.2f}"
            )
        self.stdout.write(f"resultaten per zoekvraag: mediaan {statistics.median(hits):.0f}, max {max(hits)}")
