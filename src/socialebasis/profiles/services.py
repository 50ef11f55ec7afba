"""Writes for profiles: minimum standards (with presets) and the sociale agenda. Every change is audited."""

import json
from pathlib import Path

from django.db import transaction

from socialebasis.areas.models import Municipality
from socialebasis.audit.models import Action
from socialebasis.audit.services import record_event
from socialebasis.indicators.models import Indicator

from .models import AgendaItem, Norm

PRESETS = Path(__file__).resolve().parent / "presets"


class PresetError(ValueError):
    pass


def preset_path(municipality: Municipality) -> Path | None:
    path = PRESETS / f"{municipality.statcode}.json"
    return path if path.exists() else None


def apply_preset(municipality: Municipality, actor=None) -> tuple[int, int]:
    """Add the municipality's preset norms that are not there yet (idempotent). Returns (added, present)."""
    path = preset_path(municipality)
    if path is None:
        raise PresetError(f"Er is geen voorinstelling voor {municipality.name}.")
    document = json.loads(path.read_text(encoding="utf-8"))
    added = present = 0
    with transaction.atomic():
        for position, item in enumerate(document["norms"]):
            if Norm.objects.filter(municipality=municipality, preset=item["preset"]).exists():
                present += 1
                continue
            indicator = None
            if item.get("indicator"):
                indicator = Indicator.objects.filter(key=item["indicator"]).first()
                if indicator is None:
                    raise PresetError(
                        f"Indicator {item['indicator']} is nog niet geladen; importeer eerst de gezondheidscijfers."
                    )
            norm = Norm.objects.create(
                municipality=municipality,
                title=item["title"],
                explanation=item.get("explanation", ""),
                kind=item["kind"],
                indicator=indicator,
                group=item.get("group", ""),
                threshold=item.get("threshold", 0),
                registration=item.get("registration", ""),
                preset=item["preset"],
                position=position,
            )
            record_event(actor, Action.CREATE, norm, municipality=municipality.statcode, preset=item["preset"])
            added += 1
    return added, present


def save_norm(form, actor, municipality: Municipality) -> Norm:
    with transaction.atomic():
        is_new = form.instance.pk is None
        norm = form.save(commit=False)
        norm.municipality = municipality
        norm.save()
        record_event(
            actor,
            Action.CREATE if is_new else Action.UPDATE,
            norm,
            municipality=municipality.statcode,
            changed=sorted(form.changed_data),
        )
        return norm


def delete_norm(norm: Norm, actor) -> None:
    with transaction.atomic():
        record_event(actor, Action.DELETE, norm, municipality=norm.municipality.statcode)
        norm.delete()


def save_agenda_item(form, actor, district) -> AgendaItem:
    with transaction.atomic():
        is_new = form.instance.pk is None
        item = form.save(commit=False)
        item.district = district
        if is_new:
            item.created_by = actor
        item.save()
        form.save_m2m()
        record_event(
            actor,
            Action.CREATE if is_new else Action.UPDATE,
            item,
            municipality=district.municipality.statcode,
            district=district.statcode,
            changed=sorted(form.changed_data),
        )
        return item


def delete_agenda_item(item: AgendaItem, actor) -> None:
    with transaction.atomic():
        record_event(actor, Action.DELETE, item, municipality=item.district.municipality.statcode)
        item.delete()
