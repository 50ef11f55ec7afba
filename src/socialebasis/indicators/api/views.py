import re

from drf_spectacular.utils import extend_schema
from rest_framework import generics

from socialebasis.api.params import YEAR, Query, openapi_parameters, read_query

from .. import selectors
from ..models import Indicator
from . import serializers

VALUE_FILTERS = [
    Query(
        "area",
        {"type": "string", "pattern": "^[A-Za-z0-9:_-]{2,40}$"},
        "CBS code, for example WK079701.",
        reason="Geef een CBS-gebiedscode op, bijvoorbeeld NL01, GM0797 of WK079701.",
    ),
    Query(
        "divisionYear",
        YEAR,
        "Region division year of the area.",
        old_name="division_year",
        reason="Geef een jaartal van vier cijfers op, bijvoorbeeld 2020.",
    ),
    Query("year", YEAR, "Year of the figure.", reason="Geef een jaartal van vier cijfers op, bijvoorbeeld 2020."),
    Query(
        "indicator",
        {"type": "string", "pattern": "^[A-Za-z0-9_]{1,80}$"},
        "Indicator key, for example Eenzaam.",
        reason="Geef de sleutel van een indicator op, bijvoorbeeld Eenzaam.",
    ),
    Query(
        "group",
        {"type": "string", "maxLength": 60},
        "Group, for example 18+ or 65+; empty: all residents.",
        reason="Een groep is hooguit 60 tekens, bijvoorbeeld 18+ of 65+.",
    ),
]


@extend_schema(tags=["indicators"], summary="List indicator definitions with their source and licence")
class IndicatorList(generics.ListAPIView):
    queryset = Indicator.objects.select_related("source").order_by("key")
    serializer_class = serializers.IndicatorSerializer


@extend_schema(
    tags=["indicators"],
    summary="Stored indicator values with their source",
    description=(
        "Values per area x year x group. `area` takes any CBS code in the data (NL01, GM…, WK…, BU…), also codes "
        "of an older division that has no boundary; an area is identified by code and division year, so filter "
        "on `divisionYear` where a code was reused. A value of null means the source published no figure."
    ),
    parameters=openapi_parameters(VALUE_FILTERS),
)
class IndicatorValueList(generics.ListAPIView):
    serializer_class = serializers.IndicatorValueSerializer

    def get_queryset(self):
        params = read_query(self.request, VALUE_FILTERS)
        group = params.get("group")
        if group is not None and re.fullmatch("[0-9]+ ", group):
            group = group.strip() + "+"  # an unescaped '+' in a query string arrives as a space
        return selectors.filter_values(
            selectors.values_visible_to(self.request.user),
            area=params.get("area") or None,
            division_year=params.get("divisionYear"),
            year=params.get("year"),
            indicator=params.get("indicator") or None,
            group=group,
        )
