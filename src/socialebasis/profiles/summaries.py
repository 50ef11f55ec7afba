"""Recompute the profile summaries with set-based SQL (one statement on SQLite, a few on PostgreSQL).

A summary row is one wijk x indicator x group: its latest and first figure, the municipality's and the
country's figure of that year, the verdicts and the trend. Only wijken have a profile (page, API, comparison,
norm overview), so only wijken get summaries; the figures of buurten, municipalities and the country stay in
the indicator store, where the values API serves them, and the municipality and the country are the
references every wijk is compared with.

The rule for "notably better/worse" (docs/adr/0012-notably-better-or-worse.md): compare an area's latest
figure with its municipality's and the country's figure of the same year and the same region division.
If the difference in the "better" direction of the indicator is at least the indicator's
`notable_difference` (3 percentage points for percentages, 0.3 for 1-10 scores), it is notably better;
at least that much in the other direction is notably worse; otherwise about the same. Indicators without a
direction (Mantelzorger) are only "notably different". Counts and absolute numbers are not compared. The trend
compares the latest with the first year by the same rule.
"""

from functools import partial

from django.db import connection, transaction

from . import page_cache
from .models import ProfileSummary


def _verdict(x: str, ref: str) -> str:
    direction = "(CASE WHEN i.higher_is_better THEN 1 ELSE -1 END)"
    return (
        f"CASE WHEN {ref} IS NULL OR i.notable_difference <= 0 THEN '' "
        f"WHEN i.higher_is_better IS NULL THEN "
        f"CASE WHEN ABS({x} - {ref}) >= i.notable_difference - 1e-9 THEN 'different' ELSE 'similar' END "
        f"WHEN ({x} - {ref}) * {direction} >= i.notable_difference - 1e-9 THEN 'better' "
        f"WHEN ({x} - {ref}) * {direction} <= -i.notable_difference + 1e-9 THEN 'worse' "
        f"ELSE 'similar' END"
    )


# No outside input goes into this statement: only the fixed expressions of _verdict.
RECOMPUTE_SQL = f"""
INSERT INTO profiles_profilesummary (
    area_id, indicator_id, "group", year, value, first_year, first_value,
    municipality_value, country_value, verdict_municipality, verdict_country, trend
)
SELECT l.area_id, l.indicator_id, l.grp, l.last_year, cur.value, l.first_year, fst.value, mun.value, nl.value,
    {_verdict("cur.value", "mun.value")},
    {_verdict("cur.value", "nl.value")},
    CASE WHEN l.first_year = l.last_year THEN '' ELSE {_verdict("cur.value", "fst.value")} END
FROM (
    SELECT area_id, indicator_id, "group" AS grp, MAX(year) AS last_year, MIN(year) AS first_year
    FROM indicators_indicatorvalue
    WHERE value IS NOT NULL AND area_id IN ({{wijken}})
    GROUP BY area_id, indicator_id, "group"
) l
JOIN indicators_indicatorvalue cur
    ON cur.area_id = l.area_id AND cur.indicator_id = l.indicator_id AND cur."group" = l.grp AND cur.year = l.last_year
JOIN indicators_indicatorvalue fst
    ON fst.area_id = l.area_id AND fst.indicator_id = l.indicator_id AND fst."group" = l.grp AND fst.year = l.first_year
JOIN indicators_area a ON a.id = l.area_id
JOIN indicators_indicator i ON i.id = l.indicator_id
LEFT JOIN indicators_indicatorvalue mun
    ON mun.area_id = a.municipality_area_id AND mun.indicator_id = l.indicator_id AND mun."group" = l.grp
    AND mun.year = l.last_year
LEFT JOIN indicators_indicatorvalue nl
    ON nl.area_id = a.country_area_id AND nl.indicator_id = l.indicator_id AND nl."group" = l.grp
    AND nl.year = l.last_year
"""  # noqa: S608


