"""Writes for indicators: the importers and the linking of statistical areas to our districts.

Every importer reads and checks the whole input first and writes only when all of it is right, in one
transaction (a bad file changes nothing). Importing the same input again changes nothing: values are keyed by
(indicator, area, year, group) and updated in place. An empty cell is stored as "not published" (None),
never as zero.
"""

import csv
import hashlib
import io
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from django.db import connection, transaction
from django.utils.text import slugify

from socialebasis.areas.models import District, Municipality
from socialebasis.audit.models import Action
from socialebasis.audit.services import record_event
from socialebasis.core.files import FileProblem, csv_delimiter, read_csv
from socialebasis.core.imports import ImportRefused
from socialebasis.core.imports import ImportReport as BaseImportReport
from socialebasis.core.numbers import parse_float, parse_int

from . import catalogue
from .models import DEFAULT_NOTABLE_DIFFERENCE, Area, ImportRun, Indicator, IndicatorValue, Level, Source, Unit
from .signals import values_changed


class IndicatorImportError(ImportRefused):
    """Input that cannot be imported. `errors` are Dutch and name the row and column."""


@dataclass
class ImportReport(BaseImportReport):
    missing: int = 0
    skipped: int = 0

    def details(self) -> list[str]:
        return [
            f"{self.missing} lege cellen bewaard als 'niet gepubliceerd'",
            f"{self.skipped} rijen overgeslagen" if self.skipped else "",
            *self.notes,
        ]


@dataclass(frozen=True)
class Cell:
    indicator: str
    code: str
    division_year: int
    year: int
    group: str
    value: float | None
    ref: str


def level_of(code: str) -> str:
    if ":" in code:
        return Level.OTHER
    if code.startswith("NL"):
        return Level.COUNTRY
    if code.startswith("GM"):
        return Level.MUNICIPALITY
    if code.startswith("WK"):
        return Level.DISTRICT
    if code.startswith("BU"):
        return Level.NEIGHBOURHOOD
    return Level.OTHER


def municipality_code_of(code: str) -> str:
    if ":" in code:
        return code.split(":", 1)[0]
    if code.startswith("GM"):
        return code
    if code.startswith(("WK", "BU")) and len(code) >= 6:
        return "GM" + code[2:6]
    return ""


def _source(key: str, **defaults) -> Source:
    values = {**catalogue.SOURCES.get(key, {}), **defaults}
    source, _created = Source.objects.update_or_create(key=key, defaults=values)
    return source


