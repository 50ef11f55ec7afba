"""Open Referral HSDS 3.0: the sociale kaart as organizations, services, locations, service_at_location,
schedules and taxonomy terms, validated against the vendored official schemas (vendor/hsds-3.0) in strict
mode, and read back from HSDS documents. Mapping choices: docs/adr/0017-hsds-mapping.md.

Identifiers are UUIDv5 of our own primary keys, so an export is stable between runs. CBS codes travel in
`service_areas` (extent_type "cbs_statcode", extent = the code) with the area's name.
"""

import copy
import json
import logging
import uuid
from functools import cache
from pathlib import Path
from typing import Any

from django.conf import settings
from jsonschema import Draft202012Validator, FormatChecker

from .models import Activity, MeetingPlace, Organisation
from .vocabulary import PUBLIC_STATUSES, Accessibility, Cost, Language, TargetGroup, Theme

logger = logging.getLogger(__name__)
SCHEMA_DIR = settings.BASE_DIR / "vendor" / "hsds-3.0" / "schema" / "compiled"
NAMESPACE = uuid.UUID("6f0c3a52-1d7e-4c59-9b0e-5b8f6a1e2d47")
TAXONOMIES = {
    "theme": ("Sociale Basis thema's", Theme),
    "target_group": ("Sociale Basis doelgroepen", TargetGroup),
}
HSDS_FREQ = {"WEEKLY", "MONTHLY"}


# Our own entities get identifiers that carry their kind and primary key, so an HSDS id is resolved without a
# lookup table; nested objects (schedules, areas, attributes) get UUIDv5 names. Both are stable between runs.
ENTITY_PREFIX = "5b0c1a2e-50c1-4a1e"
ENTITY_KINDS = {"organisation": 1, "activity": 2, "place": 3, "service_at_location": 4}


def uid(kind: str, key: Any) -> str:
    if kind in ENTITY_KINDS and isinstance(key, int):
        return f"{ENTITY_PREFIX}-{0x8000 | ENTITY_KINDS[kind]:04x}-{key:012x}"
    return str(uuid.uuid5(NAMESPACE, f"{kind}:{key}"))


def parse_uid(text: str, kind: str) -> int | None:
    """The primary key inside one of our entity identifiers, or None for any other text."""
    expected = f"{ENTITY_PREFIX}-{0x8000 | ENTITY_KINDS[kind]:04x}-"
    if not isinstance(text, str) or len(text) != 36 or not text.lower().startswith(expected):
        return None
    tail = text[len(expected) :]
    try:
        return int(tail, 16)
    except ValueError:
        return None


# Strict validation, as the specification's own validate_examples_json_schema.sh does.


def strict(schema: Any) -> Any:
    """The schema with additionalProperties false on every object that lists its properties."""
    if isinstance(schema, dict):
        result = {key: strict(value) for key, value in schema.items()}
        if "properties" in result and "additionalProperties" not in result:
            result["additionalProperties"] = False
        return result
    if isinstance(schema, list):
        return [strict(item) for item in schema]
    return schema


@cache
def _compiled(name: str) -> dict:
    return json.loads((SCHEMA_DIR / f"{name}.json").read_text(encoding="utf-8"))


@cache
def validator(kind: str) -> Draft202012Validator:
    service = _compiled("service")
    sal = _compiled("service_at_location")
    schemas = {
        "organization": _compiled("organization"),
        "service": service,
        "service_at_location": sal,
        # The objects without a compiled schema of their own are taken from inside the compiled ones.
        "location": sal["properties"]["location"],
        "schedule": service["properties"]["schedules"]["items"],
        "taxonomy_term": service["properties"]["attributes"]["items"]["properties"]["taxonomy_term"],
        "taxonomy": service["properties"]["attributes"]["items"]["properties"]["taxonomy_term"]["properties"][
            "taxonomy_detail"
        ],
    }
    schema = strict(copy.deepcopy(schemas[kind]))
    schema.pop("$schema", None)
    return Draft202012Validator(schema, format_checker=FormatChecker())


def errors_of(kind: str, document: dict) -> list[str]:
    return [
        f"{kind} {document.get('id', '?')}: {'/'.join(str(p) for p in e.absolute_path) or '(root)'}: {e.message}"
        for e in validator(kind).iter_errors(document)
    ]


# Export.


def taxonomy_documents() -> list[dict]:
    return [
        {"id": uid("taxonomy", key), "name": name, "description": f"{name} (Sociale Basis, sociale kaart)"}
        for key, (name, _choices) in TAXONOMIES.items()
    ]


