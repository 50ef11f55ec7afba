"""Evidence links (privacy review): only a web address (http or https, with a host) or a page of this site (one "/")
becomes a link. A protocol-relative `//host`, `/\\host` or another scheme is refused at the field with a Dutch
message, and evidence stored before is never shown as a link to it."""

import pytest
from django.utils import translation

from socialebasis.policy import evidence
from socialebasis.policy.forms import EvidenceFields

REFUSED = [
    "//evil.example/nota",
    "/\\evil.example/nota",
    "javascript:alert(1)",
    "data:text/html,hallo",
    "ftp://files.example/nota.pdf",
    "https:///zonder-host",
    "https:nota",
]


def _form(links: str) -> EvidenceFields:
    return EvidenceFields(data={"links": links}, indicators=[])


@pytest.mark.parametrize("reference", REFUSED)
def test_a_link_that_is_no_web_address_is_refused_at_the_field(reference):
    with translation.override("nl"):
        form = _form(f"https://www.oss.nl/nota - Nota\n{reference} - Kijk hier")
        assert not form.is_valid()
        assert "Regel 2" in form.errors["links"][0] and "https://" in form.errors["links"][0]


def test_web_addresses_pages_of_the_site_and_document_names_are_kept():
    form = _form(
        "https://www.oss.nl/nota - Nota\nhttp://example.nl\n/gemeenten/GM0828/ - Profiel\nWijkfoto 2024 - Rapport"
    )
    assert form.is_valid(), form.errors
    assert [(e["kind"], e["reference"]) for e in form.evidence()] == [
        ("link", "https://www.oss.nl/nota"),
        ("link", "http://example.nl"),
        ("link", "/gemeenten/GM0828/"),
        ("document", "Wijkfoto 2024"),
    ]


@pytest.mark.parametrize("kind", ["link", "document"])
@pytest.mark.parametrize("reference", REFUSED)
def test_evidence_stored_before_is_never_shown_as_a_link_elsewhere(kind, reference):
    shown = evidence.resolve({"kind": kind, "reference": reference, "label": "Kijk hier"})
    assert shown.url == ""
