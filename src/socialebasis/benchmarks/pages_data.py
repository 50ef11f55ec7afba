"""The national-scale data set of `make bench-pages` and `make bench-load` (ADR 0038), from the two builders that
exist: the directory benchmark's (342 municipalities, 3,420 wijken, 1,000,000 activities) and the profile
benchmark's (17,000 areas x 40 indicators x 10 years, here on the directory's municipalities and wijken), plus what
the detail pages need and those builders leave out: meeting places and organisations with activities linked to
them, the profile summaries and the norms.

Also the requests the benchmark sends (`sample`) and the prepared staff sessions (`staff_sessions`). Nothing here
runs in the application.
"""

import random
import time
from datetime import timedelta
from importlib import import_module
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.db import connection, transaction
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from socialebasis.accounts.middleware import SESSION_LOGIN_AT, SESSION_SEEN_AT
from socialebasis.accounts.models import User
from socialebasis.areas.models import District, Municipality
from socialebasis.core.roles import Role
from socialebasis.directory.models import Activity, MeetingPlace, Organisation

from . import directory_data, load_forms
from .management.commands import bench_directory, bench_profiles

SEED = 20261122
PLACES_PER_MUNICIPALITY = 10
ORGANISATIONS_PER_MUNICIPALITY = 5
# Staff accounts of the load run: policy officers of the first municipalities, one per simulated staff member.
STAFF_PREFIX = "bench-staff-"


def build(
    stdout, activities: int = 1_000_000, profile_areas: int = bench_profiles.TARGET_AREAS, municipalities=None
) -> None:
    """Everything, from scratch: the directory, then places and organisations, then the figures and summaries.
    `municipalities` limits the set to the first so many (the test of this module)."""
    directory = bench_directory.Command(stdout=stdout)
    directory._build(activities, SEED, municipalities)
    started = time.perf_counter()
    places, organisations = _places_and_organisations()
    stdout.write(f"{places:,} plekken en {organisations:,} organisaties ({time.perf_counter() - started:.1f} s)")
    started = time.perf_counter()
    profiles = bench_profiles.Command(stdout=stdout)
    values = profiles._build(reuse_areas=True, target_areas=profile_areas)
    profiles._ensure_norms()
    from socialebasis.profiles import summaries

    summarised = summaries.recompute()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    stdout.write(
        f"{values:,} cijfers, {summarised:,} samenvattingen, ondergrenzen ({time.perf_counter() - started:.1f} s)"
    )


def is_built(activities: int) -> bool:
    """The data set is there in full. The activities staff added in an earlier load run do not count: without
    leaving them out, every load run made the next one build the whole set again."""
    from socialebasis.profiles.models import ProfileSummary

    return (
        Activity.objects.exclude(title__startswith=load_forms.LOAD_ACTIVITY_PREFIX).count() == activities
        and MeetingPlace.objects.exists()
        and Organisation.objects.exists()
        and ProfileSummary.objects.exists()
    )


def _places_and_organisations() -> tuple[int, int]:
    """Places and organisations in every municipality; one activity in ten gets a place, another one in ten an
    organisation of its municipality (about 30 activities per place, 60 per organisation at full scale)."""
    rng = random.Random(SEED + 2)
    now = timezone.now()
    places, organisations = [], []
    districts = {}
    for district in District.objects.only("pk", "municipality_id"):
        districts.setdefault(district.municipality_id, []).append(district.pk)
    for municipality in Municipality.objects.order_by("pk"):
        words = directory_data.QUALIFIERS
        for number in range(ORGANISATIONS_PER_MUNICIPALITY):
            organisations.append(
                Organisation(
                    municipality=municipality,
                    status="published",
                    name=f"Stichting {words[number % len(words)]} {municipality.name}",
                    kind="foundation" if number % 2 else "association",
                    description="Vrijwilligers organiseren activiteiten voor iedereen in de buurt.",
                    website="https://example.org/",
                    checked_at=now,
                )
            )
        for number in range(PLACES_PER_MUNICIPALITY):
            places.append(
                MeetingPlace(
                    municipality=municipality,
                    status="published",
                    name=f"{words[number % len(words)]} {municipality.name}",
                    description="Een ontmoetingsplek met koffie, een zaal en een tuin.",
                    setting="indoor",
                    kind="public_building",
                    street=f"Dorpsstraat {number + 1}",
                    postcode="1234 AB",
                    city=municipality.name,
                    district_id=rng.choice(districts[municipality.pk]) if municipality.pk in districts else None,
                    opening_hours="ma-vr 9-17 uur",
                    facilities=["coffee", "toilet"],
                    accessibility=["wheelchair"],
                    checked_at=now,
                )
            )
    with transaction.atomic():
        Organisation.objects.bulk_create(organisations, batch_size=2000)
        MeetingPlace.objects.bulk_create(places, batch_size=2000)
        with connection.cursor() as cursor:
            for table, column, per, remainder in (
                ("directory_meetingplace", "place_id", PLACES_PER_MUNICIPALITY, 3),
                ("directory_organisation", "organisation_id", ORGANISATIONS_PER_MUNICIPALITY, 7),
            ):
                cursor.execute(
                    f"""
                    WITH numbered AS (
                        SELECT id, municipality_id,
                               row_number() OVER (PARTITION BY municipality_id ORDER BY id) - 1 AS n
                        FROM {table}
                    )
                    UPDATE directory_activity a SET {column} = numbered.id
                    FROM numbered
                    WHERE a.municipality_id = numbered.municipality_id
                      AND a.id % 10 = {remainder} AND numbered.n = (a.id / 10) % {per}
                    """  # noqa: S608 - constants of this module only
                )
        with connection.cursor() as cursor:
            cursor.execute("UPDATE directory_meetingplace p SET organisation_id = o.id FROM directory_organisation o "
                           "WHERE o.municipality_id = p.municipality_id AND o.id % 2 = p.id % 2")  # fmt: skip
    with connection.cursor() as cursor:
        cursor.execute("VACUUM (ANALYZE) directory_activity")
    return len(places), len(organisations)


