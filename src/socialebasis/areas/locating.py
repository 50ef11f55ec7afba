"""Which CBS wijk a point lies in: point in polygon (shapely) behind a bounding-box prefilter.

Shapes are parsed once per process and per district row; a point first meets only the bounding boxes, so
only the one or two candidate wijken are tested with the exact polygon.
"""

from shapely.geometry import Point, shape
from shapely.prepared import prep

from .models import District

_SHAPES: dict[tuple[int, int], tuple[tuple[float, float, float, float], object]] = {}


def _shape_of(district_id: int, boundary: dict):
    key = (district_id, hash(str(boundary)[:200]))
    cached = _SHAPES.get(key)
    if cached is None:
        try:
            geometry = shape(boundary)
        except Exception:  # a malformed stored boundary simply never contains a point
            return None
        cached = (geometry.bounds, prep(geometry))
        _SHAPES[key] = cached
    return cached


def locate_district(municipality, latitude: float | None, longitude: float | None) -> District | None:
    """The district of the municipality's latest CBS division that contains the point, if any."""
    if latitude is None or longitude is None or municipality is None:
        return None
    districts = District.objects.filter(municipality=municipality, boundary__isnull=False)
    latest = districts.order_by("-year").values_list("year", flat=True).first()
    if latest is None:
        return None
    point = Point(longitude, latitude)
    for district_id, boundary in districts.filter(year=latest).values_list("pk", "boundary"):
        found = _shape_of(district_id, boundary)
        if found is None:
            continue
        (min_x, min_y, max_x, max_y), geometry = found
        if min_x <= longitude <= max_x and min_y <= latitude <= max_y and geometry.covers(point):
            return District.objects.get(pk=district_id)
    return None
