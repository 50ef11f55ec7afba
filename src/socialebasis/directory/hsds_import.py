"""Read HSDS 3.0 JSON documents (a single object, a list, or a page wrapper with `contents`) into the sociale
kaart. What has a meaning here is mapped; everything else is reported as skipped, by field.

Imported entries wait for moderation (status "submitted") unless `publish` is given, and are matched on
their HSDS id (external id "hsds:<id>"), so importing the same document twice changes nothing.
"""

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, time
from pathlib import Path
from typing import Any

from django.db import transaction
from django.utils import timezone

from socialebasis.areas.models import District, Municipality
from socialebasis.core.dates import DUTCH_MESSAGE, in_window
from socialebasis.core.files import FileProblem, load_json

from . import services
from .models import Activity, MeetingPlace, Organisation
from .vocabulary import Cost, Language, OrganisationKind, Status, TargetGroup, Theme

MAPPED = {
    "organization": {"id", "name", "description", "email", "website", "legal_status", "services", "locations"},
    "service": {
        "id", "name", "description", "status", "organization_id", "organization", "schedules", "service_areas",
        "languages", "attributes", "cost_options", "fees_description", "service_at_locations", "last_modified",
    },
    "location": {"id", "name", "description", "latitude", "longitude", "addresses", "location_type", "organization_id"},
    "service_at_location": {"id", "service_id", "location_id", "location", "service"},
}  # fmt: skip


# A page of the specification's examples is 60 kB and 8 levels deep; a national export stays far below these.
MAX_BYTES = 50 * 1024 * 1024
MAX_DEPTH = 32

METHOD = {
    "organization": "organisation",
    "location": "location",
    "service": "service",
    "service_at_location": "service_at_location",
}


class HSDSImportError(ValueError):
    """The document cannot be read as HSDS; the message is Dutch."""


@dataclass
class HSDSReport:
    created: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)
    skipped: Counter = field(default_factory=Counter)
    problems: list[str] = field(default_factory=list)

    def summary(self) -> str:
        parts = [f"nieuw: {dict(self.created) or 0}", f"bijgewerkt: {dict(self.updated) or 0}"]
        if self.skipped:
            parts.append(
                "overgeslagen velden: " + ", ".join(f"{k} ({n} keer)" for k, n in sorted(self.skipped.items()))
            )
        if self.problems:
            parts.append("niet ingelezen: " + "; ".join(self.problems[:20]))
        return "\n".join(parts)


def objects_in(document: Any) -> list[dict]:
    if isinstance(document, dict) and isinstance(document.get("contents"), list):
        return [item for item in document["contents"] if isinstance(item, dict)]
    if isinstance(document, list):
        return [item for item in document if isinstance(item, dict)]
    if isinstance(document, dict):
        return [document]
    raise HSDSImportError("Het document is geen HSDS-object, lijst of pagina.")


def kind_of(item: dict) -> str | None:
    if "location_type" in item:
        return "location"
    if "status" in item and "name" in item:
        return "service"
    if "name" in item and "description" in item:
        return "organization"
    if "service_id" in item or "location" in item or "service" in item:
        return "service_at_location"
    return None


def _text(value: Any, limit: int) -> str:
    return value[:limit] if isinstance(value, str) else ""


def _upsert(model, municipality, hsds_id: str, values: dict, report: HSDSReport, label: str, publish: bool):
    external_id = f"hsds:{hsds_id}"[:100]
    entry = model.objects.filter(municipality=municipality, external_id=external_id).first()
    created = entry is None
    if created:
        entry = model(municipality=municipality, external_id=external_id)
        entry.status = Status.PUBLISHED if publish else Status.SUBMITTED
    changed = created
    for name, value in values.items():
        if getattr(entry, name) != value:
            setattr(entry, name, value)
            changed = True
    if changed:
        services.save_entry(entry, via="import-hsds")
        (report.created if created else report.updated)[label] += 1
    return entry


