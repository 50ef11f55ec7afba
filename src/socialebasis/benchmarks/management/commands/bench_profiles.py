"""Benchmark of the wijk profiles at national scale (make bench-profiles; docs/performance.md, "## Profiles").

Builds ~17,000 areas x 40 indicators x 10 years of synthetic values (deterministic seed) with COPY in a separate
PostgreSQL database whose name ends in `_bench`, then times (1) a full recompute of all profile summaries
(comparisons with municipality and country, verdicts = strengths and concerns, trends), (2) the profile API
in-process through Django's test client, and (3) a plain SQL aggregate over the same values, the "physical
limit" side of the ratio. Prints figures; asserts nothing.
"""

import io
import random
import statistics
import time

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import Client

SEED = 20261122
YEARS = list(range(2015, 2025))
INDICATORS = 40
MUNICIPALITIES = 342
DISTRICTS_PER_MUNICIPALITY = 9  # 3,078 wijken
NEIGHBOURHOODS_PER_DISTRICT = 4  # 12,312 buurten; with NL and the GM rows: ~15,700 areas, plus spare buurten
TARGET_AREAS = 17_000
DIVISION_YEAR = 2023


def _create_database(name: str) -> None:
    import psycopg

    db = settings.DATABASES["default"]
    params = {"host": db.get("HOST") or "127.0.0.1", "port": db.get("PORT") or 5432, "user": db.get("USER")}
    with psycopg.connect(dbname="postgres", autocommit=True, **params) as admin:
        exists = admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            admin.execute(f'CREATE DATABASE "{name}"')


