"""PostgreSQL only: a generated Dutch tsvector with a GIN index, a trigram index for typos and a GiST index
on the point for "near me" (docs/adr/0016-directory-search-on-postgresql.md). SQLite skips all of it."""

from django.db import migrations

FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    """ALTER TABLE directory_activity ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('dutch'::regconfig, coalesce(title, '')), 'A')
        || setweight(to_tsvector('dutch'::regconfig, coalesce(search_document, '')), 'B')
    ) STORED""",
    "CREATE INDEX directory_activity_search_gin ON directory_activity USING gin (search_vector)",
    "CREATE INDEX directory_activity_title_trgm ON directory_activity USING gin (title gin_trgm_ops)",
    "CREATE INDEX directory_activity_point_gist ON directory_activity USING gist (point(longitude, latitude))",
]
BACKWARD = [
    "DROP INDEX IF EXISTS directory_activity_point_gist",
    "DROP INDEX IF EXISTS directory_activity_title_trgm",
    "DROP INDEX IF EXISTS directory_activity_search_gin",
    "ALTER TABLE directory_activity DROP COLUMN IF EXISTS search_vector",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for statement in statements:
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("directory", "0001_initial")]

    operations = [migrations.RunPython(_run(FORWARD), _run(BACKWARD), elidable=False)]