class Importer:
    def __init__(self, municipality: Municipality, publish: bool = False):
        self.default = municipality
        self.publish = publish
        self.report = HSDSReport()
        self.organisations: dict[str, Organisation] = {}
        self.places: dict[str, MeetingPlace] = {}

    def _skip(self, kind: str, item: dict) -> None:
        for key in item:
            if key not in MAPPED[kind] and item[key] not in (None, "", [], {}):
                self.report.skipped[f"{kind}.{key}"] += 1

    def _municipality_and_district(self, service: dict) -> tuple[Municipality, District | None]:
        municipality, district = self.default, None
        for area in service.get("service_areas") or []:
            if not isinstance(area, dict):
                continue
            code = _text(area.get("extent"), 20).upper()
            if code.startswith("GM"):
                municipality = Municipality.objects.filter(statcode=code).first() or municipality
            elif code.startswith("WK"):
                district = District.objects.filter(statcode=code).order_by("-year").first()
        if district is not None and district.municipality_id != municipality.pk:
            district = None
        return municipality, district

    def organisation(self, item: dict, municipality=None) -> Organisation | None:
        self._skip("organization", item)
        hsds_id = _text(item.get("id"), 60)
        name = _text(item.get("name"), 200)
        if not hsds_id or not name:
            self.report.problems.append("organisatie zonder id of naam")
            return None
        kinds = {str(label): value for value, label in OrganisationKind.choices}
        kind = kinds.get(_text(item.get("legal_status"), 60), OrganisationKind.FOUNDATION)
        organisation = _upsert(
            Organisation, municipality or self.default, hsds_id,
            {"name": name, "description": _text(item.get("description"), 5000), "kind": kind},
            self.report, "organisaties", self.publish,
        )  # fmt: skip
        self.organisations[hsds_id] = organisation
        return organisation

    def location(self, item: dict, municipality=None) -> MeetingPlace | None:
        self._skip("location", item)
        hsds_id = _text(item.get("id"), 60)
        if not hsds_id:
            self.report.problems.append("locatie zonder id")
            return None
        values = {"name": _text(item.get("name"), 200) or hsds_id, "description": _text(item.get("description"), 5000)}
        values["kind"] = "public_building" if item.get("location_type") == "physical" else "open_space"
        latitude, longitude = item.get("latitude"), item.get("longitude")
        numbers = all(isinstance(v, int | float) and not isinstance(v, bool) for v in (latitude, longitude))
        if numbers and 50 <= latitude <= 54 and 3 <= longitude <= 8:
            values["latitude"], values["longitude"] = float(latitude), float(longitude)
        addresses = [a for a in item.get("addresses") or [] if isinstance(a, dict)]
        if addresses:
            values["street"] = _text(addresses[0].get("address_1"), 200)
            values["postcode"] = _text(addresses[0].get("postal_code"), 7)
            values["city"] = _text(addresses[0].get("city"), 100)
        place = _upsert(
            MeetingPlace, municipality or self.default, hsds_id, values, self.report, "plekken", self.publish
        )
        self.places[hsds_id] = place
        return place

    def service(self, item: dict) -> Activity | None:
        self._skip("service", item)
        hsds_id = _text(item.get("id"), 60)
        name = _text(item.get("name"), 200)
        if not hsds_id or not name:
            self.report.problems.append("dienst zonder id of naam")
            return None
        municipality, district = self._municipality_and_district(item)
        values: dict[str, Any] = {"title": name, "description": _text(item.get("description"), 5000)}
        if district is not None:
            values["district"] = district
        organisation = None
        if isinstance(item.get("organization"), dict):
            organisation = self.organisation(item["organization"], municipality)
        elif isinstance(item.get("organization_id"), str):
            organisation = (
                self.organisations.get(item["organization_id"])
                or Organisation.objects.filter(external_id=f"hsds:{item['organization_id']}").first()
            )
        values["organisation"] = organisation
        terms = [a.get("taxonomy_term") for a in item.get("attributes") or [] if isinstance(a, dict)]
        codes = [_text(t.get("code"), 60) for t in terms if isinstance(t, dict)]
        values["themes"] = [c for c in codes if c in Theme.values]
        values["target_groups"] = [c for c in codes if c in TargetGroup.values]
        languages = [_text(lang.get("code"), 10) for lang in item.get("languages") or [] if isinstance(lang, dict)]
        values["languages"] = [c for c in languages if c in Language.values]
        options = [o for o in item.get("cost_options") or [] if isinstance(o, dict)]
        if options and options[0].get("option") in Cost.values:
            values["cost"] = options[0]["option"]
        schedules = [s for s in item.get("schedules") or [] if isinstance(s, dict)]
        if schedules:
            values.update(self._schedule(schedules[0]))
        sals = [s for s in item.get("service_at_locations") or [] if isinstance(s, dict)]
        if sals and isinstance(sals[0].get("location"), dict):
            values["place"] = self.location(sals[0]["location"], municipality)
        return _upsert(Activity, municipality, hsds_id, values, self.report, "activiteiten", self.publish)

    def _schedule(self, schedule: dict) -> dict:
        values: dict[str, Any] = {}
        try:
            day = datetime.fromisoformat(_text(schedule.get("dtstart"), 30)).date()
            hour = time.fromisoformat(_text(schedule.get("opens_at"), 8) or "00:00")
        except ValueError:
            self.report.skipped["schedule.dtstart"] += 1
            return values
        if not in_window(day):
            name = _text(schedule.get("id"), 60) or "?"
            self.report.problems.append(f"schema {name}: dtstart {day}: {DUTCH_MESSAGE}")
            return values
        values["starts_at"] = timezone.make_aware(datetime.combine(day, hour))
        freq = schedule.get("freq")
        if freq in ("WEEKLY", "MONTHLY"):
            parts = [f"FREQ={freq}"]
            for key, name in (("interval", "INTERVAL"), ("count", "COUNT")):
                if isinstance(schedule.get(key), int | float) and not isinstance(schedule.get(key), bool):
                    parts.append(f"{name}={int(schedule[key])}")
            for key, name in (("byday", "BYDAY"), ("bymonthday", "BYMONTHDAY"), ("until", "UNTIL")):
                text = _text(schedule.get(key), 60)
                if text and all(ch.isalnum() or ch in ",-+" for ch in text):
                    parts.append(f"{name}={text}")
            rule = ";".join(parts)
            from .schedule import ScheduleError, check_rule

            try:
                check_rule(rule, values["starts_at"])
                values["recurrence"] = rule
            except ScheduleError as exc:
                self.report.skipped["schedule.freq"] += 1
                self.report.problems.append(f"schema {_text(schedule.get('id'), 60) or '?'}: {exc}")
        return values

    def service_at_location(self, item: dict) -> None:
        self._skip("service_at_location", item)
        place = self.location(item["location"]) if isinstance(item.get("location"), dict) else None
        if isinstance(item.get("service"), dict):
            activity = self.service(item["service"])
        else:
            activity = Activity.objects.filter(external_id=f"hsds:{_text(item.get('service_id'), 60)}").first()
        if place is None and isinstance(item.get("location_id"), str):
            place = self.places.get(item["location_id"])
        if activity is not None and place is not None and activity.place_id != place.pk:
            activity.place = place
            services.save_entry(activity, via="import-hsds")
            self.report.updated["activiteiten"] += 1


