import django_filters
from django.db.models import Q

from ..models import AreaDivision, District, Municipality, Neighbourhood


def _name_or_code(queryset, name, value):
    return queryset.filter(Q(name__icontains=value) | Q(statcode__iexact=value))


class MunicipalityFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method=_name_or_code, label="Name (part) or CBS code")

    class Meta:
        model = Municipality
        fields = ["q"]


class DistrictFilter(django_filters.FilterSet):
    municipality = django_filters.CharFilter(field_name="municipality__statcode", label="Municipality CBS code")
    year = django_filters.NumberFilter(field_name="year", label="Division year")
    q = django_filters.CharFilter(method=_name_or_code, label="Name (part) or CBS code")

    class Meta:
        model = District
        fields = ["municipality", "year", "q"]


class NeighbourhoodFilter(django_filters.FilterSet):
    municipality = django_filters.CharFilter(
        field_name="district__municipality__statcode", label="Municipality CBS code"
    )
    district = django_filters.CharFilter(field_name="district__statcode", label="District CBS code")
    year = django_filters.NumberFilter(field_name="year", label="Division year")
    q = django_filters.CharFilter(method=_name_or_code, label="Name (part) or CBS code")

    class Meta:
        model = Neighbourhood
        fields = ["municipality", "district", "year", "q"]


class AreaDivisionFilter(django_filters.FilterSet):
    municipality = django_filters.CharFilter(field_name="municipality__statcode", label="Municipality CBS code")

    class Meta:
        model = AreaDivision
        fields = ["municipality"]