# PostgreSQL, measured at national scale (docs/performance.md, "## Profiles"):
# - one aggregate pass finds first and latest year and their values without sorting per group (max/min over
#   ARRAY[year, value] compare by year first); the planner is told parallel workers are cheap, so both cores
#   share it;
# - the municipality and the country figures come from two small, analysed tables, joined by hashing (a merge
#   join would sort the 680,000 rows twice; one table for both makes the country's hash 300 times too big);
# - a national recompute empties the table with TRUNCATE, which locks it for the transaction, so readers wait for
#   the new figures and never see a half-filled table; a municipality's recompute deletes and inserts only its
#   wijken's rows. The schema is never changed at run time (issue 11 point 7): the temporary tables below live
#   in the session, not in the application's schema.
POSTGRESQL_BEFORE = [
    # ON COMMIT DROP cleans up after a normal import; inside a longer outer transaction (tests) drop them here.
    "DROP TABLE IF EXISTS profile_latest, profile_country, profile_municipality",
    "SET LOCAL work_mem = '256MB'",
    "SET LOCAL jit = off",
    "SET LOCAL parallel_setup_cost = 100",
    "SET LOCAL parallel_tuple_cost = 0.001",
    "SET LOCAL enable_mergejoin = off",
    """CREATE TEMP TABLE profile_latest ON COMMIT DROP AS
    SELECT area_id, indicator_id, grp, latest[1]::int AS last_year, latest[2] AS last_value,
        earliest[1]::int AS first_year, earliest[2] AS first_value
    FROM (
        SELECT area_id, indicator_id, "group" AS grp,
            max(ARRAY[year::float8, value]) AS latest, min(ARRAY[year::float8, value]) AS earliest
        FROM indicators_indicatorvalue
        WHERE value IS NOT NULL AND area_id IN ({wijken})
        GROUP BY area_id, indicator_id, "group"
    ) firsts_and_lasts
    """,
    """CREATE TEMP TABLE profile_country ON COMMIT DROP AS
    SELECT v.area_id, v.indicator_id, v."group" AS grp, v.year, v.value FROM indicators_indicatorvalue v
    WHERE v.value IS NOT NULL AND v.area_id IN (SELECT id FROM indicators_area WHERE level = 'land')""",
    """CREATE TEMP TABLE profile_municipality ON COMMIT DROP AS
    SELECT v.area_id, v.indicator_id, v."group" AS grp, v.year, v.value FROM indicators_indicatorvalue v
    WHERE v.value IS NOT NULL AND v.area_id IN (SELECT id FROM indicators_area WHERE level = 'gemeente')""",
    "ANALYZE profile_latest",
    "ANALYZE profile_country",
    "ANALYZE profile_municipality",
]
POSTGRESQL_INSERT = f"""INSERT INTO profiles_profilesummary (
        area_id, indicator_id, "group", year, value, first_year, first_value,
        municipality_value, country_value, verdict_municipality, verdict_country, trend
    )
    SELECT l.area_id, l.indicator_id, l.grp, l.last_year, l.last_value, l.first_year, l.first_value,
        mun.value, nl.value,
        {_verdict("l.last_value", "mun.value")},
        {_verdict("l.last_value", "nl.value")},
        CASE WHEN l.first_year = l.last_year THEN '' ELSE {_verdict("l.last_value", "l.first_value")} END
    FROM profile_latest l
    JOIN indicators_area a ON a.id = l.area_id
    JOIN indicators_indicator i ON i.id = l.indicator_id
    LEFT JOIN profile_municipality mun ON mun.area_id = a.municipality_area_id AND mun.indicator_id = l.indicator_id
        AND mun.grp = l.grp AND mun.year = l.last_year
    LEFT JOIN profile_country nl ON nl.area_id = a.country_area_id AND nl.indicator_id = l.indicator_id
        AND nl.grp = l.grp AND nl.year = l.last_year"""  # noqa: S608


# The wijken whose summaries a recompute replaces: every wijk, or those of some municipalities (%s: a list of codes).
ALL_WIJKEN = "SELECT id FROM indicators_area WHERE level = 'wijk'"
WIJKEN_OF = "SELECT id FROM indicators_area WHERE level = 'wijk' AND municipality_code IN ({codes})"


def recompute(municipalities: list[str] | None = None) -> int:
    """Replace the summaries of every wijk, or of the wijken of these municipalities (CBS codes).

    Returns how many summaries those wijken have now.
    """
    codes = sorted(set(municipalities)) if municipalities is not None else None
    if codes == []:
        return 0
    wijken = ALL_WIJKEN if codes is None else WIJKEN_OF.format(codes=", ".join(["%s"] * len(codes)))
    params = codes or []
    with transaction.atomic(), connection.cursor() as cursor:
        if codes is None and connection.vendor == "postgresql":
            cursor.execute("TRUNCATE profiles_profilesummary")
        else:
            cursor.execute(f"DELETE FROM profiles_profilesummary WHERE area_id IN ({wijken})", params)  # noqa: S608
        if connection.vendor == "postgresql":
            for statement in POSTGRESQL_BEFORE:
                cursor.execute(statement.format(wijken=wijken), params if "{wijken}" in statement else None)
            cursor.execute(POSTGRESQL_INSERT)
            cursor.execute("ANALYZE profiles_profilesummary")
        else:
            cursor.execute(RECOMPUTE_SQL.format(wijken=wijken), params)
        scope = ProfileSummary.objects.all()
        if codes is not None:
            scope = scope.filter(area__municipality_code__in=codes)
        # Raw SQL sends no signals: the cached public profiles are told here, once the new summaries are committed.
        transaction.on_commit(partial(page_cache.changed, codes))
        return scope.count()
