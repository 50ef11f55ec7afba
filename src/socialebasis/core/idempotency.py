"""Idempotent writes: a form or a client that sends the same write twice (a resubmit after a 503, a double click,
a retry after a lost answer) gets the first answer back instead of a second row (docs/adr/0029).

A write view is wrapped with ``@idempotent``. Its form carries a key in a hidden field (``{% idempotency_key_field %}``
from the ``idempotency`` template library); an API client may send an ``Idempotency-Key`` header instead. The key is
recorded in ``IdempotencyKey`` (unique) inside the same transaction as the write: a repeat waits for the first
attempt to finish and then answers what it answered. A request without a key is handled as before.
"""

import re
from datetime import timedelta
from functools import wraps

from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _

from .models import IdempotencyKey

FIELD = "idempotency_key"
HEADER = "Idempotency-Key"
# Long enough for any retry a person or a client makes; after that a key is forgotten.
KEPT_FOR = timedelta(days=1)
_WELL_FORMED = re.compile(r"[A-Za-z0-9._:-]{8,200}")
# Answers that mean "the write was done": a redirect after a form, or created/no content from an API.
_DONE = {201, 204, 301, 302, 303}


def key_of(request: HttpRequest) -> str | None:
    """The key a request carries (header first, then the form field), or None when it has none or a malformed one."""
    key = request.headers.get(HEADER) or (request.POST.get(FIELD) if request.method == "POST" else None)
    return key if key and _WELL_FORMED.fullmatch(key) else None


def _digest(request: HttpRequest, key: str) -> str:
    # Per account and path: one person's key never answers another's request. Keyed with SECRET_KEY, so the stored
    # value cannot be traced back to an account by trying account numbers.
    account = str(request.user.pk) if request.user.is_authenticated else "-"
    message = f"{account}\n{request.path}\n{key}"
    return salted_hmac("socialebasis.core.idempotency", message, algorithm="sha256").hexdigest()


def idempotent(view):
    """Do a POST with a key at most once; a repeat of a finished one answers as the first did."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        key = key_of(request) if request.method == "POST" else None
        if key is None:
            return view(request, *args, **kwargs)
        with transaction.atomic():
            # A second request with the same key waits here (unique index) until the first one's transaction ends.
            record, created = IdempotencyKey.objects.get_or_create(digest=_digest(request, key))
            if not created:
                return _replay(request, record)
            IdempotencyKey.objects.filter(created_at__lt=timezone.now() - KEPT_FOR).delete()
            response = view(request, *args, **kwargs)
            if response.status_code in _DONE:
                record.status = response.status_code
                record.location = response.get("Location", "")[:2000]
                record.save(update_fields=["status", "location"])
            else:
                record.delete()  # not a finished write (a form with errors): the same key may be used again
            return response

    return wrapper


def _replay(request: HttpRequest, record: IdempotencyKey) -> HttpResponse:
    response = HttpResponse(status=record.status)
    if record.location:
        response["Location"] = record.location
        messages.info(request, _("This was saved already. It has not been saved a second time."))
    response["Idempotent-Replay"] = "true"
    return response
