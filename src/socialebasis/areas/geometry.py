"""Checks and repairs for GeoJSON boundaries (shapely), and the few measures the pages show."""

import math
from typing import Any

from shapely.geometry import mapping, shape
from shapely.geometry.base import BaseGeometry
from shapely.ops import unary_union
from shapely.validation import explain_validity, make_valid

POLYGONAL = ("Polygon", "MultiPolygon")


class GeometryError(ValueError):
    pass


def clean_boundary(geometry: dict[str, Any] | None) -> dict[str, Any]:
    """A valid Polygon or MultiPolygon from a GeoJSON geometry, repairing invalid rings.

    A ring that touches itself (WK196133 in the CBS 2023 file) is valid again after `make_valid`, which may
    split it into several polygons and stray lines; only the polygonal parts are a boundary.
    """
    if not isinstance(geometry, dict) or geometry.get("type") not in POLYGONAL:
        kind = geometry.get("type") if isinstance(geometry, dict) else type(geometry).__name__
        raise GeometryError(f"de geometrie is geen vlak (Polygon of MultiPolygon) maar {kind}")
    try:
        geom = shape(geometry)
    except Exception as exc:  # shapely raises several types for malformed coordinates
        raise GeometryError(f"de coördinaten zijn onleesbaar ({exc})") from exc
    if geom.is_empty:
        raise GeometryError("de geometrie is leeg")
    if not geom.is_valid:
        geom = _polygonal_part(make_valid(geom))
        if geom.is_empty or not geom.is_valid:
            raise GeometryError(f"de grens is ongeldig en niet te herstellen ({explain_validity(geom)})")
    return _rounded(mapping(geom))


def was_repaired(geometry: dict[str, Any]) -> bool:
    return not shape(geometry).is_valid


def _polygonal_part(geom: BaseGeometry) -> BaseGeometry:
    if geom.geom_type in POLYGONAL:
        return geom
    parts = [g for g in getattr(geom, "geoms", []) if g.geom_type in POLYGONAL]
    return unary_union(parts) if parts else geom.__class__()


def _rounded(value: Any) -> Any:
    if isinstance(value, float):
        return round(value, 6)
    if isinstance(value, list | tuple):
        return [_rounded(v) for v in value]
    if isinstance(value, dict):
        return {k: _rounded(v) for k, v in value.items()}
    return value


def area_km2(geometry: dict[str, Any] | None) -> float | None:
    """Approximate area in km² (equirectangular at the centroid: good enough to describe a wijk)."""
    if not geometry:
        return None
    geom = shape(geometry)
    lat = math.radians(geom.centroid.y)
    km_per_degree = 111.32
    return geom.area * km_per_degree * km_per_degree * math.cos(lat)


def point_count(geometry: dict[str, Any] | None) -> int:
    """How many points the rings of a boundary have (the pages describe a boundary by it)."""
    if not geometry:
        return 0
    polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    return sum(len(ring) for polygon in polygons for ring in polygon)


def bounds(geometries: list[dict[str, Any]]) -> list[float] | None:
    shapes = [shape(g) for g in geometries if g]
    if not shapes:
        return None
    return list(unary_union(shapes).bounds)


def centre(geometry: dict[str, Any] | None) -> tuple[float, float] | None:
    """(latitude, longitude) of a point inside the boundary, near its middle: the centroid where it lies inside,
    else shapely's representative point (a crescent-shaped wijk's centroid can lie in the next wijk)."""
    if not geometry:
        return None
    geom = shape(geometry)
    point = geom.centroid if geom.contains(geom.centroid) else geom.representative_point()
    return point.y, point.x
