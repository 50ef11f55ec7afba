"""Bulk import of activities from CSV or XLSX (template and column list: docs/sociale-kaart-import.md).

Every row is validated before anything is written. By default one wrong cell means nothing is written
(BulkImportError lists every problem with its row and column, in Dutch); with `partial=True` the valid rows
are imported and the others reported. Rows are matched on (municipality, external id), so importing the
same file twice changes nothing the second time.
"""

import io
import math
import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone

from socialebasis.areas.models import District, Municipality
from socialebasis.core.dates import DUTCH_MESSAGE, in_window, parse_day
from socialebasis.core.files import FileProblem, check_zip, csv_delimiter, read_csv
from socialebasis.core.numbers import parse_float, parse_int

from . import services
from .models import Activity, MeetingPlace, Organisation
from .schedule import ScheduleError, check_rule
from .vocabulary import Accessibility, Cost, Language, OrganisationKind, Status, TargetGroup, Theme

MAX_ROWS = 20000
MAX_BYTES = 20 * 1024 * 1024
# What a file may hold beyond MAX_BYTES: the longest text a column takes is 2000 characters (validate_row), so
# a much longer cell is a broken or hostile file; an XLSX is a zip, checked before openpyxl opens it.
MAX_CELL = 10_000
MAX_COLUMNS = 100
XLSX_MAX_MEMBERS = 200
XLSX_MAX_UNPACKED = 100 * 1024 * 1024
XLSX_MAX_RATIO = 150

# column → (required, description) — the template in docs/ lists the same columns.
COLUMNS = {
    "extern_id": True,
    "gemeente": True,
    "titel": True,
    "omschrijving": False,
    "organisatie": False,
    "organisatievorm": False,
    "plek": False,
    "adres": False,
    "postcode": False,
    "plaats": False,
    "breedtegraad": False,
    "lengtegraad": False,
    "wijk": False,
    "doelgroepen": False,
    "themas": False,
    "doelen": False,
    "kosten": False,
    "aanmelden": False,
    "verwijzing": False,
    "toegankelijkheid": False,
    "talen": False,
    "contactpersoon": False,
    "email": False,
    "telefoon": False,
    "start": False,
    "duur": False,
    "herhaling": False,
    "uitzonderingen": False,
}
YES = {"ja", "j", "yes", "true", "1", "x"}
NO = {"nee", "n", "no", "false", "0", ""}


@dataclass
class RowError:
    row: int
    column: str
    message: str

    def __str__(self) -> str:
        return (
            f"rij {self.row}, kolom {self.column}: {self.message}" if self.column else f"rij {self.row}: {self.message}"
        )


class BulkImportError(ValueError):
    """The file cannot be imported; `errors` name the row and column of each problem, in Dutch."""

    def __init__(self, errors: list[RowError]):
        self.errors = errors
        super().__init__("\n".join(str(e) for e in errors[:50]))


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: list[RowError] = field(default_factory=list)

    def summary(self) -> str:
        text = f"{self.created} nieuw, {self.updated} bijgewerkt, {self.unchanged} ongewijzigd"
        if self.skipped:
            text += f", {len({e.row for e in self.skipped})} rijen overgeslagen"
        return text


def read_rows(content: bytes, filename: str) -> list[dict[str, str]]:
    """The rows of a CSV or XLSX file as dicts of lower-case column name → text."""
    if len(content) > MAX_BYTES:
        raise BulkImportError([RowError(0, "", "het bestand is groter dan 20 MB")])
    try:
        rows = _xlsx_rows(content) if filename.lower().endswith(".xlsx") else _csv_rows(content)
    except FileProblem as problem:
        raise BulkImportError([_row_error(problem, content, filename)]) from None
    if not rows:
        raise BulkImportError([RowError(1, "", "het bestand heeft geen kopregel")])
    header = [str(h or "").strip().lower() for h in rows[0]]
    missing = [name for name, required in COLUMNS.items() if required and name not in header]
    if missing:
        raise BulkImportError([RowError(1, name, "deze verplichte kolom ontbreekt") for name in missing])
    if len(rows) - 1 > MAX_ROWS:
        raise BulkImportError([RowError(0, "", f"meer dan {MAX_ROWS} rijen; splits het bestand")])
    result = []
    for values in rows[1:]:
        cells = ["" if v is None else str(v).strip() for v in values]
        result.append({name: cells[i] if i < len(cells) else "" for i, name in enumerate(header) if name})
    return result


