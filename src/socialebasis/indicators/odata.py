"""(b) CBS Kerncijfers wijken en buurten (for example 85618NED, 2023) through the CBS open-data OData API.

The API (settings.CBS_ODATA_URL, default https://opendata.cbs.nl/ODataApi/odata) serves per table:
`DataProperties` (one entry per column: Key such as `AantalInwoners_5`, Title, Unit, Datatype; the geo
dimension carries the division year as `MapYear`) and `TypedDataSet` (rows; codes padded with spaces, missing
figures as null), paged with `odata.nextLink`. Columns are matched on their key without the running number,
which changes between years (`AantalInwoners_5` -> `AantalInwoners`). HTTP goes through `requests`; tests pass
a session that answers from a recorded-style fixture, so nothing leaves the machine.
"""

import hashlib
import json
from pathlib import Path

from django.conf import settings
from django.db import transaction

from . import catalogue, services
from .models import ImportRun, Unit

NUMERIC_TYPES = {"Long", "Integer", "Double", "Float", "Decimal", "Short"}
SKIP_KEYS = {"Gemeentenaam", "SoortRegio", "Codering", "IndelingswijzigingWijkenEnBuurten", "MeestVoorkomendePostcode"}


class ODataError(services.IndicatorImportError):
    pass


def _session():
    import requests

    return requests.Session()


def _get(session, url: str, params: dict | None = None) -> dict:
    try:
        response = session.get(url, params=params, timeout=settings.CBS_ODATA_TIMEOUT)
        response.raise_for_status()
        return response.json()
    except (OSError, ValueError) as exc:  # requests' errors derive from OSError; bad JSON from ValueError
        raise ODataError(f"De CBS-dienst gaf geen bruikbaar antwoord op {url}: {exc}") from None


def _rows(session, url: str, params: dict) -> list[dict]:
    rows: list[dict] = []
    page = _get(session, url, params)
    while True:
        if not isinstance(page.get("value"), list):
            raise ODataError(f"Antwoord van {url} heeft geen lijst 'value'.")
        rows.extend(page["value"])
        next_link = page.get("odata.nextLink") or page.get("@odata.nextLink")
        if not next_link:
            return rows
        page = _get(session, next_link)


def _unit(cbs_unit: str, key: str, datatype: str) -> str:
    if key in catalogue.KWB:
        return catalogue.KWB[key][3]
    text = (cbs_unit or "").strip().lower()
    if text == "%":
        return Unit.PERCENT
    if text in ("aantal", "absoluut") and datatype in ("Long", "Integer", "Short"):
        return Unit.COUNT
    return Unit.NUMBER


def import_kwb(table: str, municipality_codes: list[str], *, session=None, actor=None, year: int | None = None):
    """Import the numeric columns of a CBS KWB table for the given municipalities (their GM row, wijken and
    buurten) and the country. Idempotent; all-or-nothing."""
    session = session or _session()
    base = f"{settings.CBS_ODATA_URL.rstrip('/')}/{table}"
    properties = _rows(session, f"{base}/DataProperties", {"$format": "json"})
    geo = next((p for p in properties if p.get("Type") == "GeoDimension"), None)
    if geo is None:
        raise ODataError(f"Tabel {table} heeft geen dimensie met gebieden.")
    division_year = int(geo.get("MapYear") or 0) or year
    if division_year is None:
        raise ODataError(f"Tabel {table} noemt geen indelingsjaar (MapYear); geef het jaar op.")
    year = year or division_year
    columns = {}
    for prop in properties:
        key = catalogue.key_of_column(prop.get("Key", ""))
        if prop.get("Type") != "Topic" or prop.get("Datatype") not in NUMERIC_TYPES or key in SKIP_KEYS:
            continue
        columns[prop["Key"]] = (
            key,
            prop.get("Title") or key,
            _unit(prop.get("Unit", ""), key, prop.get("Datatype", "")),
        )
    if not columns:
        raise ODataError(f"Tabel {table} heeft geen kolommen met cijfers.")
    starts = [
        f"startswith(WijkenEnBuurten,'{prefix}{code[2:]}')"
        for code in municipality_codes
        for prefix in ("GM", "WK", "BU")
    ]
    params = {"$format": "json", "$filter": " or ".join(["startswith(WijkenEnBuurten,'NL')", *starts])}
    rows = _rows(session, f"{base}/TypedDataSet", params)
    cells: list[services.Cell] = []
    names: dict[str, str] = {}
    errors: list[str] = []
    for index, row in enumerate(rows, start=1):
        code = str(row.get("WijkenEnBuurten", "")).strip()
        if not services._CODE.match(code):
            errors.append(f"Rij {index} van {table}: '{code[:20]}' is geen CBS-gebiedscode.")
            continue
        if code.startswith("NL"):
            code = "NL01"  # KWB calls the country NL00, the health tables NL01: one code for one country
            names[code] = "Nederland"
        elif code.startswith("GM"):
            names[code] = str(row.get("Gemeentenaam_1", "")).strip()
        for column, (key, _title, _u) in columns.items():
            value = row.get(column)
            if value is not None and not isinstance(value, int | float):
                errors.append(f"Rij {index} ({code}), kolom '{column}': '{str(value)[:20]}' is geen getal.")
                continue
            cells.append(services.Cell(key, code, division_year, year, "", value, f"{table} {code} {column}"))
    if errors:
        raise ODataError(errors)
    if not cells:
        raise ODataError(f"Tabel {table} gaf geen rijen voor {', '.join(municipality_codes)}.")
    checksum = hashlib.sha256(json.dumps(rows, sort_keys=True, default=str).encode()).hexdigest()
    with transaction.atomic():
        source = services._source("cbs-kwb", name=f"CBS, Kerncijfers wijken en buurten {year} ({table})")
        run = ImportRun.objects.create(source=source, kind="cbs-kwb", filename=base, checksum=checksum, actor=actor)
        indicators = {}
        for position, (key, title, unit) in enumerate(columns.values()):
            label, better, theme, _u = catalogue.KWB.get(key, (title, None, "Kerncijfers", unit))
            indicators[key] = services._ensure_indicator(
                key, source, label=label, higher_is_better=better, unit=unit, theme=theme, position=position
            )
        report = services.ImportReport()
        services._store(run, cells, indicators, names, report)
        return services._finish(run, actor, report)


class RecordedSession:
    """Answers requests from a recorded response file ({"<path>": <json>}); for tests and offline demos."""

    def __init__(self, path: Path):
        self.responses = json.loads(Path(path).read_text(encoding="utf-8"))
        self.requests: list[tuple[str, dict | None]] = []

    def get(self, url: str, params=None, timeout=None):
        self.requests.append((url, params))
        for suffix, body in self.responses.items():
            if url.endswith(suffix):
                return _Recorded(body)
        raise OSError(f"Geen opgenomen antwoord voor {url}")


class _Recorded:
    def __init__(self, body):
        self.body = body

    def raise_for_status(self):
        return None

    def json(self):
        return self.body
