"""Writes for local frameworks: new versions (edit, import, presets) and recorded assessments.

A new version is validated as a whole before anything is written and is written in one transaction with
its audit line: a bad document changes nothing.
"""

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from socialebasis.areas.models import Municipality
from socialebasis.audit.models import Action
from socialebasis.audit.services import record_event

from . import selectors
from .assessment import Answer, assess_activity
from .document import FrameworkDocumentError, content_hash, validate_document
from .models import Assessment, Channel, Framework, FrameworkVersion
from .signals import version_created

PRESET_DIR = Path(__file__).resolve().parent / "presets"


class FrameworkFileError(ValueError):
    """A file that cannot be read as a framework document; the message is Dutch."""


def preset_codes() -> list[str]:
    return sorted(path.stem for path in PRESET_DIR.glob("GM*.json"))


def read_document(path: Path) -> Any:
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise FrameworkFileError(_("File %(path)s does not exist.") % {"path": path}) from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise FrameworkFileError(
            _("File %(path)s is not valid JSON: %(error)s.") % {"path": path, "error": exc}
        ) from None


def retarget(document: Any, municipality: Municipality) -> Any:
    """Another municipality's document as a start for this one: only the municipality fields change."""
    if not isinstance(document, Mapping):
        return document
    return {**document, "municipality": municipality.statcode, "municipality_name": municipality.name}


@transaction.atomic
def create_version(
    municipality: Municipality,
    document: Any,
    *,
    valid_from: date,
    note: str = "",
    actor=None,
    action: Action = Action.UPDATE,
    via: str = "",
) -> FrameworkVersion:
    """Validate a whole framework document and store it as the municipality's next version."""
    content = validate_document(document)
    if content["municipality"] != municipality.statcode:
        raise FrameworkDocumentError(
            [
                (
                    "municipality",
                    _("The document is for %(code)s, not for %(expected)s.")
                    % {"code": content["municipality"], "expected": municipality.statcode},
                )
            ]
        )
    framework, _created = Framework.objects.get_or_create(municipality=municipality)
    # Lock the framework so that two simultaneous edits cannot both become the same version number.
    framework = Framework.objects.select_for_update().get(pk=framework.pk)
    last = framework.versions.order_by("-number").first()
    version = FrameworkVersion.objects.create(
        framework=framework,
        number=(last.number if last else 0) + 1,
        valid_from=valid_from,
        note=note[:500],
        content=content,
        content_hash=content_hash(content),
        created_by=actor if actor is not None and actor.is_authenticated else None,
    )
    record_event(
        actor,
        action,
        framework,
        municipality=municipality.statcode,
        version=version.number,
        valid_from=valid_from.isoformat(),
        note=version.note,
        via=via,
    )
    version_created.send(sender=FrameworkVersion, version=version, municipality=municipality.statcode)
    return version


@dataclass
class LoadResult:
    version: FrameworkVersion
    created: bool


def import_document(
    municipality: Municipality,
    document: Any,
    *,
    valid_from: date | None = None,
    note: str = "",
    actor=None,
    action: Action = Action.IMPORT,
    via: str = "",
) -> LoadResult:
    """Make a document (possibly another municipality's) this municipality's next version.

    When its content equals the latest version's, nothing is written: importing twice is harmless.
    """
    content = validate_document(retarget(document, municipality))
    latest = selectors.latest_version(municipality)
    if latest is not None and latest.content_hash == content_hash(content):
        return LoadResult(latest, created=False)
    version = create_version(
        municipality,
        content,
        valid_from=valid_from or timezone.localdate(),
        note=note,
        actor=actor,
        action=action,
        via=via,
    )
    return LoadResult(version, created=True)


def load_presets(codes: Iterable[str] | None = None) -> list[tuple[str, LoadResult]]:
    """Load the shipped presets of the seed municipalities, all or nothing; unchanged presets add nothing."""
    codes = list(codes) if codes is not None else preset_codes()
    unknown = sorted(set(codes) - set(preset_codes()))
    if unknown:
        raise FrameworkFileError(_("No preset for %(codes)s.") % {"codes": ", ".join(unknown)})
    municipalities = {m.statcode: m for m in Municipality.objects.filter(statcode__in=codes)}
    missing = [code for code in codes if code not in municipalities]
    if missing:
        raise FrameworkFileError(
            _("Municipality %(codes)s is unknown; import the municipalities first.") % {"codes": ", ".join(missing)}
        )
    documents = {code: read_document(PRESET_DIR / f"{code}.json") for code in codes}
    results = []
    with transaction.atomic():
        for code in codes:
            document = documents[code]
            reference = document.get("document", {}) if isinstance(document, Mapping) else {}
            note = _("Preset from %(title)s") % {"title": reference.get("title") or f"{code}.json"}
            result = import_document(municipalities[code], document, note=note, via="load_framework_presets")
            results.append((code, result))
    return results


def assess(
    version: FrameworkVersion,
    *,
    name: str,
    goals: list[str],
    answers: Mapping[str, Answer],
    actor=None,
    channel: Channel = Channel.API,
) -> dict[str, Any]:
    """Assess an activity with one framework version and keep the assessment with that version."""
    result = assess_activity(version.content, goals, answers, version=version.number).as_dict()
    Assessment.objects.create(
        framework_version=version,
        name=name[:200],
        goals=list(dict.fromkeys(goals)),
        answers=dict(answers),
        verdict=result["verdict"],
        sphere=(result["sphere"] or {}).get("key", ""),
        result=result,
        channel=channel,
        created_by=actor if actor is not None and actor.is_authenticated else None,
    )
    return result