def _row_error(problem: FileProblem, content: bytes, filename: str) -> RowError:
    """A problem of the file reader as a RowError, the column named from the header where it can be."""
    column = ""
    if problem.column is not None:
        column = str(problem.column + 1)
        if not filename.lower().endswith(".xlsx"):
            first = content[:4096].decode("utf-8-sig", errors="replace").split("\n", 1)[0]
            names = first.split(csv_delimiter(first))
            if problem.column < len(names):
                column = names[problem.column].strip().strip('"').lower()[:40] or column
    return RowError(problem.row, column, problem.message)


def _csv_rows(content: bytes) -> list[list[str]]:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise BulkImportError([RowError(0, "", "het bestand is geen UTF-8-tekst; sla het op als CSV UTF-8")]) from None
    if "\x00" in text:
        raise BulkImportError([RowError(0, "", "het bestand bevat binaire tekens; is het wel een CSV-bestand?")])
    return read_csv(text, max_rows=MAX_ROWS, max_cell=MAX_CELL)


def _xlsx_rows(content: bytes) -> list[list[Any]]:
    """The first sheet's rows, read only after the zip itself is checked (a small XLSX can unpack to gigabytes),
    in openpyxl's read-only mode, with at most MAX_ROWS rows and MAX_COLUMNS columns and cells of MAX_CELL."""
    from openpyxl import load_workbook

    check_zip(content, max_members=XLSX_MAX_MEMBERS, max_total=XLSX_MAX_UNPACKED, max_ratio=XLSX_MAX_RATIO)
    rows: list[list[Any]] = []
    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
        try:
            sheet = workbook.worksheets[0]
            for values in sheet.iter_rows(max_col=MAX_COLUMNS, values_only=True):
                rows.append(list(values))
                if len(rows) > MAX_ROWS + 1:
                    raise FileProblem(f"meer dan {MAX_ROWS} rijen; splits het bestand")
        finally:
            workbook.close()
    except FileProblem:
        raise
    except Exception:  # openpyxl raises many kinds of errors for damaged files; all mean "unreadable"
        raise BulkImportError([RowError(0, "", "het Excel-bestand (xlsx) is onleesbaar")]) from None
    cleaned = []
    for number, row in enumerate(rows, start=1):
        cells = []
        for column, value in enumerate(row):
            text = value.isoformat(sep=" ") if isinstance(value, datetime) else value
            if isinstance(text, str) and len(text) > MAX_CELL:
                raise FileProblem(f"de tekst is langer dan {MAX_CELL} tekens", number, column)
            if isinstance(text, str) and "\x00" in text:
                raise FileProblem("de cel bevat een NUL-teken", number, column)
            if isinstance(text, float) and not math.isfinite(text):
                raise FileProblem("dit is geen eindig getal", number, column)
            cells.append("" if text is None else text)
        cleaned.append(cells)
    return cleaned


def _list(value: str, choices, row: int, column: str, errors: list[RowError]) -> list[str]:
    items = [v.strip() for v in re.split(r"[,;|]", value) if v.strip()]
    allowed = {str(v) for v in choices.values} if hasattr(choices, "values") else set(choices)
    wrong = [v for v in items if v not in allowed]
    if wrong:
        errors.append(
            RowError(row, column, f"onbekende waarde {', '.join(wrong)}; kies uit {', '.join(sorted(allowed))}")
        )
    return [v for v in items if v in allowed]


def _bool(value: str, row: int, column: str, errors: list[RowError]) -> bool:
    lowered = value.lower()
    if lowered in YES:
        return True
    if lowered not in NO:
        errors.append(RowError(row, column, "vul ja of nee in"))
    return False


def _float(value: str, low: float, high: float, row: int, column: str, errors: list[RowError]) -> float | None:
    if not value:
        return None
    number = parse_float(value, decimal_comma=True)
    if number is None:
        errors.append(RowError(row, column, "dit is geen getal"))
        return None
    if not low <= number <= high:
        errors.append(RowError(row, column, f"het getal moet tussen {low} en {high} liggen"))
        return None
    return number


