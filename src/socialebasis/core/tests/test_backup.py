"""`socialebasis backup`: a pg_dump with a manifest of every table, and --verify against that manifest.

The restore itself, into a new database that the application then runs on, is drilled in
tests/production/test_backup_and_restore.py.
"""

import json

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from socialebasis.areas.models import Municipality


def _postgresql_only():
    if connection.vendor != "postgresql":
        pytest.skip("backup is made with pg_dump")


@pytest.mark.django_db(transaction=True)
def test_a_backup_is_a_custom_format_dump_with_the_rows_and_a_checksum_of_every_table(seed_areas, tmp_path):
    _postgresql_only()
    dump = tmp_path / "socialebasis.dump"
    call_command("backup", str(dump))
    assert dump.read_bytes()[:5] == b"PGDMP"  # pg_dump's custom format
    manifest = json.loads((tmp_path / "socialebasis.dump.manifest.json").read_text())
    assert manifest["tables"]["areas_municipality"]["rows"] == Municipality.objects.count() == 4
    assert manifest["tables"]["django_migrations"]["rows"] > 0
    assert all(len(table["md5"]) == 32 for table in manifest["tables"].values())
    assert manifest["dump"]["bytes"] == dump.stat().st_size
    call_command("backup", str(dump), "--verify")  # the database it came from matches


@pytest.mark.django_db(transaction=True)
def test_verify_names_the_table_that_differs_from_the_backup(seed_areas, tmp_path):
    _postgresql_only()
    dump = tmp_path / "socialebasis.dump"
    call_command("backup", str(dump))
    Municipality.objects.filter(statcode="GM0797").update(name="Heusden (gewijzigd)")
    with pytest.raises(CommandError, match=r"tabel areas_municipality: 4 rijen \(manifest: 4\), controlegetal anders"):
        call_command("backup", str(dump), "--verify")


@pytest.mark.django_db(transaction=True)
def test_a_backup_never_overwrites_an_earlier_one(tmp_path):
    _postgresql_only()
    dump = tmp_path / "socialebasis.dump"
    dump.write_bytes(b"earlier")
    with pytest.raises(CommandError, match="bestaat al"):
        call_command("backup", str(dump))
    assert dump.read_bytes() == b"earlier"


@pytest.mark.django_db
def test_on_sqlite_the_backup_says_to_copy_the_file(tmp_path):
    if connection.vendor != "sqlite":
        pytest.skip("the SQLite message")
    with pytest.raises(CommandError, match="kopieer daarvan het bestand"):
        call_command("backup", str(tmp_path / "x.dump"))
