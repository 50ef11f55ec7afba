"""PostgreSQL only: `sb_iso_moment(moment, zone)` writes a moment as the API writes it everywhere else (DRF's
DateTimeField: ISO 8601 in the given time zone, microseconds only when there are any, "Z" for UTC), so that
PostgreSQL can write the rows of the activity search as JSON (docs/adr/0019-api-rows-written-by-postgresql.md).
SQLite skips it."""

from django.db import migrations

FORWARD = [
    # One expression without FROM, so that PostgreSQL inlines it into the calling query (a function call per
    # moment costs about 25 µs; inlined, about 4 µs). The offset is local time minus UTC: "+01:00", "-03:30",
    # seconds only when there are any (old local mean times), "Z" when zero, as Python's isoformat writes it.
    """CREATE OR REPLACE FUNCTION sb_iso_moment(moment timestamptz, zone text) RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE AS $$
        SELECT to_char(moment AT TIME ZONE zone, 'YYYY-MM-DD"T"HH24:MI:SS')
            || CASE WHEN date_trunc('second', moment) = moment THEN '' ELSE to_char(moment AT TIME ZONE zone, '.US') END
            || CASE WHEN (moment AT TIME ZONE zone) = (moment AT TIME ZONE 'UTC') THEN 'Z'
                    WHEN (moment AT TIME ZONE zone) > (moment AT TIME ZONE 'UTC')
                    THEN to_char((moment AT TIME ZONE zone) - (moment AT TIME ZONE 'UTC'), '"+"HH24:MI')
                    ELSE to_char((moment AT TIME ZONE 'UTC') - (moment AT TIME ZONE zone), '"-"HH24:MI')
               END
            || CASE WHEN extract(second FROM (moment AT TIME ZONE zone) - (moment AT TIME ZONE 'UTC')) = 0 THEN ''
                    ELSE to_char(greatest((moment AT TIME ZONE zone) - (moment AT TIME ZONE 'UTC'),
                                          (moment AT TIME ZONE 'UTC') - (moment AT TIME ZONE zone)), ':SS')
               END
    $$""",
]
BACKWARD = ["DROP FUNCTION IF EXISTS sb_iso_moment(timestamptz, text)"]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for statement in statements:
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("directory", "0002_postgresql_search")]

    operations = [migrations.RunPython(_run(FORWARD), _run(BACKWARD), elidable=False)]
