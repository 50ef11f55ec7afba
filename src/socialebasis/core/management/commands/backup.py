"""`socialebasis backup FILE`: the database as a pg_dump in custom format, with a manifest of every table.

The manifest (FILE.manifest.json) holds each table's number of rows and a checksum of its rows, counted in the same
snapshot the dump is made from, so that a restore can be checked table by table:

    socialebasis backup /var/backups/socialebasis/2026-11-28.dump
    pg_restore --no-owner --role=socialebasis --exit-on-error --dbname=<new database> 2026-11-28.dump
    DATABASE_URL=<new database> socialebasis backup --verify 2026-11-28.dump

The restore itself is PostgreSQL's own pg_restore (docs/beheerhandleiding.md, docs/adr/0029).
"""

import hashlib
import json
import os
import shutil
import subprocess
from datetime import UTC, datetime
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

MANIFEST_SUFFIX = ".manifest.json"
# The text of a row depends on these session settings; both sides of a comparison use the same.
_SESSION = (
    "SET LOCAL TimeZone = 'UTC'",
    "SET LOCAL DateStyle = 'ISO, YMD'",
    "SET LOCAL IntervalStyle = 'postgres'",
    "SET LOCAL extra_float_digits = 1",
    "SET LOCAL bytea_output = 'hex'",
)


def table_checksums(cursor) -> dict[str, dict]:
    """Rows and a checksum of the rows of every table of the current schema: md5 over the rows' md5s in order."""
    cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename")
    tables = [name for (name,) in cursor.fetchall()]
    result = {}
    for name in tables:
        table = connection.ops.quote_name(name)
        cursor.execute(
            f"SELECT count(*), md5(coalesce(string_agg(h, '' ORDER BY h), '')) "  # noqa: S608 (quoted table name)
            f"FROM (SELECT md5(t::text) AS h FROM {table} AS t) AS rows"
        )
        count, checksum = cursor.fetchone()
        result[name] = {"rows": count, "md5": checksum}
    return result


def pg_dump_program(given: str | None) -> str:
    """pg_dump: as given, else the newest of Debian's /usr/lib/postgresql/<version>/bin, else from PATH."""
    if given:
        return given
    versions = sorted(
        (path for path in Path("/usr/lib/postgresql").glob("*/bin/pg_dump") if path.parent.parent.name.isdigit()),
        key=lambda path: int(path.parent.parent.name),
    )
    found = str(versions[-1]) if versions else shutil.which("pg_dump")
    if not found:
        raise CommandError("pg_dump niet gevonden: installeer de PostgreSQL-clientprogramma's of geef --pg-dump.")
    return found


class Command(BaseCommand):
    help = "Make a backup of the database (pg_dump, custom format) with a manifest of row counts and checksums."

    def add_arguments(self, parser):
        parser.add_argument("file", help="the dump to write (the manifest goes next to it: FILE.manifest.json)")
        parser.add_argument(
            "--verify",
            action="store_true",
            help="write nothing: compare this database (after a restore) with the manifest of FILE",
        )
        parser.add_argument("--pg-dump", help="the pg_dump program to use (default: the newest installed)")

    def handle(self, *args, file: str, verify: bool, pg_dump: str | None, **options):
        if connection.vendor != "postgresql":
            raise CommandError(
                "backup werkt met PostgreSQL. De demo gebruikt SQLite: kopieer daarvan het bestand var/db.sqlite3."
            )
        dump = Path(file).resolve()
        manifest_path = dump.with_name(dump.name + MANIFEST_SUFFIX)
        if verify:
            return self._verify(manifest_path)
        for path in (dump, manifest_path):
            if path.exists():
                raise CommandError(f"{path} bestaat al; kies een nieuwe naam (een back-up wordt nooit overschreven).")
        if not dump.parent.is_dir():
            raise CommandError(f"de map {dump.parent} bestaat niet.")
        partial = dump.with_name(dump.name + ".partial")
        with transaction.atomic(), connection.cursor() as cursor:
            # One snapshot for both: pg_dump reads exactly what the checksums count, whatever is written meanwhile.
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            cursor.execute("SELECT pg_export_snapshot()")
            (snapshot,) = cursor.fetchone()
            self._pg_dump(pg_dump_program(pg_dump), snapshot, partial)
            for statement in _SESSION:
                cursor.execute(statement)
            tables = table_checksums(cursor)
        partial.rename(dump)
        manifest = {
            "format": 1,
            "made_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "database": connection.settings_dict["NAME"],
            "dump": {"file": dump.name, "bytes": dump.stat().st_size, "sha256": _sha256(dump)},
            "tables": tables,
        }
        manifest_path.write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n", encoding="utf-8")
        rows = sum(table["rows"] for table in tables.values())
        self.stdout.write(f"back-up: {dump} ({dump.stat().st_size} bytes), {len(tables)} tabellen, {rows} rijen")
        self.stdout.write(f"manifest: {manifest_path}")

    def _pg_dump(self, program: str, snapshot: str, target: Path) -> None:
        settings = connection.settings_dict
        env = {**os.environ, "PGDATABASE": settings["NAME"]}
        for variable, key in (("PGHOST", "HOST"), ("PGPORT", "PORT"), ("PGUSER", "USER"), ("PGPASSWORD", "PASSWORD")):
            if settings.get(key):
                env[variable] = str(settings[key])
        if sslmode := settings.get("OPTIONS", {}).get("sslmode"):
            env["PGSSLMODE"] = sslmode
        done = subprocess.run(  # noqa: S603 (pg_dump, with a snapshot name PostgreSQL gave)
            [program, "--format=custom", f"--snapshot={snapshot}", "--no-owner", f"--file={target}"],
            env=env,
            capture_output=True,
            text=True,
        )
        if done.returncode:
            target.unlink(missing_ok=True)
            raise CommandError(f"pg_dump is mislukt: {done.stderr.strip()}")

    def _verify(self, manifest_path: Path) -> None:
        try:
            expected = json.loads(manifest_path.read_text(encoding="utf-8"))["tables"]
        except (OSError, ValueError, KeyError) as exc:
            raise CommandError(f"{manifest_path}: geen leesbaar manifest ({exc}).") from exc
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            for statement in _SESSION:
                cursor.execute(statement)
            found = table_checksums(cursor)
        problems = [f"tabel {name} ontbreekt" for name in sorted(set(expected) - set(found))]
        problems += [f"tabel {name} staat niet in het manifest" for name in sorted(set(found) - set(expected))]
        for name in sorted(set(expected) & set(found)):
            if expected[name] != found[name]:
                problems.append(
                    f"tabel {name}: {found[name]['rows']} rijen (manifest: {expected[name]['rows']}), "
                    f"controlegetal {'gelijk' if found[name]['md5'] == expected[name]['md5'] else 'anders'}"
                )
        if problems:
            raise CommandError("de database komt niet overeen met de back-up:\n" + "\n".join(problems))
        rows = sum(table["rows"] for table in found.values())
        self.stdout.write(f"gelijk aan de back-up: {len(found)} tabellen, {rows} rijen")


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
