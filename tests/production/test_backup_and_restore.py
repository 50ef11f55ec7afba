"""Backup and restore (issue 18 point 5): `socialebasis backup` of the drill database (after the other drills wrote
to it), pg_restore into a new database, the application started on that one, and every table's rows compared."""

import json
import re
import subprocess
import time

import pytest
from production_shape import ProductionShape, postgres_program

pytestmark = pytest.mark.production

RESTORED = "sb_prod_restore"


def _checksums(shape, database: str) -> dict[str, tuple[int, str]]:
    """Rows and an md5 of the rows of every table, computed here, independently of the backup command."""
    with shape.postgres.connect(database) as conn:
        for setting in ("TimeZone = 'UTC'", "DateStyle = 'ISO, YMD'", "extra_float_digits = 1"):
            conn.execute(f"SET {setting}")
        tables = [row[0] for row in conn.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")]
        result = {}
        for table in tables:
            result[table] = conn.execute(
                f"SELECT count(*), md5(coalesce(string_agg(h, '' ORDER BY h), '')) "  # noqa: S608 (catalog names)
                f'FROM (SELECT md5(t::text) AS h FROM "{table}" AS t) AS rows'
            ).fetchone()
    return result


def test_a_backup_restored_into_a_new_database_matches_table_by_table_and_the_application_runs_on_it(shape, tmp_path):
    began = time.monotonic()
    dump = tmp_path / "sb_prod.dump"
    shape.manage("backup", str(dump))
    manifest = json.loads((tmp_path / "sb_prod.dump.manifest.json").read_text())
    backed_up = {name: (table["rows"], table["md5"]) for name, table in manifest["tables"].items()}

    # The restore, as the beheerhandleiding describes it: a new, empty database and pg_restore.
    shape.postgres.create_database(RESTORED)
    subprocess.run(
        [postgres_program("pg_restore"), "--no-owner", "--exit-on-error", f"--dbname={shape.postgres.url(RESTORED)}",
         str(dump)],
        check=True,
        capture_output=True,
    )  # fmt: skip
    restored = _checksums(shape, RESTORED)
    assert restored == backed_up
    assert sum(rows for rows, _ in restored.values()) > 50_000  # the demo data and what the drills wrote
    with shape.postgres.connect(RESTORED) as conn:
        drill = "SELECT count(*) FROM directory_activity WHERE title LIKE 'Oefening %'"
        (drill_writes,) = conn.execute(drill).fetchone()
        activity, title = conn.execute(
            "SELECT id, title FROM directory_activity WHERE status = 'published' ORDER BY id LIMIT 1"
        ).fetchone()

    # The application on the restored database: its migrations are all there, it is ready, it serves pages.
    second = ProductionShape(
        steps=shape.steps,
        postgres=shape.postgres,
        database=RESTORED,
        static_root=shape.static_root,
        gunicorn_workers=1,
        celery=False,
        label=f"on the restored database {RESTORED}",
    )
    try:
        second.manage("migrate", "--check")
        second.manage("backup", str(dump), "--verify")  # the operator's own check of the restore
        second.start()
        session = second.session()
        ready = session.get(f"{second.base_url}/readyz", timeout=10)
        # Ready on the restored database; this shape runs no worker, which readyz reports (degraded, ADR 0037).
        assert (ready.status_code, ready.json()["database"], ready.json()["worker"]) == (200, "ok", "missing")
        page = session.get(f"{second.base_url}/sociale-kaart/activiteiten/{activity}/", timeout=10)
        assert page.status_code == 200
        assert re.search(re.escape(title), page.text)
    finally:
        second.stop()
    shape.steps.record(
        f"backup and restore drill: socialebasis backup ({dump.stat().st_size // 1024} KB, {len(backed_up)} tables, "
        f"{sum(rows for rows, _ in backed_up.values())} rows, {drill_writes} of them the drills' activities), "
        "pg_restore into a new database: every table's checksum equal; migrate --check, /readyz and a page on it",
        time.monotonic() - began,
    )
