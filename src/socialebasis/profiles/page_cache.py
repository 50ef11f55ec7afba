"""What the public wijk profile depends on, for the page cache every app shares (core/page_cache.py, ADR 0038).

- the scope **profiles** changes with what every profile shows: indicators, sources, areas, imported figures
  (`values_changed`), a recompute of the summaries;
- the scope **profiles:<CBS code>** changes with what that municipality's profiles show: its norms, agenda items,
  wijken, and the entries of its sociale kaart (the inventory and the registration norms count them).

Any save or delete through the ORM of a model of the apps the profile reads sends Django's signals, which
`receivers.py` turns into new stamps; the bulk writers that skip those signals (the summaries' recompute, the
indicator import) call `changed` themselves. Signed-in people always get a freshly rendered page.
"""

from socialebasis.core import page_cache

SITE = "profiles"


def scopes(statcode: str) -> list[str]:
    return [SITE, f"{SITE}:{statcode}"]


def changed(statcodes=None) -> None:
    """What profiles show has changed: of these municipalities (CBS codes), or of all when None."""
    page_cache.changed([SITE] if statcodes is None else [f"{SITE}:{code}" for code in statcodes])
