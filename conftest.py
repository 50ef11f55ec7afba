"""Fixtures for the whole suite: real areas from the shipped CBS files, users per role."""

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent
DATA = ROOT / "data"


@pytest.fixture(autouse=True)
def _empty_cache():
    """Every test starts with an empty cache: a page cached for one test's rows (the public wijk profile, ADR 0038)
    must not be served in the next test, whose database starts empty again."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(scope="session", autouse=True)
def _empty_only_the_tables_a_test_filled():
    """After a test that commits (browser tests, drills, concurrency tests), Django empties the database with one
    TRUNCATE of all 114 tables: on PostgreSQL that makes new files for every table and index, about 3 s each time,
    several minutes of the suite. Here the flush first asks which tables hold rows and deletes from those only,
    in the flush's own transaction. Every foreign key Django makes on PostgreSQL is deferred to the commit, so the
    order of the deletes does not matter. The end is the same empty database; only the cost differs (ADR 0010).
    A flush that must reset sequences keeps Django's TRUNCATE."""
    from django.db.backends.postgresql.operations import DatabaseOperations

    truncate = DatabaseOperations.sql_flush

    def sql_flush(self, style, tables, *, reset_sequences=False, allow_cascade=False):
        if reset_sequences or not tables:
            return truncate(self, style, tables, reset_sequences=reset_sequences, allow_cascade=allow_cascade)
        quoted = [self.quote_name(table) for table in tables]
        union = " UNION ALL ".join(
            f"SELECT {number} WHERE EXISTS (SELECT 1 FROM {name})"  # noqa: S608 - Django's own table names
            for number, name in enumerate(quoted)
        )
        with self.connection.cursor() as cursor:
            cursor.execute(union)
            filled = [quoted[number] for (number,) in cursor.fetchall()]
        return [f"DELETE FROM {name};" for name in filled]  # noqa: S608 - as above

    DatabaseOperations.sql_flush = sql_flush
    yield
    DatabaseOperations.sql_flush = truncate


@pytest.fixture
def seed_areas(db):
    """The four municipalities with their 81 real wijken (2023), Heusden's own division and their 4-digit postcodes.

    The importers run once per test process; after that the same rows are written again in bulk (a few queries
    instead of the importers' few hundred), since every test starts from an empty database.
    """
    replay_rows("seed_areas", _import_seed_areas)


def _import_seed_areas():
    from socialebasis.areas import services

    services.import_municipality_boundaries(DATA / "cbs" / "cbs_gemeenten_2020_4gemeenten_wgs84.geojson")
    services.import_district_boundaries(DATA / "cbs" / "cbs_wijken_2023_4gemeenten_wgs84.geojson")
    services.import_own_division(DATA / "own_divisions" / "GM0797-wijkgerichte-aanpak.json")
    services.import_postcode_points(DATA / "geonames" / "pc4_geonames_4gemeenten.csv")


# The rows each loader wrote the first time it ran in this process, and what it returned, by loader name.
_replayable: dict[str, tuple[list[tuple[type, list]], object]] = {}


def replay_rows(name: str, load):
    """Run `load` the first time; later, write the rows it wrote then again, in bulk, in one transaction. Returns
    what `load` returned the first time.

    Only for loaders whose result depends on nothing in the database but the rows of loaders replayed before them
    (the seed areas). Primary keys are kept, so the rows are the same objects each time; sequences only move
    forward, so later inserts never collide with them.
    """
    from django.apps import apps
    from django.db import connection, transaction

    models = [model for model in apps.get_models(include_auto_created=True) if not model._meta.proxy]
    if name not in _replayable:
        before = {model: set(model._base_manager.values_list("pk", flat=True)) for model in models}
        result = load()
        inserts = [
            _insert_of(model, rows, connection)
            for model in models
            if (rows := [row for row in model._base_manager.all() if row.pk not in before[model]])
        ]
        _replayable[name] = (inserts, result)
        return result
    inserts, result = _replayable[name]
    # Foreign keys are checked at commit (deferred), so the order of the tables does not matter inside one
    # transaction; on SQLite the same holds within the atomic block. The rows go in with the values their columns
    # got the first time, one COPY (PostgreSQL) or prepared INSERT (SQLite) per table: Django's bulk_create
    # prepares every object again each time, 9 s for the health table's 35,000 values instead of about one.
    with transaction.atomic(), connection.cursor() as cursor:
        for table, columns, values in inserts:
            if connection.vendor == "postgresql":
                with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                    for row in values:
                        copy.write_row(row)
            else:
                placeholders = ", ".join(["%s"] * len(values[0]))
                cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({placeholders})", values)  # noqa: S608
    return result


def _insert_of(model, rows, connection) -> tuple[str, str, list[tuple]]:
    """The table, its columns and the rows' values as the database was given them."""
    fields = [field for field in model._meta.concrete_fields if not getattr(field, "generated", False)]
    quote = connection.ops.quote_name
    columns = ", ".join(quote(field.column) for field in fields)
    values = [
        tuple(field.get_db_prep_save(getattr(row, field.attname), connection) for field in fields) for row in rows
    ]
    return quote(model._meta.db_table), columns, values


@pytest.fixture
def load_presets(seed_areas):
    """The frameworks' presets (all four, or the given codes) as `frameworks.services.load_presets` loads them:
    loaded for real the first time in this process, then written again in bulk (1.2 s -> 0.1 s; the API contract
    test alone loads them 145 times). Only from a database without any framework, so the rows replayed are
    exactly what the loader would add; otherwise the loader runs."""
    from socialebasis.frameworks import services
    from socialebasis.frameworks.models import Framework

    def load(codes=None):
        if Framework.objects.exists():
            return services.load_presets(codes)
        key = ",".join(sorted(codes)) if codes is not None else "all"
        return replay_rows(f"frameworks:{key}", lambda: services.load_presets(codes))

    return load


@pytest.fixture
def replay(db):
    """`replay_rows` for a test module's own expensive loader (see the health table's import)."""
    return replay_rows


@pytest.fixture
def smtp_server(settings):
    """A real SMTP server on 127.0.0.1 (aiosmtpd) that the mail settings point at; `.received` is what arrived."""
    from socialebasis.notifications.tests.conftest import serve_smtp

    with serve_smtp(settings) as mailbox:
        yield mailbox


@pytest.fixture
def user_factory(db):
    from socialebasis.accounts.tests.factories import UserFactory

    return UserFactory


def pytest_collection_modifyitems(config, items):
    # Browser tests run Playwright's event loop in the test thread; Django's ORM guard would refuse the
    # database calls the tests make between page loads, though nothing runs concurrently there.
    if any(item.get_closest_marker("e2e") for item in items):
        os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture
def verified(db):
    """Sign a user in on a test client with a confirmed second factor, as after the TOTP step."""
    from django_otp import DEVICE_ID_SESSION_KEY

    from socialebasis.accounts.tests.factories import TOTPDeviceFactory

    def sign_in(client, user):
        device = TOTPDeviceFactory(user=user)
        client.force_login(user)
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
        return device

    return sign_in


@pytest.fixture
def seed_areas_once(request, django_db_blocker):
    """seed_areas for tests that hypothesis runs many times within one database transaction."""
    from socialebasis.areas.models import Municipality

    if not Municipality.objects.exists():
        request.getfixturevalue("seed_areas")