def _checksum(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _ensure_indicator(key: str, source: Source, *, label: str, higher_is_better, unit: str, theme: str, **extra):
    indicator = Indicator.objects.filter(key=key).first()
    if indicator is None:
        return Indicator.objects.create(
            key=key,
            label=label,
            source=source,
            higher_is_better=higher_is_better,
            unit=unit,
            theme=theme,
            notable_difference=DEFAULT_NOTABLE_DIFFERENCE.get(unit, 0.0),
            **extra,
        )
    return indicator


def _store(run: ImportRun, cells: list[Cell], indicators: dict[str, Indicator], names: dict, report: ImportReport):
    """Create missing areas, then upsert the cells; count what is new, changed and unchanged."""
    area_keys = {(c.code, c.division_year) for c in cells}
    areas = _areas(area_keys, names)
    existing: dict[tuple, IndicatorValue] = {}
    by_area = defaultdict(set)
    for c in cells:
        by_area[areas[(c.code, c.division_year)].pk].add(indicators[c.indicator].pk)
    for value in IndicatorValue.objects.filter(
        area_id__in=list(by_area), indicator_id__in={i.pk for i in indicators.values()}
    ):
        existing[(value.indicator_id, value.area_id, value.year, value.group)] = value
    to_create, to_update = [], []
    seen = set()
    for c in cells:
        area = areas[(c.code, c.division_year)]
        indicator = indicators[c.indicator]
        key = (indicator.pk, area.pk, c.year, c.group)
        if key in seen:
            raise IndicatorImportError(f"{c.ref}: dit cijfer staat twee keer in de invoer.")
        seen.add(key)
        if c.value is None:
            report.missing += 1
        old = existing.get(key)
        if old is None:
            to_create.append((indicator.pk, area.pk, c.year, c.group, c.value, run.pk, c.ref[:250]))
        elif old.value != c.value or old.source_ref != c.ref[:250]:
            old.value, old.source_ref, old.import_run = c.value, c.ref[:250], run
            to_update.append(old)
        else:
            report.unchanged += 1
    _insert_values(to_create)
    IndicatorValue.objects.bulk_update(to_update, ["value", "source_ref", "import_run"], batch_size=2000)
    report.created += len(to_create)
    report.updated += len(to_update)
    run.created, run.updated, run.unchanged = report.created, report.updated, report.unchanged
    run.save(update_fields=["created", "updated", "unchanged"])


def _insert_values(rows: list[tuple]) -> None:
    """Plain parameterised INSERTs: the ORM's bulk_create spends most of its time building SQL here."""
    table = connection.ops.quote_name(IndicatorValue._meta.db_table)
    sql = (
        f'INSERT INTO {table} (indicator_id, area_id, year, "group", value, import_run_id, source_ref) '  # noqa: S608
        "VALUES (%s, %s, %s, %s, %s, %s, %s)"
    )
    with connection.cursor() as cursor:
        for start in range(0, len(rows), 5000):
            cursor.executemany(sql, rows[start : start + 5000])


def _areas(keys: set[tuple[str, int]], names: dict) -> dict[tuple[str, int], Area]:
    found = {}
    codes = {k[0] for k in keys}
    for area in Area.objects.filter(code__in=codes):
        if (area.code, area.division_year) in keys:
            found[(area.code, area.division_year)] = area
    missing = [
        Area(
            code=code,
            division_year=year,
            level=level_of(code),
            name=names.get(code, ""),
            municipality_code=municipality_code_of(code),
        )
        for code, year in sorted(keys - set(found))
    ]
    Area.objects.bulk_create(missing, ignore_conflicts=True)
    if missing:
        for area in Area.objects.filter(code__in={a.code for a in missing}):
            if (area.code, area.division_year) in keys:
                found[(area.code, area.division_year)] = area
    for code, year in keys:
        area = found[(code, year)]
        if names.get(code) and not area.name and area.level in (Level.COUNTRY, Level.MUNICIPALITY, Level.OTHER):
            area.name = names[code]
            area.save(update_fields=["name"])
    return found


def link_areas() -> None:
    """Point each area to its municipality and country (same division year) and, where the code means the
    same thing, to our District and its name.

    A district code of division year A means the same as the District of year B when the municipality's set
    of district codes is identical in both divisions (Heusden, Oss, West Maas en Waal 2020 = 2023); when
    the set differs (Vijfheerenlanden: 11 wijken in 2020, 39 in 2023, codes reused), the code is not linked
    and the area is shown by its code.
    """
    areas = list(Area.objects.all())
    by_key = {(a.code, a.division_year): a for a in areas}
    data_sets: dict[tuple[str, int], set[str]] = defaultdict(set)
    for a in areas:
        if a.level == Level.DISTRICT:
            data_sets[(a.municipality_code, a.division_year)].add(a.code)
    district_sets: dict[tuple[str, int], set[str]] = defaultdict(set)
    districts = {}
    for d in District.objects.select_related("municipality"):
        district_sets[(d.municipality.statcode, d.year)].add(d.statcode)
        districts[(d.statcode, d.year)] = d
    changed = []
    for a in areas:
        before = (a.municipality_area_id, a.country_area_id, a.district_id, a.name)
        municipality = by_key.get((a.municipality_code, a.division_year)) if a.level != Level.MUNICIPALITY else None
        a.municipality_area_id = municipality.pk if municipality else None
        country = by_key.get(("NL01", a.division_year)) if a.level != Level.COUNTRY else None
        a.country_area_id = country.pk if country else None
        if a.level == Level.DISTRICT:
            a.district_id = None
            exact = districts.get((a.code, a.division_year))
            if exact is not None:
                a.district_id = exact.pk
            else:
                years = sorted({y for (c, y) in districts if c == a.code}, reverse=True)
                for year in years:
                    if district_sets[(a.municipality_code, year)] == data_sets[(a.municipality_code, a.division_year)]:
                        a.district_id = districts[(a.code, year)].pk
                        break
            if a.district_id:
                a.name = next(d.name for d in districts.values() if d.pk == a.district_id)
        if (a.municipality_area_id, a.country_area_id, a.district_id, a.name) != before:
            changed.append(a)
    Area.objects.bulk_update(changed, ["municipality_area", "country_area", "district", "name"], batch_size=1000)


def changed_municipalities(run: ImportRun) -> list[str] | None:
    """The municipalities whose figures an import touched; None when it touched the country's figures."""
    levels = IndicatorValue.objects.filter(import_run=run).values_list("area__level", "area__municipality_code")
    codes = set()
    for level, code in levels.distinct():
        if level == Level.COUNTRY:
            return None
        if code:
            codes.add(code)
    return sorted(codes)


def _finish(run: ImportRun, actor, report: ImportReport, municipality: str = "") -> ImportReport:
    link_areas()
    values_changed.send(sender=ImportRun, run=run, municipalities=changed_municipalities(run))
    record_event(
        actor,
        Action.IMPORT,
        run,
        municipality=municipality,
        kind=run.kind,
        file=run.filename,
        created=report.created,
        updated=report.updated,
        unchanged=report.unchanged,
    )
    return report


def _read_bytes(path: Path) -> bytes:
    try:
        return Path(path).read_bytes()
    except FileNotFoundError:
        raise IndicatorImportError(f"Bestand {path} bestaat niet.") from None


def _number(raw: str, where: str, errors: list[str]) -> float | None:
    """A figure, or None for an empty cell (or CBS's '.'): not published. A comma may be the decimal sign;
    `nan`, `inf` and anything else that is no finite number in ASCII digits is an error."""
    text = (raw or "").strip()
    if text in ("", "."):
        return None
    number = parse_float(text, decimal_comma=True)
    if number is None:
        errors.append(f"{where}: '{text[:30]}' is geen getal.")
    return number


# (a) CBS/RIVM health table 50090NED --------------------------------------------------------------------------

HEALTH_AGE_GROUPS = {"20300": "18+", "80200": "65+"}
HEALTH_DIVISION_YEAR = 2020
_PERIOD = re.compile(r"^(\d{4})JJ00$")
_CBS_ATTRIBUTES = {"Gemeentenaam", "SoortRegio", "Codering", "IndelingswijzigingWijkenEnBuurten"}
_CODE = re.compile(r"^(NL\d{2}|GM\d{4}|WK\d{6}|BU\d{8})$")


def import_health_table(path: Path, *, actor=None, division_year: int = HEALTH_DIVISION_YEAR) -> ImportReport:
    """Import CBS/RIVM 50090NED as CSV with CBS OData column keys: every measure column, every period, both
    age groups. The table uses the region division of 2020 (`division_year`)."""
    data = _read_bytes(path)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise IndicatorImportError(f"Bestand {Path(path).name} is geen UTF-8-tekst.") from None
    reader = csv.DictReader(io.StringIO(text))
    header = reader.fieldnames or []
    required = ["Leeftijd", "Marges", "WijkenEnBuurten", "Perioden"]
    absent = [c for c in required if c not in header]
    if absent:
        raise IndicatorImportError(f"Kolom {', '.join(absent)} ontbreekt in {Path(path).name}.")
    measures = {
        column: catalogue.key_of_column(column)
        for column in header
        if re.search(r"_\d+$", column) and catalogue.key_of_column(column) not in _CBS_ATTRIBUTES
    }
    if not measures:
        raise IndicatorImportError(f"{Path(path).name} heeft geen kolommen met cijfers.")
    report = ImportReport()
    errors: list[str] = []
    cells: list[Cell] = []
    names: dict[str, str] = {}
    groups_of: dict[str, set[str]] = defaultdict(set)
    name_column = next((c for c in header if catalogue.key_of_column(c) == "Gemeentenaam"), None)
    for number, row in enumerate(reader, start=2):
        where = f"Rij {number}"
        if row.get("Marges", "").strip() != "MW00000":
            report.skipped += 1  # margins (lower/upper bounds) are not stored
            continue
        code = (row.get("WijkenEnBuurten") or "").strip()
        if not _CODE.match(code):
            errors.append(f"{where}, kolom 'WijkenEnBuurten': '{code[:20]}' is geen CBS-gebiedscode.")
            continue
        group = HEALTH_AGE_GROUPS.get((row.get("Leeftijd") or "").strip())
        if group is None:
            errors.append(f"{where}, kolom 'Leeftijd': onbekende leeftijdscode '{row.get('Leeftijd', '')[:20]}'.")
            continue
        period = _PERIOD.match((row.get("Perioden") or "").strip())
        if period is None:
            errors.append(f"{where}, kolom 'Perioden': '{row.get('Perioden', '')[:20]}' is geen jaar (zoals 2020JJ00).")
            continue
        year = int(period.group(1))
        if name_column and code.startswith(("NL", "GM")):
            names[code] = (row.get(name_column) or "").strip()
        for column, key in measures.items():
            value = _number(row.get(column, ""), f"{where}, kolom '{column}'", errors)
            cells.append(Cell(key, code, division_year, year, group, value, f"50090NED {code} {year} {group} {column}"))
            groups_of[key].add(group)
    if errors:
        raise IndicatorImportError(errors)
    if not cells:
        raise IndicatorImportError(f"{Path(path).name} bevat geen rijen met cijfers.")
    with transaction.atomic():
        source = _source("cbs-50090ned")
        run = ImportRun.objects.create(
            source=source, kind="cbs-50090ned", filename=Path(path).name, checksum=_checksum(data), actor=actor
        )
        indicators = {}
        for position, (column, key) in enumerate(measures.items()):
            label, better, theme = catalogue.HEALTH.get(key, (catalogue.humanize(key), None, ""))
            indicator = _ensure_indicator(
                key,
                source,
                label=label,
                higher_is_better=better,
                unit=Unit.PERCENT,
                theme=theme,
                cbs_column=column,
                position=position,
            )
            wanted = sorted(set(indicator.groups) | groups_of[key])
            if indicator.cbs_column != column or indicator.groups != wanted:
                indicator.cbs_column, indicator.groups = column, wanted
                indicator.save(update_fields=["cbs_column", "groups"])
            indicators[key] = indicator
        _store(run, cells, indicators, names, report)
        return _finish(run, actor, report)


# (b2) CBS Kerncijfers wijken en buurten as a file -------------------------------------------------------------

# The name of the area itself; `gemeentenaam` is the name of the municipality it lies in.
_KWB_NAME_COLUMNS = ("naam",)


def import_kwb_file(path: Path, *, table: str, year: int, division_year: int | None = None, actor=None):
    """Import a CSV of CBS Kerncijfers wijken en buurten (for example 85984NED, 2024) as it comes from the OData
    API: a column `statcode` (GM…, WK…, BU…) and the measure columns by their CBS key (`AantalInwoners_5`).
    Other columns (names, parent codes) are no figures. The demo ships the residents per wijk and buurt this
    way, so the profiles' rates per 1,000 residents need no network (issue 12 point 7). Columns are matched
    on the key without the running number, as the OData importer does; all rows must be right or nothing is
    stored."""
    data = _read_bytes(path)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise IndicatorImportError(f"Bestand {Path(path).name} is geen UTF-8-tekst.") from None
    reader = csv.DictReader(io.StringIO(text))
    header = reader.fieldnames or []
    if "statcode" not in header:
        raise IndicatorImportError(f"Kolom statcode ontbreekt in {Path(path).name}.")
    measures = {
        column: catalogue.key_of_column(column)
        for column in header
        if re.search(r"_\d+$", column) and catalogue.key_of_column(column) not in _CBS_ATTRIBUTES
    }
    if not measures:
        raise IndicatorImportError(f"{Path(path).name} heeft geen kolommen met cijfers.")
    division_year = division_year or year
    report = ImportReport()
    errors: list[str] = []
    cells: list[Cell] = []
    names: dict[str, str] = {}
    for number, row in enumerate(reader, start=2):
        code = (row.get("statcode") or "").strip()
        if not _CODE.match(code):
            errors.append(f"Rij {number}, kolom 'statcode': '{code[:20]}' is geen CBS-gebiedscode.")
            continue
        names[code] = next((row[c].strip() for c in _KWB_NAME_COLUMNS if row.get(c)), "")
        for column, key in measures.items():
            value = _number(row.get(column, ""), f"Rij {number}, kolom '{column}'", errors)
            cells.append(Cell(key, code, division_year, year, "", value, f"{table} {code} {column}"))
    if errors:
        raise IndicatorImportError(errors)
    if not cells:
        raise IndicatorImportError(f"{Path(path).name} bevat geen rijen met cijfers.")
    with transaction.atomic():
        source = _source("cbs-kwb")
        run = ImportRun.objects.create(
            source=source, kind="cbs-kwb", filename=Path(path).name, checksum=_checksum(data), actor=actor
        )
        indicators = {}
        for position, key in enumerate(dict.fromkeys(measures.values())):
            label, better, theme, unit = catalogue.KWB.get(
                key, (catalogue.humanize(key), None, "Kerncijfers", Unit.NUMBER)
            )
            indicators[key] = _ensure_indicator(
                key, source, label=label, higher_is_better=better, unit=unit, theme=theme, position=position
            )
        _store(run, cells, indicators, names, report)
        return _finish(run, actor, report)


# (c) Figures quoted in the seed documents --------------------------------------------------------------------

_ALL_RESIDENTS = {"alle inwoners", "alle", "totaal", ""}


def _normal(name: str) -> str:
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "", text)


