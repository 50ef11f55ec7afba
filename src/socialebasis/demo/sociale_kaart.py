"""The sociale kaart's demo entries from data/demo/sociale-kaart.json, written through the directory's services.

Loading twice changes nothing: entries are found again by their external id (`demo-…`) and saved only when a value
differs. Demo entries carry `is_demo=True` and no contact data, so nothing invented can pass for a real phone number.
"""

import json
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from django.db import transaction

from socialebasis.areas.models import Municipality
from socialebasis.directory import services
from socialebasis.directory.models import Activity, MeetingPlace, Organisation
from socialebasis.directory.vocabulary import Status

LOCAL = ZoneInfo("Europe/Amsterdam")


def _upsert(model, municipality, external_id: str, values: dict):
    entry = model.objects.filter(municipality=municipality, external_id=external_id).first()
    if entry is None:
        entry = model(municipality=municipality, external_id=external_id)
    changed = entry.pk is None
    for name, value in values.items():
        if getattr(entry, name) != value:
            setattr(entry, name, value)
            changed = True
    if changed:
        services.save_entry(entry, via="load_demo")
    return entry, changed


@transaction.atomic
def load(path: Path) -> dict[str, int]:
    """Create or refresh the demo entries; the counts say how many were new or changed."""
    document = json.loads(Path(path).read_text(encoding="utf-8"))
    counts = {"organisations": 0, "places": 0, "activities": 0}
    shown = {"is_demo": True, "status": Status.PUBLISHED}
    for code, content in document["municipalities"].items():
        municipality = Municipality.objects.filter(statcode=code).first()
        if municipality is None:
            continue
        organisations, places = {}, {}
        for item in content["organisations"]:
            values = {"name": item["name"], "kind": item["kind"], "description": item["description"], **shown}
            organisations[item["key"]], changed = _upsert(Organisation, municipality, f"demo-org-{item['key']}", values)
            counts["organisations"] += changed
        for item in content["places"]:
            values = {
                **{name: item[name] for name in ("name", "kind", "setting", "street", "city", "latitude", "longitude")},
                "organisation": organisations.get(item["organisation"]),
                **shown,
            }
            places[item["key"]], changed = _upsert(MeetingPlace, municipality, f"demo-place-{item['key']}", values)
            counts["places"] += changed
        for item in content["activities"]:
            values = {
                **{name: item[name] for name in ("title", "description", "themes", "target_groups", "goals", "cost")},
                "recurrence": item["recurrence"],
                "starts_at": datetime.fromisoformat(item["starts_at"]).replace(tzinfo=LOCAL),
                "organisation": organisations.get(item["organisation"]),
                "place": places.get(item["place"]),
                "referral_needed": item.get("referral_needed", False),
                "languages": ["nl"],
                **shown,
            }
            _entry, changed = _upsert(Activity, municipality, f"demo-activity-{item['key']}", values)
            counts["activities"] += changed
    services.reassess_all()
    return counts