def taxonomy_term_documents() -> list[dict]:
    terms = []
    for key, (_name, choices) in TAXONOMIES.items():
        for value, label in choices.choices:
            terms.append(_term(key, value, str(label)))
    return terms


def _term(taxonomy: str, value: str, label: str) -> dict:
    return {
        "id": uid(f"term:{taxonomy}", value),
        "code": value,
        "name": label,
        "description": label,
        "taxonomy_id": uid("taxonomy", taxonomy),
        "language": "nl",
    }


def organization_document(organisation: Organisation) -> dict:
    document = {
        "id": uid("organisation", organisation.pk),
        "name": organisation.name,
        "description": organisation.description or organisation.name,
        "legal_status": organisation.get_kind_display(),
    }
    if not organisation.is_demo:
        if organisation.email:
            document["email"] = organisation.email
        if organisation.website:
            document["website"] = organisation.website
    return document


def location_document(place: MeetingPlace) -> dict:
    document = {
        "id": uid("place", place.pk),
        "location_type": "physical",
        "name": place.name,
        "description": place.description or place.name,
        "external_identifier": place.external_id or str(place.pk),
        "external_identifier_type": "sociale-basis",
    }
    if place.latitude is not None and place.longitude is not None:
        document["latitude"] = place.latitude
        document["longitude"] = place.longitude
    if place.organisation_id:
        document["organization_id"] = uid("organisation", place.organisation_id)
    if place.street and place.city:
        document["addresses"] = [
            {
                "id": uid("address", place.pk),
                "location_id": document["id"],
                "address_1": place.street,
                "city": place.city,
                "state_province": "",
                "postal_code": place.postcode,
                "country": "NL",
                "address_type": "physical",
            }
        ]
    labels = dict(Accessibility.choices)
    document["accessibility"] = [
        {"id": uid(f"access:{place.pk}", key), "location_id": document["id"], "description": str(labels[key])}
        for key in place.accessibility
        if key in labels
    ]
    return document


def schedule_document(activity: Activity) -> dict | None:
    if activity.starts_at is None:
        return None
    rule = {}
    for piece in activity.recurrence.split(";"):
        if "=" in piece:
            key, value = piece.split("=", 1)
            rule[key.strip().upper()] = value.strip()
    start = activity.starts_at
    end = start.__class__.fromtimestamp(start.timestamp() + 60 * activity.duration_minutes, start.tzinfo)
    document = {
        "id": uid("schedule", activity.pk),
        "service_id": uid("activity", activity.pk),
        "dtstart": start.date().isoformat(),
        "opens_at": start.strftime("%H:%M"),
        "closes_at": end.strftime("%H:%M"),
        "description": f"RRULE:{activity.recurrence}" if activity.recurrence else "eenmalig",
    }
    if rule.get("FREQ") in HSDS_FREQ:
        document["freq"] = rule["FREQ"]
        if rule.get("BYDAY"):
            document["byday"] = rule["BYDAY"]
        if rule.get("INTERVAL", "").isdigit():
            document["interval"] = int(rule["INTERVAL"])
        if rule.get("COUNT", "").isdigit():
            document["count"] = int(rule["COUNT"])
        if rule.get("BYMONTHDAY"):
            document["bymonthday"] = rule["BYMONTHDAY"]
        if rule.get("UNTIL"):
            document["until"] = rule["UNTIL"]
    if activity.exceptions:
        document["notes"] = "Niet op: " + ", ".join(activity.exceptions)
    return document


def _service_areas(activity: Activity) -> list[dict]:
    service_id = uid("activity", activity.pk)
    areas = [
        {
            "id": uid(f"area:{activity.pk}", activity.municipality.statcode),
            "service_id": service_id,
            "name": activity.municipality.name,
            "description": f"CBS-gemeente {activity.municipality.statcode}",
            "extent": activity.municipality.statcode,
            "extent_type": "cbs_statcode",
        }
    ]
    if activity.district_id:
        district = activity.district
        areas.append(
            {
                "id": uid(f"area:{activity.pk}", f"{district.statcode}:{district.year}"),
                "service_id": service_id,
                "name": district.name,
                "description": f"CBS-wijk {district.statcode} (indeling {district.year})",
                "extent": district.statcode,
                "extent_type": "cbs_statcode",
            }
        )
    return areas


