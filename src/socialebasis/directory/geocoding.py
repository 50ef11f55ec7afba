"""Postcode to coordinates through the PDOK Locatieserver (URL in settings.PDOK_LOCATIESERVER_URL).

The "free" endpoint answers a Solr-style document: {"response": {"numFound": n, "docs": [{"type":
"postcode", "postcode": "5251AB", "centroide_ll": "POINT(5.21 51.69)", ...}]}}. Any failure to reach it or
to read it is GeocodingUnavailable, so that pages can say so in Dutch and the API can answer 503.
"""

import json
import re
from urllib.error import URLError
from urllib.parse import urlencode
from urllib.request import Request, urlopen

from django.conf import settings

POSTCODE = re.compile(r"^\s*([1-9]\d{3})\s?([A-Za-z]{2})\s*$")
# Four digits alone ("5251") are a postcode area: its point comes from our own data, never from PDOK.
POSTCODE_OR_AREA = re.compile(r"^\s*([1-9]\d{3})\s*(?:([A-Za-z]{2})\s*)?$")
POINT = re.compile(r"^POINT\(\s*(-?\d+(?:\.\d+)?)\s+(-?\d+(?:\.\d+)?)\s*\)$")


class GeocodingUnavailable(Exception):
    """The geocoding service could not be reached or gave an answer we cannot read."""


def normalise_postcode(text: str) -> str | None:
    match = POSTCODE.match(text or "")
    return f"{match.group(1)}{match.group(2).upper()}" if match else None


def normalise_postcode_or_area(text: str) -> str | None:
    """ "5251", "5251AB" and "5251 ab" as "5251" or "5251AB"; None for anything else."""
    match = POSTCODE_OR_AREA.match(text or "")
    if not match:
        return None
    return f"{match.group(1)}{match.group(2).upper()}" if match.group(2) else match.group(1)


def locate_postcode(text: str) -> tuple[float, float] | None:
    """(latitude, longitude) for a full postcode (PDOK) or a 4-digit one (our own data, data/geonames/).

    When PDOK cannot be reached or does not know a full postcode, the point of its 4-digit area is used instead, so
    "near me" keeps working without the outside service. GeocodingUnavailable only when neither answers.
    """
    from socialebasis.areas.selectors import postcode_point

    code = normalise_postcode_or_area(text)
    if code is None:
        return None
    area_point = postcode_point(code[:4])
    if len(code) == 4:
        return area_point
    try:
        found = lookup_postcode(code)
    except GeocodingUnavailable:
        if area_point is None:
            raise
        return area_point
    return found or area_point


def lookup_postcode(postcode: str) -> tuple[float, float] | None:
    """(latitude, longitude) of the centre of a postcode; None when PDOK does not know it."""
    code = normalise_postcode(postcode)
    if code is None:
        return None
    query = urlencode({"q": f"postcode:{code}", "fq": "type:postcode", "rows": 1, "fl": "postcode,centroide_ll"})
    request = Request(  # noqa: S310  (URL from settings)
        f"{settings.PDOK_LOCATIESERVER_URL}?{query}", headers={"Accept": "application/json"}
    )
    try:
        with urlopen(request, timeout=settings.PDOK_TIMEOUT) as response:  # noqa: S310  (URL from settings)
            document = json.loads(response.read().decode("utf-8"))
    except (URLError, OSError, ValueError) as exc:
        raise GeocodingUnavailable(str(exc)) from exc
    try:
        docs = document["response"]["docs"]
    except (KeyError, TypeError) as exc:
        raise GeocodingUnavailable("unexpected answer") from exc
    for doc in docs:
        if not isinstance(doc, dict) or doc.get("postcode", "").replace(" ", "").upper() != code:
            continue
        point = POINT.match(doc.get("centroide_ll", ""))
        if point:
            return float(point.group(2)), float(point.group(1))
    return None