def validate_row(data: dict[str, str], row: int, municipalities: dict, goals_of) -> tuple[dict, list[RowError]]:
    errors: list[RowError] = []
    for name, required in COLUMNS.items():
        if required and not data.get(name):
            errors.append(RowError(row, name, "dit veld is verplicht"))
        if len(data.get(name, "")) > 2000:
            errors.append(RowError(row, name, "de tekst is te lang (meer dan 2000 tekens)"))
    code = data.get("gemeente", "").upper()
    municipality = municipalities.get(code)
    if code and municipality is None:
        errors.append(RowError(row, "gemeente", f"onbekende gemeentecode {code}"))
    clean: dict[str, Any] = {
        "external_id": data.get("extern_id", "")[:100],
        "municipality": municipality,
        "title": data.get("titel", "")[:200],
        "description": data.get("omschrijving", ""),
        "target_groups": _list(data.get("doelgroepen", ""), TargetGroup, row, "doelgroepen", errors),
        "themes": _list(data.get("themas", ""), Theme, row, "themas", errors),
        "accessibility": _list(data.get("toegankelijkheid", ""), Accessibility, row, "toegankelijkheid", errors),
        "languages": _list(data.get("talen", ""), Language, row, "talen", errors),
        "registration_needed": _bool(data.get("aanmelden", ""), row, "aanmelden", errors),
        "referral_needed": _bool(data.get("verwijzing", ""), row, "verwijzing", errors),
        "contact_name": data.get("contactpersoon", "")[:100],
        "contact_phone": data.get("telefoon", "")[:30],
    }
    if municipality is not None:
        known_goals = goals_of(municipality)
        if known_goals:
            clean["goals"] = _list(data.get("doelen", ""), known_goals, row, "doelen", errors)
        else:
            # No framework yet: keep the keys; the assessment ignores keys its framework does not have.
            given = [v.strip()[:60] for v in re.split(r"[,;|]", data.get("doelen", "")) if v.strip()]
            clean["goals"] = [v for v in given if re.fullmatch(r"[a-z0-9_]+", v)]
    cost = data.get("kosten", "") or Cost.FREE
    if cost not in Cost.values:
        errors.append(RowError(row, "kosten", f"kies uit {', '.join(Cost.values)}"))
    clean["cost"] = cost
    email = data.get("email", "")
    if email:
        try:
            validate_email(email)
        except ValidationError:
            errors.append(RowError(row, "email", "dit is geen geldig e-mailadres"))
    clean["contact_email"] = email if len(email) <= 254 else ""
    kind = data.get("organisatievorm", "") or OrganisationKind.INFORMAL_GROUP
    if data.get("organisatie") and kind not in OrganisationKind.values:
        errors.append(RowError(row, "organisatievorm", f"kies uit {', '.join(OrganisationKind.values)}"))
    clean["organisation"] = (data.get("organisatie", "")[:200], kind)
    latitude = _float(data.get("breedtegraad", ""), 50.0, 54.0, row, "breedtegraad", errors)
    longitude = _float(data.get("lengtegraad", ""), 3.0, 8.0, row, "lengtegraad", errors)
    if (latitude is None) != (longitude is None):
        errors.append(RowError(row, "lengtegraad", "vul breedtegraad en lengtegraad allebei in"))
    clean["place"] = {
        "name": data.get("plek", "")[:200],
        "street": data.get("adres", "")[:200],
        "postcode": data.get("postcode", "").replace(" ", "")[:7],
        "city": data.get("plaats", "")[:100],
        "latitude": latitude,
        "longitude": longitude,
    }
    district_code = data.get("wijk", "").upper()
    clean["district"] = None
    if district_code:
        district = District.objects.filter(statcode=district_code).order_by("-year").first()
        if district is None or (municipality is not None and district.municipality_id != municipality.pk):
            errors.append(RowError(row, "wijk", f"onbekende wijkcode {district_code} in deze gemeente"))
        clean["district"] = district
    starts_at = None
    if data.get("start"):
        try:
            starts_at = datetime.fromisoformat(data["start"].replace("T", " "))
        except (ValueError, OverflowError):
            errors.append(RowError(row, "start", "gebruik de vorm JJJJ-MM-DD UU:MM, bijvoorbeeld 2026-09-01 14:00"))
        else:
            if not in_window(starts_at):
                errors.append(RowError(row, "start", DUTCH_MESSAGE))
                starts_at = None
            elif timezone.is_naive(starts_at):
                starts_at = timezone.make_aware(starts_at)
    clean["starts_at"] = starts_at
    duration = parse_int(data.get("duur", "") or "120", 1, 24 * 60)
    if duration is None:
        errors.append(RowError(row, "duur", "vul het aantal minuten in (1 tot 1440)"))
        duration = 120
    clean["duration_minutes"] = duration
    rule = data.get("herhaling", "")
    if rule:
        if starts_at is None:
            if not data.get("start"):
                errors.append(RowError(row, "start", "een herhaling heeft een eerste datum nodig"))
        else:
            try:
                check_rule(rule, starts_at)
            except ScheduleError as exc:
                errors.append(RowError(row, "herhaling", str(exc)))
    clean["recurrence"] = rule[:300]
    exceptions = []
    for text in [t.strip() for t in re.split(r"[;,]", data.get("uitzonderingen", "")) if t.strip()]:
        try:
            exceptions.append(parse_day(text).isoformat())
        except ValueError as exc:
            errors.append(RowError(row, "uitzonderingen", str(exc)))
    clean["exceptions"] = exceptions
    return clean, errors


