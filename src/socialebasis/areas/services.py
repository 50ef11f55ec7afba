"""Writes for areas: importing CBS boundary files and municipalities' own divisions.

Every import reads and checks the whole file first and writes only when all of it is right, in one
transaction: a bad file changes nothing.
"""

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.db import transaction

from socialebasis.core.files import FileProblem, read_csv
from socialebasis.core.imports import ImportRefused, ImportReport, RowError
from socialebasis.core.numbers import parse_float

from .geometry import GeometryError, clean_boundary, was_repaired
from .models import AreaDivision, District, Municipality, Neighbourhood, OwnArea, PostcodeArea


class AreaImportError(ImportRefused):
    """A file that cannot be imported; the message is Dutch and names the feature."""


@dataclass
class AreaImportReport(ImportReport):
    repaired: list[str] = field(default_factory=list)

    def details(self) -> list[str]:
        return [f"grens hersteld voor {', '.join(self.repaired)}" if self.repaired else "", *self.notes]


_YEAR_PREFIX = re.compile(r"^(\d{4})")


def _read_features(path: Path) -> list[dict[str, Any]]:
    try:
        with open(path, encoding="utf-8") as handle:
            document = json.load(handle)
    except FileNotFoundError:
        raise AreaImportError(f"Bestand {path} bestaat niet.") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise AreaImportError(f"Bestand {path} is geen geldige GeoJSON: {exc}.") from None
    if not isinstance(document, dict) or document.get("type") != "FeatureCollection":
        raise AreaImportError(f"Bestand {path} is geen GeoJSON FeatureCollection.")
    features = document.get("features")
    if not isinstance(features, list):
        raise AreaImportError(f"Bestand {path} heeft geen lijst 'features'.")
    return features


def _feature_label(index: int, feature: Any) -> str:
    props = feature.get("properties") if isinstance(feature, dict) else None
    code = props.get("statcode") if isinstance(props, dict) else None
    return f"object {index + 1}" + (f" ({code})" if code else "")


def _require(props: dict, key: str, pattern: str, label: str) -> str:
    value = props.get(key)
    if not isinstance(value, str) or not re.fullmatch(pattern, value.strip()):
        raise AreaImportError(f"{label}: eigenschap '{key}' ontbreekt of heeft een onjuiste waarde ({value!r}).")
    return value.strip()


def _checked_features(path: Path, code_pattern: str) -> list[tuple[str, dict, dict, bool]]:
    rows = []
    seen: set[str] = set()
    for index, feature in enumerate(_read_features(path)):
        label = _feature_label(index, feature)
        if not isinstance(feature, dict) or not isinstance(feature.get("properties"), dict):
            raise AreaImportError(f"{label}: geen GeoJSON Feature met 'properties'.")
        props = feature["properties"]
        code = _require(props, "statcode", code_pattern, label)
        if code in seen:
            raise AreaImportError(f"{label}: code {code} staat twee keer in het bestand.")
        seen.add(code)
        _require(props, "statnaam", r".+", label)
        try:
            boundary = clean_boundary(feature.get("geometry"))
        except GeometryError as exc:
            raise AreaImportError(f"{label}: {exc}.") from None
        rows.append((code, props, boundary, was_repaired(feature["geometry"])))
    if not rows:
        raise AreaImportError(f"Bestand {path} bevat geen gebieden.")
    return rows


def import_municipality_boundaries(path: Path, year: int | None = None) -> AreaImportReport:
    rows = _checked_features(path, r"GM\d{4}")
    report = AreaImportReport()
    with transaction.atomic():
        for code, props, boundary, repaired in rows:
            boundary_year = year or props.get("jaar")
            _, created = Municipality.objects.update_or_create(
                statcode=code,
                defaults={
                    "name": props["statnaam"].strip(),
                    "boundary": boundary,
                    "boundary_year": boundary_year,
                },
            )
            report.created += created
            report.updated += not created
            if repaired:
                report.repaired.append(code)
    return report


def import_district_boundaries(path: Path, year: int | None = None) -> AreaImportReport:
    """CBS wijk boundaries with properties statcode, statnaam, gemeentecode, gemeentenaam (and jrstatcode)."""
    rows = _checked_features(path, r"WK\d{6}")
    prepared = []
    for index, (code, props, boundary, repaired) in enumerate(rows):
        label = f"object {index + 1} ({code})"
        municipality_code = _require(props, "gemeentecode", r"GM\d{4}", label)
        if municipality_code[2:] != code[2:6]:
            raise AreaImportError(f"{label}: wijkcode past niet bij gemeentecode {municipality_code}.")
        feature_year = year
        if feature_year is None:
            match = _YEAR_PREFIX.match(str(props.get("jrstatcode", "")))
            if not match:
                raise AreaImportError(f"{label}: geen jaar; geef --year op of vul 'jrstatcode' (2023WK…).")
            feature_year = int(match.group(1))
        prepared.append((code, props, boundary, repaired, municipality_code, feature_year))

    report = AreaImportReport()
    with transaction.atomic():
        for code, props, boundary, repaired, municipality_code, feature_year in prepared:
            municipality, _ = Municipality.objects.get_or_create(
                statcode=municipality_code,
                defaults={"name": str(props.get("gemeentenaam") or municipality_code).strip()},
            )
            _, created = District.objects.update_or_create(
                statcode=code,
                year=feature_year,
                defaults={
                    "name": props["statnaam"].strip(),
                    "municipality": municipality,
                    "boundary": boundary,
                },
            )
            report.created += created
            report.updated += not created
            if repaired:
                report.repaired.append(code)
    return report


