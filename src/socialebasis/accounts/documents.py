"""The privacy statement and the terms of use a resident accepts when signing up, each in versions.

A new version is a new template file and a new entry here; a person's consent records the version they accepted
(`Consent`), so a changed text never pretends to have been accepted before it existed.
"""

from .models import Document

CURRENT_VERSIONS = {Document.PRIVACY: "2026-11-28", Document.TERMS: "2026-11-28"}


def template_of(document: str, version: str | None = None) -> str:
    return f"accounts/documents/{document}-{version or CURRENT_VERSIONS[document]}.html"