class Command(BaseCommand):
    help = "Benchmark profile recompute and the profile API on ~17,000 areas x 40 indicators x 10 years."

    def add_arguments(self, parser):
        parser.add_argument("--rebuild", action="store_true", help="Build the synthetic data again.")
        parser.add_argument("--requests", type=int, default=300, help="Profile API requests to time.")

    def handle(self, rebuild, requests, **options):
        db = settings.DATABASES["default"]
        if connection.vendor != "postgresql" or not str(db["NAME"]).endswith("_bench"):
            raise CommandError("Run this on PostgreSQL in a database whose name ends in _bench (make bench-profiles).")
        _create_database(db["NAME"])
        call_command("migrate", verbosity=0)
        from socialebasis.indicators.models import IndicatorValue

        expected = None
        if rebuild or not IndicatorValue.objects.exists():
            started = time.perf_counter()
            expected = self._build()
            self.stdout.write(f"built {expected:,} values in {time.perf_counter() - started:.1f} s (seed {SEED})")
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
            cursor.execute("SELECT count(*), count(DISTINCT area_id) FROM indicators_indicatorvalue")
            values, areas = cursor.fetchone()
        self.stdout.write(f"data: {values:,} values over {areas:,} areas, {INDICATORS} indicators, {len(YEARS)} years")
        self._time_all(requests)

    # Building ------------------------------------------------------------------------------------------------

    def _build(self, reuse_areas: bool = False, target_areas: int = TARGET_AREAS) -> int:
        """The synthetic values; with `reuse_areas` the municipalities and wijken already there (the directory's,
        for `make bench-pages`) get the figures instead of new ones, so the rows that refer to them stay."""
        from socialebasis.areas.models import District, Municipality
        from socialebasis.indicators.models import Area, ImportRun, Indicator, Source
        from socialebasis.profiles.models import ProfileSummary

        rng = random.Random(SEED)
        tables = [
            ProfileSummary._meta.db_table,
            "indicators_indicatorvalue",
            "indicators_importrun",
            "indicators_area",
            "indicators_indicator",
            "indicators_source",
        ]
        with connection.cursor() as cursor:
            for table in tables if reuse_areas else [*tables, "areas_district", "areas_municipality"]:
                cursor.execute(f"TRUNCATE {table} CASCADE")
        source = Source.objects.create(key="bench", name="Synthetisch", attribution="Bron: synthetische benchmark")
        run = ImportRun.objects.create(source=source, kind="bench", filename="bench")
        indicators = Indicator.objects.bulk_create(
            Indicator(
                key=f"bench_{i:02d}",
                label=f"Indicator {i}",
                source=source,
                unit="percent",
                higher_is_better=[True, False, None][i % 3],
                notable_difference=3.0,
                position=i,
            )
            for i in range(INDICATORS)
        )
        if reuse_areas:
            municipalities = list(Municipality.objects.order_by("statcode"))
            districts = list(District.objects.filter(year=DIVISION_YEAR).order_by("statcode"))
        else:
            municipalities = Municipality.objects.bulk_create(
                Municipality(statcode=f"GM{m:04d}", name=f"Gemeente {m}") for m in range(1, MUNICIPALITIES + 1)
            )
            districts = District.objects.bulk_create(
                District(statcode=f"WK{m.statcode[2:]}{d:02d}", year=DIVISION_YEAR, name=f"Wijk {d}", municipality=m)
                for m in municipalities
                for d in range(DISTRICTS_PER_MUNICIPALITY)
            )
        country = Area.objects.create(code="NL01", division_year=DIVISION_YEAR, level="land", name="Nederland")
        gm_areas = Area.objects.bulk_create(
            Area(
                code=m.statcode,
                division_year=DIVISION_YEAR,
                level="gemeente",
                name=m.name,
                municipality_code=m.statcode,
                country_area=country,
            )
            for m in municipalities
        )
        gm_by_code = {a.code: a for a in gm_areas}
        wk_areas = Area.objects.bulk_create(
            Area(
                code=d.statcode,
                division_year=DIVISION_YEAR,
                level="wijk",
                name=d.name,
                municipality_code="GM" + d.statcode[2:6],
                municipality_area=gm_by_code["GM" + d.statcode[2:6]],
                country_area=country,
                district=d,
            )
            for d in districts
        )
        remaining = max(0, target_areas - 1 - len(gm_areas) - len(wk_areas))
        per_district = remaining // len(wk_areas) + 1
        bu = []
        for w in wk_areas:
            for b in range(per_district):
                if len(bu) >= remaining:
                    break
                bu.append(
                    Area(
                        code=f"BU{w.code[2:]}{b:02d}",
                        division_year=DIVISION_YEAR,
                        level="buurt",
                        municipality_code=w.municipality_code,
                        municipality_area=w.municipality_area,
                        country_area=country,
                    )
                )
        bu_areas = Area.objects.bulk_create(bu, batch_size=5000)
        all_areas = [country, *gm_areas, *wk_areas, *bu_areas]
        base = {ind.pk: rng.uniform(10, 70) for ind in indicators}
        buffer = io.StringIO()
        count = 0
        for area in all_areas:
            offset = rng.gauss(0, 4)
            for ind in indicators:
                level = base[ind.pk] + offset + rng.gauss(0, 2)
                drift = rng.uniform(-0.4, 0.4)
                for i, year in enumerate(YEARS):
                    missing = rng.random() < 0.03  # about 3 % not published
                    value = "\\N" if missing else f"{max(0.0, level + drift * i + rng.gauss(0, 0.5)):.1f}"
                    buffer.write(f"{ind.pk}\t{area.pk}\t{year}\t\t{value}\t{run.pk}\t\n")
                    count += 1
        buffer.seek(0)
        with connection.cursor() as cursor:
            cursor.execute("DROP INDEX IF EXISTS value_by_area")
            # The synthetic rows reference rows made just above: skip the per-row foreign-key triggers.
            cursor.execute("SET session_replication_role = replica")
            with cursor.copy(
                'COPY indicators_indicatorvalue (indicator_id, area_id, year, "group", value, import_run_id, '
                "source_ref) FROM STDIN"
            ) as copy:
                while chunk := buffer.read(8 << 20):
                    copy.write(chunk)
            cursor.execute("SET session_replication_role = DEFAULT")
            cursor.execute(
                'CREATE INDEX value_by_area ON indicators_indicatorvalue (area_id, indicator_id, "group", year)'
            )
        return count

    # Timing --------------------------------------------------------------------------------------------------

    def _ensure_norms(self) -> None:
        """Four minimum standards per municipality, as a policy officer would set them (made once)."""
        from socialebasis.areas.models import Municipality
        from socialebasis.indicators.models import Indicator
        from socialebasis.profiles.models import Norm, NormKind

        if Norm.objects.exists():
            return
        indicators = list(Indicator.objects.order_by("position")[:3])
        kinds = [(NormKind.AT_MOST, 60.0), (NormKind.ABOVE_MUNICIPALITY, 5.0), (NormKind.BELOW_COUNTRY, 5.0)]
        norms = []
        for municipality in Municipality.objects.all():
            for position, (indicator, (kind, threshold)) in enumerate(zip(indicators, kinds, strict=True)):
                norms.append(
                    Norm(
                        municipality=municipality,
                        title=f"{kind} {indicator.key}",
                        kind=kind,
                        indicator=indicator,
                        threshold=threshold,
                        position=position,
                    )
                )
            norms.append(
                Norm(
                    municipality=municipality,
                    title="Ontmoetingsplek binnen",
                    kind=NormKind.REGISTRATION,
                    registration="meeting_place_indoor",
                    threshold=1,
                    position=3,
                )
            )
        Norm.objects.bulk_create(norms)

    def _time_all(self, requests: int) -> None:
        from socialebasis.areas.models import District, Municipality
        from socialebasis.profiles import norms, summaries

        self._ensure_norms()
        recompute, checking = [], []
        for _ in range(3):
            started = time.perf_counter()
            count = summaries.recompute()
            summarised = time.perf_counter()
            overview = norms.overview(list(Municipality.objects.all()))
            recompute.append(time.perf_counter() - started)
            checking.append(time.perf_counter() - summarised)
        checks = sum(len(line.checks) for lines in overview.values() for line in lines)
        below = sum(line.failed for lines in overview.values() for line in lines)
        plain = []
        for _ in range(3):
            started = time.perf_counter()
            with connection.cursor() as cursor:
                cursor.execute(
                    'SELECT area_id, indicator_id, "group", max(year), min(year), avg(value) '
                    "FROM indicators_indicatorvalue WHERE value IS NOT NULL GROUP BY 1, 2, 3"
                )
                cursor.fetchall()
            plain.append(time.perf_counter() - started)
        codes = list(District.objects.values_list("statcode", flat=True))
        rng = random.Random(SEED)
        client = Client(HTTP_HOST="127.0.0.1")
        client.get(f"/api/v1/districts/{codes[0]}/profile")  # warm-up
        latencies = []
        for code in rng.choices(codes, k=requests):
            started = time.perf_counter()
            response = client.get(f"/api/v1/districts/{code}/profile")
            latencies.append((time.perf_counter() - started) * 1000)
            if response.status_code != 200:
                raise CommandError(f"{code}: HTTP {response.status_code}")
        latencies.sort()
        p50 = statistics.median(latencies)
        p95 = latencies[int(0.95 * (len(latencies) - 1))]
        median_recompute, median_plain = statistics.median(recompute), statistics.median(plain)
        self.stdout.write(
            f"summaries: {count:,} (wijk x indicator x group); norm checks: {checks:,}, {below:,} not met"
        )
        self.stdout.write(
            f"full recompute (summaries + every wijk's norm checks): median {median_recompute:.2f} s of 3 "
            f"({', '.join(f'{t:.2f}' for t in recompute)}), of which norm checks {statistics.median(checking):.2f} s"
            f"  target <= 10 s"
        )
        self.stdout.write(f"plain SQL aggregate (GROUP BY area, indicator, group): median {median_plain:.2f} s")
        self.stdout.write(f"ratio recompute / plain aggregate: {median_recompute / median_plain:.1f}x")
        self.stdout.write(
            f"profile API ({requests} requests, in-process test client): p50 {p50:.1f} ms, p95 {p95:.1f} ms"
            f"  target p95 <= 100 ms"
        )
