"""Recompute the profile summaries of all areas in one set-based statement (SQLite and PostgreSQL alike).

The rule for "notably better/worse" (docs/adr/0012-notably-better-or-worse.md): compare an area's latest
figure with its municipality's and the country's figure of the same year and the same region division.
If the difference in the "better" direction of the indicator is at least the indicator's
`notable_difference` (3 percentage points for percentages, 0.3 for 1-10 scores), it is notably better;
at least that much in the other direction is notably worse; otherwise about the same. Indicators without a
direction (Mantelzorger) are only "notably different". Counts and absolute numbers are not compared. The trend
compares the latest with the first year by the same rule.
"""

from django.db import connection, transaction

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
    FROM indicators_indicatorvalue WHERE value IS NOT NULL
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


# PostgreSQL: one aggregate pass finds first and latest year and their values without sorting per group
# (max/min over ARRAY[year, value] compare by year first), the municipality and country figures come from a
# small table of reference areas, and both are analysed so the planner joins by hashing. At national scale
# (docs/performance.md) this is about as fast as a plain GROUP BY over the same values.
POSTGRESQL_STEPS = [
    # ON COMMIT DROP cleans up after a normal import; inside a longer outer transaction (tests) drop them here.
    "DROP TABLE IF EXISTS profile_latest, profile_reference",
    "SET LOCAL work_mem = '256MB'",
    "SET LOCAL jit = off",
    """CREATE TEMP TABLE profile_latest ON COMMIT DROP AS
    SELECT area_id, indicator_id, "group" AS grp, max(year) AS last_year, min(year) AS first_year,
        (max(ARRAY[year::float8, value]))[2] AS last_value, (min(ARRAY[year::float8, value]))[2] AS first_value
    FROM indicators_indicatorvalue WHERE value IS NOT NULL
    GROUP BY area_id, indicator_id, "group"
    """,
    """CREATE TEMP TABLE profile_reference ON COMMIT DROP AS
    SELECT v.area_id, v.indicator_id, v."group" AS grp, v.year, v.value
    FROM indicators_indicatorvalue v
    WHERE v.value IS NOT NULL
        AND v.area_id IN (SELECT id FROM indicators_area WHERE level IN ('land', 'gemeente'))""",
    "ANALYZE profile_latest",
    "ANALYZE profile_reference",
    "TRUNCATE profiles_profilesummary",
    f"""INSERT INTO profiles_profilesummary (
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
    LEFT JOIN profile_reference mun ON mun.area_id = a.municipality_area_id AND mun.indicator_id = l.indicator_id
        AND mun.grp = l.grp AND mun.year = l.last_year
    LEFT JOIN profile_reference nl ON nl.area_id = a.country_area_id AND nl.indicator_id = l.indicator_id
        AND nl.grp = l.grp AND nl.year = l.last_year""",  # noqa: S608
]


def recompute() -> int:
    """Replace all summaries; returns how many there are now."""
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            for statement in POSTGRESQL_STEPS:
                cursor.execute(statement)
        else:
            cursor.execute("DELETE FROM profiles_profilesummary")
            cursor.execute(RECOMPUTE_SQL)
        return ProfileSummary.objects.count()