def _current_districts(municipality: Municipality) -> tuple[int | None, dict[str, District]]:
    years = list(municipality.districts.order_by("-year").values_list("year", flat=True).distinct()[:1])
    if not years:
        return None, {}
    districts = municipality.districts.filter(year=years[0])
    return years[0], {**{_normal(d.name): d for d in districts}, **{d.statcode.lower(): d for d in districts}}


def _resolve_area(
    municipality_code: str, municipality_name: str, area: str, division_year: int | None, districts: dict
) -> tuple[str, str]:
    """(code, name) of an area named in a table: a CBS code, 'gemeente', 'land', or a district name."""
    text = area.strip()
    if text.lower() in ("gemeente", municipality_code.lower()) or not text:
        return municipality_code, municipality_name
    if text.lower() in ("land", "nederland", "nl01"):
        return "NL01", "Nederland"
    if _CODE.match(text.upper()):
        return text.upper(), ""
    district = districts.get(_normal(text))
    if district is not None:
        return district.statcode, district.name
    return f"{municipality_code}:{slugify(text)[:30]}", text


def import_seed_figures(path: Path, *, actor=None) -> ImportReport:
    """Import data/seed_figures.csv. Areas are placed in the municipality's current CBS division (the
    boundaries we ship); a named area that is no CBS district (Boekgraaf) is kept as a named area."""
    data = _read_bytes(path)
    reader = csv.DictReader(io.StringIO(data.decode("utf-8-sig")))
    required = ["gemeentecode", "gemeente", "area", "group", "indicator", "year", "value", "unit", "source"]
    absent = [c for c in required if c not in (reader.fieldnames or [])]
    if absent:
        raise IndicatorImportError(f"Kolom {', '.join(absent)} ontbreekt in {Path(path).name}.")
    municipalities = {m.statcode: m for m in Municipality.objects.all()}
    errors, cells, names, units = [], [], {}, {}
    report = ImportReport()
    for number, row in enumerate(reader, start=2):
        where = f"Rij {number}"
        code = row["gemeentecode"].strip()
        municipality = municipalities.get(code)
        if code == "NL01":
            division_year = max((m.boundary_year or 0 for m in municipalities.values()), default=0) or None
            division_year, districts = (division_year, {})
        elif municipality is None:
            errors.append(f"{where}, kolom 'gemeentecode': gemeente {code[:10]} is niet geladen.")
            continue
        else:
            division_year, districts = _current_districts(municipality)
        year = parse_int(row["year"].strip(), 1900, 2999)
        if year is None:
            errors.append(f"{where}, kolom 'year': '{row['year'][:10]}' is geen jaartal.")
            continue
        division_year = division_year or year
        area_code, area_name = _resolve_area(code, row["gemeente"].strip(), row["area"], division_year, districts)
        if area_code == "NL01":
            area_name = "Nederland"
        names[area_code] = area_name
        key = row["indicator"].strip()
        unit = {"percent": Unit.PERCENT, "score": Unit.SCORE, "ratio": Unit.RATIO}.get(row["unit"].strip())
        if unit is None:
            errors.append(f"{where}, kolom 'unit': onbekende eenheid '{row['unit'][:20]}'.")
            continue
        units[key] = unit
        group = "" if row["group"].strip().lower() in _ALL_RESIDENTS else row["group"].strip()
        value = _number(row["value"], f"{where}, kolom 'value'", errors)
        cells.append(Cell(key, area_code, division_year, year, group, value, f"{row['source'].strip()}"))
    # The country's figures follow the division year of the municipalities they are compared with.
    years = {c.division_year for c in cells if c.code != "NL01"}
    if years:
        cells = [
            Cell(c.indicator, c.code, max(years), c.year, c.group, c.value, c.ref) if c.code == "NL01" else c
            for c in cells
        ]
    if errors:
        raise IndicatorImportError(errors)
    with transaction.atomic():
        source = _source("seed-documents")
        run = ImportRun.objects.create(
            source=source, kind="seed-figures", filename=Path(path).name, checksum=_checksum(data), actor=actor
        )
        indicators = {}
        for position, (key, unit) in enumerate(units.items()):
            label, better, theme = catalogue.SEED.get(key, (catalogue.humanize(key), None, ""))
            indicators[key] = _ensure_indicator(
                key, source, label=label, higher_is_better=better, unit=unit, theme=theme, position=position
            )
        _store(run, cells, indicators, names, report)
        return _finish(run, actor, report)