def service_document(activity: Activity) -> dict:
    service_id = uid("activity", activity.pk)
    document = {
        "id": service_id,
        "name": activity.title,
        "description": activity.description or activity.title,
        "status": "active",
        "fees_description": activity.get_cost_display() + (f" ({activity.cost_note})" if activity.cost_note else ""),
        "application_process": "Aanmelden nodig" if activity.registration_needed else "Aanmelden niet nodig",
        "eligibility_description": "Verwijzing nodig" if activity.referral_needed else "Geen verwijzing nodig",
        "last_modified": activity.updated_at.isoformat(),
        "service_areas": _service_areas(activity),
        "languages": [
            {"id": uid(f"language:{activity.pk}", code), "service_id": service_id, "code": code, "name": str(name)}
            for code, name in Language.choices
            if code in activity.languages
        ],
        "attributes": [],
        "cost_options": [
            {
                "id": uid("cost", activity.pk),
                "service_id": service_id,
                "option": activity.cost,
                "currency": "EUR",
                **({"amount": 0} if activity.cost == Cost.FREE else {}),
                "amount_description": activity.get_cost_display(),
            }
        ],
    }
    if activity.organisation_id:
        document["organization_id"] = uid("organisation", activity.organisation_id)
    schedule = schedule_document(activity)
    document["schedules"] = [schedule] if schedule else []
    for taxonomy, values in (("theme", activity.themes), ("target_group", activity.target_groups)):
        labels = dict(TAXONOMIES[taxonomy][1].choices)
        for value in values:
            if value in labels:
                term = _term(taxonomy, value, str(labels[value]))
                document["attributes"].append(
                    {
                        "id": uid(f"attribute:{activity.pk}:{taxonomy}", value),
                        "link_id": service_id,
                        "link_type": taxonomy,
                        "link_entity": "service",
                        "taxonomy_term_id": term["id"],
                        "taxonomy_term": term,
                    }
                )
    # A place that still waits for moderation is not shown with a published activity (issue 10 point 7).
    if activity.place_id and activity.place.status in PUBLIC_STATUSES:
        document["service_at_locations"] = [service_at_location_document(activity, nested=False)]
    return document


def service_at_location_document(activity: Activity, nested: bool = True) -> dict:
    document = {
        "id": uid("service_at_location", activity.pk),
        "service_id": uid("activity", activity.pk),
        "location_id": uid("place", activity.place_id),
        "location": location_document(activity.place),
    }
    if nested:
        schedule = schedule_document(activity)
        if schedule:
            document["schedules"] = [schedule]
    return document


def documents_of(entries, to_document) -> list[dict]:
    """One document per entry; an entry that cannot be written is left out (and logged) instead of breaking the
    whole list for everyone."""
    documents = []
    for entry in entries:
        try:
            document = to_document(entry)
        except (ValueError, OverflowError, TypeError):
            logger.warning("%s %s left out of an HSDS list", entry._meta.model_name, entry.pk)
            continue
        if document:
            documents.append(document)
    return documents


def export_documents(activities, places, organisations) -> dict[str, list[dict]]:
    activities = list(activities.select_related("municipality", "district", "place"))
    return {
        "organizations": documents_of(organisations, organization_document),
        "services": documents_of(activities, service_document),
        "locations": documents_of(places, location_document),
        "service_at_locations": documents_of(
            [a for a in activities if a.place_id and a.place.status in PUBLIC_STATUSES], service_at_location_document
        ),
        "schedules": documents_of(activities, schedule_document),
        "taxonomies": taxonomy_documents(),
        "taxonomy_terms": taxonomy_term_documents(),
    }


KIND_OF_FILE = {
    "organizations": "organization",
    "services": "service",
    "locations": "location",
    "service_at_locations": "service_at_location",
    "schedules": "schedule",
    "taxonomies": "taxonomy",
    "taxonomy_terms": "taxonomy_term",
}


def validate_export(documents: dict[str, list[dict]]) -> list[str]:
    errors = []
    for name, items in documents.items():
        for item in items:
            errors += errors_of(KIND_OF_FILE[name], item)
    return errors


def write_export(documents: dict[str, list[dict]], directory: Path) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, items in documents.items():
        path = directory / f"{name}.json"
        path.write_text(json.dumps(items, ensure_ascii=False, indent=2), encoding="utf-8")
        written.append(path)
    return written


def page(items: list[dict], number: int, size: int, total: int) -> dict:
    pages = max(1, -(-total // size)) if size else 1
    return {
        "total_items": total,
        "total_pages": pages,
        "page_number": number,
        "size": len(items),
        "first_page": number == 1,
        "last_page": number >= pages,
        "empty": not items,
        "contents": items,
    }
