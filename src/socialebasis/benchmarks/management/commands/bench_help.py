"""`make bench-help`: burenhulp matching at national scale on PostgreSQL (issue 13 point 10, docs/performance.md).

Builds (once, or again with --rebuild) 342 synthetic municipalities with their help settings and categories,
200,000 volunteers and 50,000 open requests in a database whose name must end in "_bench", scattered unevenly
(a few large municipalities, many small ones) around each municipality's point. Then times the two matching reads
as the pages and API call them: the suggestions for a request (`selectors.suggestions_for`, after reading the
request as the API does) and the open requests near a volunteer (`selectors.nearby_requests`), and replays the SQL
each call sent on the same connection, printing p50/p95 of both and the ratio of the p95s.
"""

import random
import statistics
import time

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from socialebasis.areas.models import Municipality
from socialebasis.benchmarks.management.commands.bench_directory import Command as DirectoryBench
from socialebasis.benchmarks.management.commands.bench_directory import percentile
from socialebasis.neighbourhelp import selectors
from socialebasis.neighbourhelp.models import HelpCategory, HelpRequest, HelpSettings, VolunteerProfile
from socialebasis.neighbourhelp.presets import COMMON
from socialebasis.neighbourhelp.vocabulary import ALL_PARTS, SKILL_BITS

MUNICIPALITIES = 342
BATCH = 10_000


