"""The activity search of the API, written as JSON by PostgreSQL (docs/adr/0019-api-rows-written-by-postgresql.md).

A page of search results is two statements: the search itself, which only returns the ids (and the distance
for "near me") in their order, and one statement that writes each of those activities as the JSON object
`ActivitySerializer` describes. The rows go out as `orjson.Fragment`s, so Python neither decodes nor encodes
them. The detail endpoint and the SQLite demo use the serializer; tests hold both to the same output.
"""

import orjson
from django.db import connection
from django.utils import timezone

from socialebasis.areas.models import District, Municipality
from socialebasis.core.sql import array_literal

from ..models import Activity

EMPTY_CONTACT = "json_build_object('name', '', 'email', '', 'phone', '')"

# Key by key, in the order of ActivitySerializer.Meta.fields; every key is a fixed fragment, every value a column.
OBJECT = f"""json_build_object(
    'id', a.id, 'title', a.title, 'description', a.description, 'municipality', m.statcode,
    'district', CASE WHEN d.id IS NULL THEN NULL ELSE json_build_object('statcode', d.statcode, 'name', d.name) END,
    'organisation', a.organisation_id, 'place', a.place_id, 'latitude', a.latitude, 'longitude', a.longitude,
    'target_groups', a.target_groups, 'themes', a.themes, 'goals', a.goals, 'sphere', a.sphere, 'cost', a.cost,
    'cost_note', a.cost_note, 'registration_needed', a.registration_needed, 'referral_needed', a.referral_needed,
    'accessibility', a.accessibility, 'accessible', a.accessible, 'languages', a.languages,
    'starts_at', sb_iso_moment(a.starts_at, %(zone)s), 'duration_minutes', a.duration_minutes,
    'recurrence', a.recurrence, 'exceptions', a.exceptions,
    'verdict', coalesce(nullif(a.verdict_override, ''), a.assessment_verdict), 'status', a.status,
    'is_demo', a.is_demo, 'updated_at', sb_iso_moment(a.updated_at, %(zone)s),
    'checked_at', sb_iso_moment(a.checked_at, %(zone)s),
    'distance_km', round(sqrt(page.distance_sq)::numeric, 1),
    'contact', CASE WHEN a.is_demo THEN {EMPTY_CONTACT}
                    ELSE json_build_object('name', a.contact_name, 'email', a.contact_email, 'phone', a.contact_phone)
               END
)::text"""

# Table names from the models and fixed fragments only; the values are parameters.
PAGE = f"""SELECT {OBJECT}
FROM unnest(%(ids)s::bigint[], %(distances)s::double precision[]) WITH ORDINALITY AS page(id, distance_sq, position)
JOIN {Activity._meta.db_table} AS a ON a.id = page.id
JOIN {Municipality._meta.db_table} AS m ON m.id = a.municipality_id
LEFT JOIN {District._meta.db_table} AS d ON d.id = a.district_id
ORDER BY page.position"""  # noqa: S608


class ActivityRows:
    """A search result (selectors.search_activities) as the paginator sees it: it can be counted and sliced,
    and a slice is a list of JSON rows. The search's own count is used when the text search already knows it."""

    ordered = True

    def __init__(self, results):
        self.results = results

    def count(self) -> int:
        known = getattr(self.results, "known_count", None)
        return known if known is not None else self.results.count()

    def __getitem__(self, page: slice) -> list[orjson.Fragment]:
        if "distance_sq" in self.results.query.annotations:
            keys = list(self.results.values_list("pk", "distance_sq")[page])
        else:
            keys = [(pk, None) for pk in self.results.values_list("pk", flat=True)[page]]
        if not keys:
            return []
        ids, distances = zip(*keys, strict=True)
        parameters = {
            "ids": array_literal(ids),
            "distances": array_literal(distances),
            "zone": timezone.get_current_timezone_name(),
        }
        with connection.cursor() as cursor:
            cursor.execute(PAGE, parameters)
            return [orjson.Fragment(row[0]) for row in cursor.fetchall()]
