"""The public wijk profile, rendered once per change of what it shows (docs/adr/0038-pages-as-fast-as-the-api.md).

Only what an anonymous visitor sees is kept: the part of the page below the links (`_profile_body.html`), per
wijk, year asked for, language, and two stamps. A stamp is a random token in the cache; a change replaces it, so the
pages made before it are never found again (and a stamp the cache lost is simply new: nothing stale comes back).

- the **site stamp** changes with what every profile shows: indicators, sources, areas, imported figures
  (`values_changed`), a recompute of the summaries;
- the **municipality stamp** changes with what that municipality's profiles show: its norms, agenda items, wijken,
  and the entries of its sociale kaart (the inventory and the registration norms count them).

Any save or delete through the ORM of a model of the apps the profile reads sends Django's signals, which
`receivers.py` turns into a new stamp; the bulk writers that skip those signals (the summaries' recompute, the
indicator import) change the stamp themselves. Signed-in people always get a freshly rendered page: what they see
depends on their permissions (agenda items, the links to change them), and no page made for them is kept.
A cache that does not answer makes every page fresh, as without this module.
"""

import logging
import uuid

from django.core.cache import cache
from django.utils.translation import get_language

logger = logging.getLogger(__name__)
KEPT_FOR = 3600  # pages and stamps leave the cache after an hour: the bound on staleness if a change met a dead cache
SITE = "profiles:stamp:site"


def _municipality_key(statcode: str) -> str:
    return f"profiles:stamp:{statcode}"


def _stamps(statcode: str) -> tuple[str, str]:
    keys = [SITE, _municipality_key(statcode)]
    found = cache.get_many(keys)
    stamps = []
    for key in keys:
        if key not in found:
            cache.add(key, uuid.uuid4().hex, KEPT_FOR)
            found[key] = cache.get(key)
        stamps.append(found[key])
    return stamps[0], stamps[1]


def key_for(request, statcode: str, district_code: str, year: int | None) -> str | None:
    """The cache key of the public page, or None: someone signed in, or the cache does not answer."""
    if request.user.is_authenticated:
        return None
    try:
        site, municipality = _stamps(statcode)
    except Exception:  # a cache that is down: render as if there were none
        logger.warning("profile cache unavailable", exc_info=True)
        return None
    if site is None or municipality is None:
        return None
    return f"profiles:page:{statcode}:{district_code}:{year or ''}:{get_language()}:{site}:{municipality}"


def get(key: str | None):
    if key is None:
        return None
    try:
        return cache.get(key)
    except Exception:
        logger.warning("profile cache unavailable", exc_info=True)
        return None


def put(key: str | None, value) -> None:
    if key is None:
        return
    try:
        cache.set(key, value, KEPT_FOR)
    except Exception:
        logger.warning("profile cache unavailable", exc_info=True)


def changed(statcodes=None) -> None:
    """What profiles show has changed: of these municipalities (CBS codes), or of all when None."""
    keys = [SITE] if statcodes is None else [_municipality_key(code) for code in statcodes]
    try:
        cache.set_many({key: uuid.uuid4().hex for key in keys}, KEPT_FOR)
    except Exception:
        # The stamps could not be replaced: drop them, so that pages made before are not found by their stamps.
        logger.error("profile cache: a change could not be recorded", exc_info=True)
        try:
            cache.delete_many(keys)
        except Exception:
            logger.error("profile cache: stale pages may be served until the cache answers again", exc_info=True)
