"""Whole public pages for anonymous visitors, kept until something they show changes (docs/adr/0038-pages-as-fast-as-
the-api.md). One mechanism for every app: a view says which *scopes* its page depends on, an app that writes says
which scopes it changed.

A scope has a stamp: a random token in the cache. `changed(scopes)` replaces the stamps, so every page made before
is never found again; a stamp the cache lost is simply new, so nothing stale comes back. A page is kept under the
request's full path, its language, today's date (pages that list "the next dates" change at midnight) and the
stamps of its scopes.

Only what anybody would get is kept: the request is a GET by someone not signed in, without a session or a
message waiting (no session cookie, no messages cookie), and the answer is a plain 200 HTML page that sets no
cookie. The CSRF token of the page's forms (the language choice) belongs to one visitor: it is kept as a placeholder
and every visitor gets their own in its place. A cache that does not answer makes every page fresh.
"""

import hashlib
import logging
import re
import uuid
from functools import partial, wraps

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils import timezone
from django.utils.translation import get_language

logger = logging.getLogger(__name__)
KEPT_FOR = 3600  # pages and stamps leave the cache after an hour: the bound on staleness if a change met a dead cache
_TOKEN = re.compile(r'(name="csrfmiddlewaretoken" value=")[^"]*(")')
_PLACEHOLDER = "\x00csrf\x00"  # never in a page: the NUL middleware refuses it in any input


def _stamp_key(scope: str) -> str:
    return f"page-stamp:{scope}"


def _stamps(scopes: list[str]) -> list[str] | None:
    keys = [_stamp_key(scope) for scope in scopes]
    try:
        found = cache.get_many(keys)
        for key in keys:
            if key not in found:
                cache.add(key, uuid.uuid4().hex, KEPT_FOR)
                found[key] = cache.get(key)
    except Exception:  # a cache that is down: render as if there were none
        logger.warning("page cache unavailable", exc_info=True)
        return None
    stamps = [found[key] for key in keys]
    return None if None in stamps else stamps


def _anybody(request) -> bool:
    """Would anybody get the same page? A GET by a visitor not signed in, with no session and no message waiting."""
    cookies = request.COOKIES
    return (
        request.method in ("GET", "HEAD")
        and not request.user.is_authenticated
        and settings.SESSION_COOKIE_NAME not in cookies
        and CookieStorage.cookie_name not in cookies
    )


def key_for(request, scopes: list[str]) -> str | None:
    """The cache key of this request's public page, or None when it must be made fresh."""
    if not _anybody(request):
        return None
    stamps = _stamps(scopes)
    if stamps is None:
        return None
    path = hashlib.sha256(request.get_full_path().encode()).hexdigest()[:32]
    # The stamps as one digest: a page of many scopes (the wijk page) keeps its key short enough for any cache.
    stamped = hashlib.sha256(":".join(stamps).encode()).hexdigest()[:32]
    return f"page:{path}:{get_language()}:{timezone.localdate().isoformat()}:{stamped}"


def _get(key: str):
    try:
        return cache.get(key)
    except Exception:
        logger.warning("page cache unavailable", exc_info=True)
        return None


def _put(key: str, value) -> None:
    try:
        cache.set(key, value, KEPT_FOR)
    except Exception:
        logger.warning("page cache unavailable", exc_info=True)


def _keepable(response) -> bool:
    return (
        response.status_code == 200
        and not response.streaming
        and response.get("Content-Type", "").startswith("text/html")
        and not response.cookies
        and not response.has_header("Cache-Control")
    )


def cached_for_visitors(scopes_of):
    """Decorate a view whose page, for anonymous visitors, depends only on its URL and on the rows of these scopes:
    `scopes_of(request, *args, **kwargs)` names them (for example `["directory"]`), or None: not kept."""

    def decorate(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            scopes = scopes_of(request, *args, **kwargs)
            key = None if scopes is None else key_for(request, scopes)
            if key is None:
                return view(request, *args, **kwargs)
            page = _get(key)
            if page is not None:
                html = page["html"]
                if _PLACEHOLDER in html:  # as a fresh page would, only a page with a form gets a token
                    html = html.replace(_PLACEHOLDER, get_token(request))
                return HttpResponse(html, content_type=page["content_type"])
            response = view(request, *args, **kwargs)
            if hasattr(response, "render") and callable(response.render):
                response = response.render()
            if _keepable(response):
                html = _TOKEN.sub(rf"\g<1>{_PLACEHOLDER}\g<2>", response.content.decode(response.charset))
                _put(key, {"html": html, "content_type": response["Content-Type"]})
            return response

        return wrapped

    return decorate


def changed(scopes: list[str]) -> None:
    """What the pages of these scopes show has changed: pages made before are not found again."""
    keys = [_stamp_key(scope) for scope in scopes]
    try:
        cache.set_many({key: uuid.uuid4().hex for key in keys}, KEPT_FOR)
    except Exception:
        # The stamps could not be replaced: drop them, so that pages made before are not found by their stamps.
        logger.error("page cache: a change could not be recorded", exc_info=True)
        try:
            cache.delete_many(keys)
        except Exception:
            logger.error("page cache: stale pages may be served until the cache answers again", exc_info=True)


def follow(scope: str, models: frozenset[str], *, also=(), uid: str, unseen=None) -> None:
    """Give `scope` a new stamp after the commit of every ORM save, delete or many-to-many change of the named models
    (`app_label.modelname`, lower case; a many-to-many change counts for the model whose relation changed), and of
    each signal in `also` sent for them (`workflows.signals.transitioned`: a status step is written by `.update()`).
    After the commit: a page made from the old rows meanwhile is kept under the old stamp, never found again.

    `unseen(signal=…, instance=…, **kwargs)`, if given, names the writes no page of the scope shows (a new entry that
    waits for moderation): those keep the stamp."""

    def row_changed(sender, instance=None, **kwargs) -> None:
        names = {sender._meta.label_lower}
        if instance is not None and hasattr(instance, "_meta"):
            names.add(instance._meta.label_lower)
        if names.isdisjoint(models) or (unseen is not None and unseen(instance=instance, **kwargs)):
            return
        transaction.on_commit(partial(changed, [scope]))

    for n, signal in enumerate((post_save, post_delete, m2m_changed, *also)):
        signal.connect(row_changed, weak=False, dispatch_uid=f"{uid}-{n}")