# (d) A municipality's own monitor, uploaded as CSV -------------------------------------------------------------

MONITOR_COLUMNS = {
    "gebied": "verplicht: CBS-code (WK…, BU…, GM…) of naam van een wijk",
    "jaar": "verplicht: jaar van het cijfer",
    "indicator": "verplicht: sleutel, kleine letters, cijfers en _ (bijvoorbeeld msk_totaal)",
    "waarde": "cijfer; leeg = niet gemeten (wordt nooit 0)",
    "groep": "optioneel: doelgroep, leeg = alle inwoners",
    "label": "optioneel: naam van de indicator",
    "eenheid": "optioneel: percent, score, count, ratio, per_1000 of number (standaard score)",
    "hoger_is_beter": "optioneel: ja, nee of leeg",
}
MAX_MONITOR_ROWS = 20000
# The longest meaningful cell is a label of 200 characters; anything far longer is a broken file.
MAX_MONITOR_CELL = 1000
_KEY = re.compile(r"^[a-z][a-z0-9_]{1,79}$")


def records_header(text: str) -> list[str]:
    """The column names of a CSV's first line, for naming a column in an error about an unreadable row."""
    first = text.split("\n", 1)[0]
    try:
        names = next(csv.reader([first], delimiter=csv_delimiter(text)))
    except (csv.Error, StopIteration):
        return []
    return [name.strip().lower()[:40] for name in names]