def _goals_lookup():
    from socialebasis.frameworks import selectors as framework_selectors

    cache: dict[int, list[str]] = {}

    def goals_of(municipality) -> list[str]:
        if municipality.pk not in cache:
            cache[municipality.pk] = list(framework_selectors.names_in_force(municipality)["goals"])
        return cache[municipality.pk]

    return goals_of


def import_activities(content: bytes, filename: str, *, actor=None, partial: bool = False) -> ImportReport:
    rows = read_rows(content, filename)
    municipalities = {m.statcode: m for m in Municipality.objects.all()}
    goals_of = _goals_lookup()
    valid, report, seen = [], ImportReport(), set()
    for number, data in enumerate(rows, start=2):
        if not any(data.values()):
            continue
        clean, errors = validate_row(data, number, municipalities, goals_of)
        key = (data.get("gemeente", "").upper(), clean["external_id"])
        if clean["external_id"] and key in seen:
            errors.append(RowError(number, "extern_id", "dit extern_id staat al eerder in het bestand"))
        seen.add(key)
        if errors:
            report.skipped.extend(errors)
        else:
            valid.append(clean)
    if report.skipped and not partial:
        raise BulkImportError(report.skipped)
    with transaction.atomic():
        for clean in valid:
            _write(clean, actor, report)
    return report


def _write(clean: dict, actor, report: ImportReport) -> None:
    municipality = clean.pop("municipality")
    organisation_name, kind = clean.pop("organisation")
    place_values = clean.pop("place")
    status = Status.PUBLISHED
    if organisation_name:
        organisation = Organisation.objects.filter(municipality=municipality, name=organisation_name).first()
        if organisation is None:
            organisation = services.save_entry(
                Organisation(municipality=municipality, name=organisation_name, kind=kind, status=status),
                actor=actor,
                via="bulk-import",
            )
        clean["organisation"] = organisation
    else:
        clean["organisation"] = None
    clean["place"] = None
    if place_values["name"]:
        place = MeetingPlace.objects.filter(municipality=municipality, name=place_values["name"]).first()
        if place is None:
            place = services.save_entry(
                MeetingPlace(municipality=municipality, kind="public_building", status=status, **place_values),
                actor=actor,
                via="bulk-import",
            )
        clean["place"] = place
    if clean["district"] is None:
        del clean["district"]  # without a wijk column the wijk follows from the place (services.derive)
    activity = Activity.objects.filter(municipality=municipality, external_id=clean["external_id"]).first()
    if activity is None:
        services.save_entry(Activity(municipality=municipality, status=status, **clean), actor=actor, via="bulk-import")
        report.created += 1
        return
    changed = False
    for name, value in clean.items():
        if getattr(activity, name) != value:
            setattr(activity, name, value)
            changed = True
    if changed:
        services.save_entry(activity, actor=actor, via="bulk-import")
        report.updated += 1
    else:
        report.unchanged += 1


def import_file(path: Path, **kwargs) -> ImportReport:
    try:
        content = Path(path).read_bytes()
    except OSError as exc:
        raise BulkImportError([RowError(0, "", f"het bestand {path} is niet te lezen ({exc.strerror})")]) from None
    return import_activities(content, str(path), **kwargs)