def import_document(document: Any, municipality: Municipality, *, publish: bool = False) -> HSDSReport:
    importer = Importer(municipality, publish)
    items = objects_in(document)
    # Organisations and locations first, so that services can refer to them by id.
    order = {"organization": 0, "location": 1, "service": 2, "service_at_location": 3}
    typed = [(kind_of(item), item) for item in items]
    with transaction.atomic():
        for kind, item in sorted(typed, key=lambda pair: order.get(pair[0], 9)):
            if kind is None:
                importer.report.problems.append(f"onbekend soort object (velden: {', '.join(sorted(item)[:6])})")
            else:
                getattr(importer, METHOD[kind])(item)
    return importer.report


def import_path(path: Path, municipality_code: str, *, publish: bool = False) -> HSDSReport:
    municipality = Municipality.objects.filter(statcode=municipality_code.upper()).first()
    if municipality is None:
        raise HSDSImportError(f"Onbekende gemeente {municipality_code}.")
    return import_document(read_document(path), municipality, publish=publish)


def read_document(path: Path) -> Any:
    """The JSON document in `path`: at most MAX_BYTES, nested at most MAX_DEPTH deep, without NUL characters
    (PostgreSQL cannot store them), and no NaN or Infinity (orjson does not read them)."""
    try:
        with Path(path).open("rb") as file:
            data = file.read(MAX_BYTES + 1)
    except OSError as exc:
        raise HSDSImportError(f"Het bestand {path} kan niet worden gelezen ({exc.strerror}).") from None
    try:
        return load_json(data, max_bytes=MAX_BYTES, max_depth=MAX_DEPTH)
    except FileProblem as problem:
        raise HSDSImportError(f"Het bestand {path}: {problem.message}.") from None