def sample(count: int = 200) -> dict[str, list[str]]:
    """The paths each measured page is requested with, drawn with a fixed seed from the data set."""
    rng = random.Random(SEED + 3)
    published = Activity.objects.filter(status="published")
    top = published.order_by("-pk").values_list("pk", flat=True).first() or 0
    # Random ids by range, not ORDER BY random() over a million rows; ids missing or not published are skipped.
    ids = set(published.filter(pk__in=[rng.randint(1, top) for _ in range(count * 3)]).values_list("pk", flat=True))
    activities = sorted(ids)[:count]
    linked = list(published.filter(place__isnull=False).values_list("pk", flat=True)[:1])
    places = list(MeetingPlace.objects.filter(status="published").values_list("pk", flat=True))
    organisations = list(Organisation.objects.filter(status="published").values_list("pk", flat=True))
    districts = list(District.objects.values_list("municipality__statcode", "statcode"))
    searches = []
    cells = directory_data.municipality_cells()[: Municipality.objects.count()]
    for _kind, params in directory_data.query_mix(count, cells, SEED):
        searches.append("/sociale-kaart/?" + urlencode(params))
    district_picks = [rng.choice(districts) for _ in range(count)]
    return {
        "floor": [f"/bench/floor/{pk}/" for pk in activities],
        "activity": [f"/sociale-kaart/activiteiten/{pk}/" for pk in activities or linked],
        "place": [f"/sociale-kaart/plekken/{rng.choice(places)}/" for _ in range(count)] if places else [],
        "organisation": [f"/sociale-kaart/organisaties/{rng.choice(organisations)}/" for _ in range(count)]
        if organisations
        else [],
        "search": searches,
        "district": [f"/gemeenten/{gm}/wijken/{wk}/" for gm, wk in district_picks],
        "profile": [f"/gemeenten/{gm}/wijken/{wk}/profiel/" for gm, wk in district_picks],
    }


def staff_sessions(count: int) -> list[dict]:
    """Signed-in, second-step-verified sessions of `count` policy officers, as if each had just signed in with
    password and authenticator code (a real confirmed TOTP device; the session records that device, exactly as
    django-otp's login does). Made by the bench command in the bench database only; nothing in the application
    skips a step, and the accounts have no usable password."""
    municipalities = list(Municipality.objects.order_by("statcode")[:count])
    sessions = []
    now = int(time.time())
    for number, municipality in enumerate(municipalities):
        user, _created = User.objects.get_or_create(
            username=f"{STAFF_PREFIX}{number}",
            defaults={"role": Role.POLICY_OFFICER, "email": f"{STAFF_PREFIX}{number}@example.org"},
        )
        if user.has_usable_password():
            user.set_unusable_password()
            user.save(update_fields=["password"])
        user.municipalities.set([municipality])
        device = TOTPDevice.objects.filter(user=user, confirmed=True).first() or TOTPDevice.objects.create(
            user=user, name="Authenticator", confirmed=True
        )
        store = import_module(settings.SESSION_ENGINE).SessionStore()
        store[SESSION_KEY] = str(user.pk)
        store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        store[HASH_SESSION_KEY] = user.get_session_auth_hash()
        store["otp_device_id"] = device.persistent_id
        store[SESSION_LOGIN_AT] = store[SESSION_SEEN_AT] = now
        store.set_expiry(timedelta(hours=2))
        store.create()
        district = District.objects.filter(municipality=municipality).order_by("statcode").first()
        sessions.append(
            {
                "session": store.session_key,
                "municipality": municipality.statcode,
                "municipality_id": municipality.pk,
                "district": district.statcode if district else "",
            }
        )
    return sessions