class Command(BaseCommand):
    help = "Build 200,000 volunteers and 50,000 open requests in a *_bench database and time burenhulp matching."
    requires_system_checks = []
    requires_migrations_checks = False

    def add_arguments(self, parser):
        parser.add_argument("--volunteers", type=int, default=200_000)
        parser.add_argument("--requests", type=int, default=50_000)
        parser.add_argument("--calls", type=int, default=400, help="Timed calls of each read.")
        parser.add_argument("--seed", type=int, default=20261128)
        parser.add_argument("--rebuild", action="store_true")

    def handle(self, volunteers, requests, calls, seed, rebuild, **options):
        database = settings.DATABASES["default"]
        if database["ENGINE"] != "django.db.backends.postgresql" or not database["NAME"].endswith("_bench"):
            raise CommandError("Run this against a PostgreSQL database whose name ends in _bench (make bench-help).")
        DirectoryBench._create_database(self, database)
        call_command("migrate", verbosity=0)
        built = VolunteerProfile.objects.count() == volunteers and HelpRequest.objects.count() == requests
        if rebuild or not built:
            self._build(volunteers, requests, seed)
        self._measure(calls, seed)

    def _build(self, volunteers: int, requests: int, seed: int) -> None:
        started = time.perf_counter()
        rng = random.Random(seed)
        user_model = get_user_model()
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute(
                    "TRUNCATE neighbourhelp_message, neighbourhelp_contactconsent, neighbourhelp_followup, "
                    "neighbourhelp_report, neighbourhelp_match, neighbourhelp_helprequest, neighbourhelp_helpoffer, "
                    "neighbourhelp_volunteerprofile, neighbourhelp_helpcategory, neighbourhelp_helpsettings CASCADE"
                )
            user_model.objects.filter(username__startswith="bench-help-").delete()
            Municipality.objects.filter(statcode__startswith="GM9").delete()
            municipalities = Municipality.objects.bulk_create(
                Municipality(statcode=f"GM9{n:03d}", name=f"Benchgemeente {n}") for n in range(MUNICIPALITIES)
            )
            # A point per municipality inside the Netherlands' box; a size that follows a long tail (Pareto).
            centres = {m.pk: (rng.uniform(50.8, 53.4), rng.uniform(3.6, 7.1)) for m in municipalities}
            weights = [rng.paretovariate(1.2) for _ in municipalities]
            HelpSettings.objects.bulk_create(
                HelpSettings(municipality=m, name=m.name, mode="peer") for m in municipalities
            )
            categories = HelpCategory.objects.bulk_create(
                HelpCategory(municipality=m, key=key, name=name, bit=bit, skills=SKILL_BITS[skills[0]] if skills else 0)
                for m in municipalities
                for bit, (key, name, _v, _theme, skills) in enumerate(COMMON)
            )
            by_municipality = {}
            for category in categories:
                by_municipality.setdefault(category.municipality_id, []).append(category)

            def place(municipality):
                lat, lon = centres[municipality.pk]
                return {
                    "municipality_id": municipality.pk,
                    "postcode_area": "9999",
                    "latitude": lat + rng.gauss(0, 0.04),
                    "longitude": lon + rng.gauss(0, 0.06),
                    "is_demo": True,
                }

            people = [
                user_model(
                    username=f"bench-help-{n}",
                    password=UNUSABLE_PASSWORD_PREFIX,
                    email="",
                    role="volunteer" if n < volunteers else "resident",
                )
                for n in range(volunteers + requests)
            ]
            user_model.objects.bulk_create(people, batch_size=BATCH)
            ids = list(
                user_model.objects.filter(username__startswith="bench-help-")
                .order_by("pk")
                .values_list("pk", flat=True)
            )
            chosen = rng.choices(municipalities, weights=weights, k=volunteers + requests)
            VolunteerProfile.objects.bulk_create(
                (
                    VolunteerProfile(
                        user_id=ids[n],
                        categories=rng.getrandbits(len(COMMON)) | 1,
                        skills=rng.getrandbits(len(SKILL_BITS)),
                        parts=rng.getrandbits(21),
                        max_km=rng.choice([2, 5, 5, 10, 15]),
                        languages=["nl"],
                        open_matches=rng.choice([0, 0, 0, 1, 2]),
                        **place(chosen[n]),
                    )
                    for n in range(volunteers)
                ),
                batch_size=BATCH,
            )
            HelpRequest.objects.bulk_create(
                (
                    HelpRequest(
                        owner_id=ids[n],
                        category=rng.choice(by_municipality[chosen[n].pk]),
                        text="Bench",
                        when="flexible",
                        parts=rng.choice([ALL_PARTS, rng.getrandbits(21)]),
                        status="open",
                        **place(chosen[n]),
                    )
                    for n in range(volunteers, volunteers + requests)
                ),
                batch_size=BATCH,
            )
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        self.stdout.write(f"opgebouwd in {time.perf_counter() - started:.0f} s")

    def _timed(self, call) -> tuple[float, float]:
        """(ms of the call, ms of its SQL replayed with cursor.execute on the same connection)."""
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            call()
            took = (time.perf_counter() - started) * 1000
        statements = [q["sql"] for q in captured.captured_queries]
        started = time.perf_counter()
        with connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)
                cursor.fetchall()
        return took, (time.perf_counter() - started) * 1000

    def _measure(self, calls: int, seed: int) -> None:
        rng = random.Random(seed + 1)
        request_ids = list(HelpRequest.objects.filter(status="open").values_list("pk", flat=True))
        profile_ids = list(VolunteerProfile.objects.values_list("pk", flat=True))
        results = {"suggestions": ([], []), "nearby requests": ([], [])}

        def suggestions(pk):
            request = HelpRequest.objects.select_related("category", "municipality").get(pk=pk)
            return selectors.suggestions_for(request)

        def nearby(pk):
            profile = VolunteerProfile.objects.select_related("user").get(pk=pk)
            return selectors.nearby_requests(profile, profile.user)

        for _warm in range(20):
            suggestions(rng.choice(request_ids))
            nearby(rng.choice(profile_ids))
        sizes = []
        for _ in range(calls):
            pk = rng.choice(request_ids)
            took, replay = self._timed(lambda pk=pk: sizes.append(len(suggestions(pk))))
            results["suggestions"][0].append(took)
            results["suggestions"][1].append(replay)
            pk = rng.choice(profile_ids)
            took, replay = self._timed(lambda pk=pk: nearby(pk))
            results["nearby requests"][0].append(took)
            results["nearby requests"][1].append(replay)
        self.stdout.write(
            f"{VolunteerProfile.objects.count()} vrijwilligers, {HelpRequest.objects.count()} open hulpvragen; "
            f"gemiddeld {statistics.mean(sizes):.1f} suggesties per vraag"
        )
        self.stdout.write(f"{'':<18} {'n':>4} {'p50':>9} {'p95':>9} {'SQL p50':>9} {'SQL p95':>9} {'ratio':>6}")
        for label, (timed, replayed) in results.items():
            ratio = percentile(timed, 0.95) / percentile(replayed, 0.95)
            self.stdout.write(
                f"{label:<18} {len(timed):>4} {percentile(timed, 0.5):>7.1f}ms {percentile(timed, 0.95):>7.1f}ms "
                f"{percentile(replayed, 0.5):>7.1f}ms {percentile(replayed, 0.95):>7.1f}ms {ratio:>6.2f}"
            )