def import_own_division(path: Path) -> AreaImportReport:
    """A municipality's own division from a JSON file (see data/own_divisions/ for the format)."""
    try:
        spec = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise AreaImportError(f"Bestand {path} bestaat niet.") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise AreaImportError(f"Bestand {path} is geen geldige JSON: {exc}.") from None
    for key in ("municipality", "slug", "name", "areas"):
        if key not in spec:
            raise AreaImportError(f"Bestand {path}: veld '{key}' ontbreekt.")
    try:
        municipality = Municipality.objects.get(statcode=spec["municipality"])
    except Municipality.DoesNotExist:
        raise AreaImportError(f"Gemeente {spec['municipality']} is onbekend; importeer eerst de gemeenten.") from None

    year = spec.get("cbs_year")
    if not isinstance(year, int):
        raise AreaImportError(f"Bestand {path}: veld 'cbs_year' ontbreekt of is geen jaartal (bijvoorbeeld 2023).")
    prepared = []
    for index, area in enumerate(spec["areas"]):
        label = f"gebied {index + 1} ({area.get('name', '?')})"
        if not area.get("name") or not area.get("slug"):
            raise AreaImportError(f"{label}: 'name' en 'slug' zijn verplicht.")
        codes = area.get("districts", [])
        districts = list(District.objects.filter(statcode__in=codes, year=year, municipality=municipality))
        missing = sorted(set(codes) - {d.statcode for d in districts})
        if missing:
            raise AreaImportError(f"{label}: onbekende CBS-wijk(en) {', '.join(missing)} in {year}.")
        neighbourhood_codes = area.get("neighbourhoods", [])
        neighbourhoods = list(
            Neighbourhood.objects.filter(
                statcode__in=neighbourhood_codes, year=year, district__municipality=municipality
            )
        )
        missing = sorted(set(neighbourhood_codes) - {n.statcode for n in neighbourhoods})
        if missing:
            raise AreaImportError(f"{label}: onbekende CBS-buurt(en) {', '.join(missing)} in {year}.")
        boundary = None
        if area.get("boundary") is not None:
            try:
                boundary = clean_boundary(area["boundary"])
            except GeometryError as exc:
                raise AreaImportError(f"{label}: {exc}.") from None
        prepared.append((index, area, districts, neighbourhoods, boundary))

    report = AreaImportReport()
    with transaction.atomic():
        division, created = AreaDivision.objects.update_or_create(
            municipality=municipality,
            slug=spec["slug"],
            defaults={
                "name": spec["name"],
                "description": spec.get("description", ""),
                "source": spec.get("source", ""),
                # A division is a draft for the municipality's staff until the file says it is public.
                "is_public": bool(spec.get("is_public", False)),
            },
        )
        report.created += created
        report.updated += not created
        division.areas.exclude(slug__in=[a["slug"] for _, a, _, _, _ in prepared]).delete()
        for index, area, districts, neighbourhoods, boundary in prepared:
            own_area, _ = OwnArea.objects.update_or_create(
                division=division,
                slug=area["slug"],
                defaults={"name": area["name"], "position": index, "boundary": boundary},
            )
            own_area.districts.set(districts)
            own_area.neighbourhoods.set(neighbourhoods)
    return report


POSTCODE_SOURCE = "GeoNames postal codes NL (CC BY 4.0)"
_PC4 = re.compile(r"[1-9][0-9]{3}")
_GM = re.compile(r"[0-9]{4}")


@transaction.atomic
def import_postcode_points(path: Path) -> AreaImportReport:
    """4-digit postcodes with a point (GeoNames' postal-code file), all or nothing, found again by code and place."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise AreaImportError(f"Bestand {path} bestaat niet.") from None
    except UnicodeDecodeError:
        raise AreaImportError(f"Bestand {path} is geen UTF-8-tekst.") from None
    try:
        records = read_csv(text, max_rows=10000, max_cell=200)
    except FileProblem as problem:
        raise AreaImportError(RowError(problem.row, "", problem.message)) from None
    header, errors, rows = [name.strip() for name in records[0]], [], []
    needed = ("postal_code", "place_name", "admin_code2", "latitude", "longitude")
    if missing := [name for name in needed if name not in header]:
        raise AreaImportError(RowError(1, ", ".join(missing), "deze kolommen ontbreken"))
    for number, record in enumerate(records[1:], start=2):
        data = dict(zip(header, record, strict=False))
        code, gm = data["postal_code"].strip(), data["admin_code2"].strip()
        latitude, longitude = parse_float(data["latitude"], 50.0, 54.0), parse_float(data["longitude"], 3.0, 8.0)
        for column, ok, message in (
            ("postal_code", _PC4.fullmatch(code), "geen postcode van vier cijfers"),
            ("admin_code2", _GM.fullmatch(gm), "geen CBS-gemeentecode van vier cijfers"),
            ("latitude", latitude is not None, "geen breedtegraad in Nederland"),
            ("longitude", longitude is not None, "geen lengtegraad in Nederland"),
        ):
            if not ok:
                errors.append(RowError(number, column, message))
        rows.append((code, data["place_name"].strip()[:100], f"GM{gm}", latitude, longitude))
    if errors:
        raise AreaImportError(errors)
    report = AreaImportReport()
    for code, place, municipality, latitude, longitude in rows:
        values = {"municipality_code": municipality, "latitude": latitude, "longitude": longitude}
        _obj, created = PostcodeArea.objects.update_or_create(
            code=code, place=place, defaults={**values, "source": POSTCODE_SOURCE}
        )
        report.created += created
        report.updated += not created
    return report
