import re

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics
from rest_framework.exceptions import ValidationError

from .. import selectors
from ..models import Indicator
from . import serializers

_AREA = re.compile(r"^[A-Za-z0-9:_-]{2,40}$")
_KEY = re.compile(r"^[A-Za-z0-9_]{1,80}$")


def _int(request, name: str, low: int, high: int) -> int | None:
    raw = request.query_params.get(name)
    if raw in (None, ""):
        return None
    if not raw.isdigit() or not low <= int(raw) <= high:
        raise ValidationError({name: [f"Geef een jaartal van vier cijfers op, bijvoorbeeld {2020}."]})
    return int(raw)


@extend_schema(tags=["indicators"], summary="List indicator definitions with their source and licence")
class IndicatorList(generics.ListAPIView):
    queryset = Indicator.objects.select_related("source").order_by("key")
    serializer_class = serializers.IndicatorSerializer
    filter_backends = []


@extend_schema(
    tags=["indicators"],
    summary="Stored indicator values with their source",
    description=(
        "Values per area x year x group. `area` takes any CBS code in the data (NL01, GM…, WK…, BU…), also codes "
        "of an older division that has no boundary; an area is identified by code and division year, so filter "
        "on `division_year` where a code was reused. A value of null means the source published no figure."
    ),
    parameters=[
        OpenApiParameter("area", OpenApiTypes.STR, description="CBS code, for example WK079701."),
        OpenApiParameter("division_year", OpenApiTypes.INT, description="Region division year of the area."),
        OpenApiParameter("year", OpenApiTypes.INT, description="Year of the figure."),
        OpenApiParameter("indicator", OpenApiTypes.STR, description="Indicator key, for example Eenzaam."),
        OpenApiParameter("group", OpenApiTypes.STR, description="Group, for example 18+ or 65+; empty: all residents."),
    ],
)
class IndicatorValueList(generics.ListAPIView):
    serializer_class = serializers.IndicatorValueSerializer
    filter_backends = []

    def get_queryset(self):
        params = self.request.query_params
        area = params.get("area") or None
        if area is not None and not _AREA.match(area):
            raise ValidationError({"area": ["Geef een CBS-gebiedscode op, bijvoorbeeld NL01, GM0797 of WK079701."]})
        indicator = params.get("indicator") or None
        if indicator is not None and not _KEY.match(indicator):
            raise ValidationError({"indicator": ["Geef de sleutel van een indicator op, bijvoorbeeld Eenzaam."]})
        group = params.get("group")
        if group is not None and re.fullmatch(r"\d+ ", group):
            group = group.strip() + "+"  # an unescaped '+' in a query string arrives as a space
        if group is not None and len(group) > 60:
            raise ValidationError({"group": ["Een groep is hooguit 60 tekens, bijvoorbeeld 18+ of 65+."]})
        return selectors.filter_values(
            selectors.values_visible_to(self.request.user),
            area=area,
            division_year=_int(self.request, "division_year", 1900, 2999),
            year=_int(self.request, "year", 1900, 2999),
            indicator=indicator,
            group=group,
        )