def _where(problem: FileProblem, header: list[str]) -> str:
    """'Rij 3, kolom 'waarde': …' for a problem the CSV reader found."""
    if not problem.row:
        return f"{problem.message[:1].upper()}{problem.message[1:]}."
    if problem.column is None:
        return f"Rij {problem.row}: {problem.message}."
    name = header[problem.column] if problem.column < len(header) else str(problem.column + 1)
    return f"Rij {problem.row}, kolom '{name}': {problem.message}."


def monitor_source_key(municipality: Municipality) -> str:
    return f"monitor-{municipality.statcode.lower()}"


def import_own_monitor(municipality: Municipality, upload, *, monitor_name: str, actor=None) -> ImportReport:
    """Import a municipality's own monitor (for example the Monitor Sociale Kracht) from a CSV with the columns
    of MONITOR_COLUMNS, separated by ';' or ','. All rows must be right, or nothing is stored."""
    data = upload.read() if hasattr(upload, "read") else _read_bytes(upload)
    filename = getattr(upload, "name", str(upload))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise IndicatorImportError("Het bestand is geen UTF-8-tekst. Sla het op als 'CSV UTF-8'.") from None
    try:
        records = read_csv(text, max_rows=MAX_MONITOR_ROWS, max_cell=MAX_MONITOR_CELL)
    except FileProblem as problem:
        raise IndicatorImportError(_where(problem, records_header(text))) from None
    header = [h.strip().lower() for h in (records[0] if records else [])]
    absent = [c for c in ("gebied", "jaar", "indicator", "waarde") if c not in header]
    if absent:
        raise IndicatorImportError([f"Kolom '{c}' ontbreekt in de eerste rij." for c in absent])
    unknown = [c for c in header if c not in MONITOR_COLUMNS]
    if unknown:
        raise IndicatorImportError([f"Kolom '{c[:40]}' is onbekend." for c in unknown])
    source_key = monitor_source_key(municipality)
    foreign = {i.key: i.source.name for i in Indicator.objects.select_related("source").exclude(source__key=source_key)}
    division_year, districts = _current_districts(municipality)
    division_year = division_year or municipality.boundary_year
    if division_year is None:
        raise IndicatorImportError(f"{municipality.name} heeft nog geen CBS-wijkindeling; laad eerst de wijken.")
    errors: list[str] = []
    cells: list[Cell] = []
    names: dict[str, str] = {}
    meta: dict[str, dict] = {}
    seen = {}
    for number, record in enumerate(records[1:], start=2):
        if len(record) > len(header):
            errors.append(f"Rij {number}: meer waarden dan kolommen.")
            continue
        row = {name: (record[i].strip() if i < len(record) else "") for i, name in enumerate(header)}
        if not any(row.values()):
            continue
        where = f"Rij {number}, kolom"
        area = row["gebied"]
        code, name = _resolve_area(municipality.statcode, municipality.name, area, division_year, districts)
        if not area:
            errors.append(f"{where} 'gebied': leeg; vul een wijkcode, wijknaam of 'gemeente' in.")
            continue
        if code.startswith(("WK", "BU")) and municipality_code_of(code) != municipality.statcode:
            errors.append(f"{where} 'gebied': {code} ligt niet in {municipality.name}.")
            continue
        if ":" in code:
            errors.append(
                f"{where} 'gebied': '{area[:40]}' is geen wijk van {municipality.name} (indeling {division_year})."
            )
            continue
        if code == "NL01":
            errors.append(f"{where} 'gebied': cijfers voor heel Nederland horen niet in de eigen monitor.")
            continue
        names[code] = name
        year = parse_int(row["jaar"], 1990, 2100)
        if year is None:
            errors.append(f"{where} 'jaar': '{row['jaar'][:10]}' is geen jaartal.")
            continue
        key = row["indicator"]
        if key in foreign:
            errors.append(f"{where} 'indicator': '{key}' hoort al bij de bron {foreign[key]}; kies een andere sleutel.")
            continue
        if not _KEY.match(key):
            errors.append(f"{where} 'indicator': '{key[:40]}' mag alleen kleine letters, cijfers en _ bevatten.")
            continue
        unit = row.get("eenheid") or "score"
        if unit not in Unit.values:
            errors.append(f"{where} 'eenheid': '{unit[:20]}' is onbekend; kies uit {', '.join(Unit.values)}.")
            continue
        better_text = (row.get("hoger_is_beter") or "").lower()
        if better_text not in ("", "ja", "nee"):
            errors.append(f"{where} 'hoger_is_beter': vul ja, nee of niets in.")
            continue
        value = _number(row["waarde"], f"{where} 'waarde'", errors)
        group = "" if (row.get("groep") or "").lower() in _ALL_RESIDENTS else row["groep"][:60]
        cell_key = (key, code, year, group)
        if cell_key in seen:
            errors.append(f"Rij {number}: hetzelfde cijfer staat ook in rij {seen[cell_key]}.")
            continue
        seen[cell_key] = number
        meta.setdefault(
            key,
            {
                "label": (row.get("label") or catalogue.humanize(key))[:200],
                "unit": unit,
                "better": {"ja": True, "nee": False}.get(better_text),
                "groups": set(),
            },
        )["groups"].add(group)
        cells.append(Cell(key, code, division_year, year, group, value, f"{filename[:120]} rij {number}"))
    if errors:
        raise IndicatorImportError(errors)
    if not cells:
        raise IndicatorImportError("Het bestand bevat geen cijfers.")
    with transaction.atomic():
        source = _source(
            source_key,
            name=f"{monitor_name} ({municipality.name})",
            attribution=f"Bron: {monitor_name}, gemeente {municipality.name}",
            licence="",
            url="",
            municipality=municipality,
        )
        run = ImportRun.objects.create(
            source=source, kind="own-monitor", filename=filename[:300], checksum=_checksum(data), actor=actor
        )
        indicators = {}
        for key, info in meta.items():
            indicator = _ensure_indicator(
                key,
                source,
                label=info["label"],
                higher_is_better=info["better"],
                unit=info["unit"],
                theme="Eigen monitor",
            )
            changed = False
            for attr, new in (("label", info["label"]), ("unit", info["unit"]), ("higher_is_better", info["better"])):
                if getattr(indicator, attr) != new:
                    setattr(indicator, attr, new)
                    changed = True
            groups = sorted(set(indicator.groups) | {g for g in info["groups"] if g})
            if groups != indicator.groups:
                indicator.groups, changed = groups, True
            if changed:
                indicator.save()
            indicators[key] = indicator
        report = ImportReport()
        _store(run, cells, indicators, names, report)
        return _finish(run, actor, report, municipality=municipality.statcode)


# (e) Figures the platform computes itself (own registrations) --------------------------------------------------


@dataclass(frozen=True)
class Definition:
    key: str
    label: str
    unit: str
    theme: str
    higher_is_better: bool | None = None


def store_computed(
    source_key: str, kind: str, definitions: list[Definition], cells: list[Cell], *, actor=None
) -> ImportReport:
    """Store figures another app computed (for example the sociale kaart's registrations per wijk) like any
    import: one run with provenance, upserted by (indicator, area, year, group), then the profiles recompute."""
    report = ImportReport()
    known = {d.key for d in definitions}
    stray = sorted({c.indicator for c in cells} - known)
    if stray:
        raise IndicatorImportError(f"Geen definitie voor {', '.join(stray)}.")
    with transaction.atomic():
        source = _source(source_key)
        run = ImportRun.objects.create(source=source, kind=kind, filename=kind, actor=actor)
        indicators = {
            d.key: _ensure_indicator(
                d.key,
                source,
                label=d.label,
                higher_is_better=d.higher_is_better,
                unit=d.unit,
                theme=d.theme,
                position=position,
            )
            for position, d in enumerate(definitions)
        }
        if cells:
            _store(run, cells, indicators, {}, report)
        return _finish(run, actor, report)
