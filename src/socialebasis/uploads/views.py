"""Serve an uploaded file or its thumbnail, only to whom may see the object it belongs to.

There is no public address for uploaded files: every request comes here, and the permission helper answers
first. The answer can never be taken for a page of ours: the stored type with `nosniff`, a sandbox policy that
stops scripts and plugins, and a PDF as a download rather than shown in the browser.
"""

from pathlib import PurePath
from uuid import UUID

from django.core.exceptions import SuspiciousFileOperation
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.utils.text import get_valid_filename
from django.views.decorators.http import require_safe

from socialebasis.audit.models import Action
from socialebasis.audit.services import record_event
from socialebasis.core.views import unavailable_response

from . import selectors
from .models import Kind

# Public files may be kept by browsers and proxies for a short while: an object that stops being public (a
# withdrawn activity) stops showing its photo to others within this time.
PUBLIC_MAX_AGE = 600


@require_safe
def upload_file(request: HttpRequest, pk: UUID) -> HttpResponse:
    return _serve(request, pk, thumbnail=False)


@require_safe
def upload_thumbnail(request: HttpRequest, pk: UUID) -> HttpResponse:
    return _serve(request, pk, thumbnail=True)


def _serve(request: HttpRequest, pk: UUID, *, thumbnail: bool) -> HttpResponse:
    upload = selectors.upload_for(request.user, pk)
    if upload is None:
        raise Http404
    stored = upload.thumbnail if thumbnail else upload.file
    if not stored:
        raise Http404  # a document has no thumbnail
    try:
        handle = default_storage.open(stored.name, "rb")
    except FileNotFoundError:
        raise Http404 from None
    except Exception:
        return unavailable_response(request)
    try:
        public = selectors.is_public(upload)
        if not public and not thumbnail and upload.owner_id != request.user.pk:
            # Someone else's file that not everyone may see: staff reading a resident's document, for instance.
            record_event(request.user, Action.VIEW, upload, purpose=upload.purpose)
    except BaseException:
        handle.close()
        raise
    response = FileResponse(
        handle,
        content_type=upload.mime_type,
        as_attachment=upload.kind == Kind.DOCUMENT,
        filename=_download_name(upload.original_name, stored.name, thumbnail=thumbnail),
    )
    response["X-Content-Type-Options"] = "nosniff"
    # Our own policy for this response (the site-wide one is for pages): nothing may run, nothing may load.
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cross-Origin-Resource-Policy"] = "same-origin"
    if public:
        response["Cache-Control"] = f"public, max-age={PUBLIC_MAX_AGE}"
    else:
        response["Cache-Control"] = "private, no-store"
    return response


def _download_name(original_name: str, stored_name: str, *, thumbnail: bool) -> str:
    """The name a browser gives the file when it is saved: the original one, tamed, with our own extension."""
    try:
        stem = get_valid_filename(PurePath(original_name).stem)[:80]
    except SuspiciousFileOperation:
        stem = ""
    return f"{stem or 'bestand'}{'-klein' if thumbnail else ''}.{stored_name.rsplit('.', 1)[-1]}"
