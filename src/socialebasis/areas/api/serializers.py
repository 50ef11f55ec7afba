from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from ..models import AreaDivision, District, Municipality, Neighbourhood, OwnArea


@extend_schema_field(
    {
        "type": "object",
        "nullable": True,
        "description": "GeoJSON geometry (Polygon or MultiPolygon) in WGS84.",
        "properties": {"type": {"type": "string"}, "coordinates": {"type": "array", "items": {}}},
    }
)
class GeometryField(serializers.JSONField):
    pass


# Integers of the models are declared here: a ModelSerializer would copy the database's own integer range into the
# OpenAPI document, which then differs between PostgreSQL and SQLite.


class MunicipalitySerializer(serializers.ModelSerializer):
    boundary_year = serializers.IntegerField(read_only=True, allow_null=True)

    class Meta:
        model = Municipality
        fields = ["statcode", "name", "boundary_year"]


class MunicipalityDetailSerializer(MunicipalitySerializer):
    boundary = GeometryField(read_only=True)

    class Meta(MunicipalitySerializer.Meta):
        fields = [*MunicipalitySerializer.Meta.fields, "boundary"]


class DistrictSerializer(serializers.ModelSerializer):
    year = serializers.IntegerField(read_only=True)
    municipality = serializers.SlugRelatedField(slug_field="statcode", read_only=True)
    municipality_name = serializers.CharField(source="municipality.name", read_only=True)

    class Meta:
        model = District
        fields = ["statcode", "year", "name", "municipality", "municipality_name"]


class DistrictDetailSerializer(DistrictSerializer):
    boundary = GeometryField(read_only=True)

    class Meta(DistrictSerializer.Meta):
        fields = [*DistrictSerializer.Meta.fields, "boundary"]


class NeighbourhoodSerializer(serializers.ModelSerializer):
    year = serializers.IntegerField(read_only=True)
    district = serializers.SlugRelatedField(slug_field="statcode", read_only=True)
    municipality = serializers.CharField(source="district.municipality.statcode", read_only=True)

    class Meta:
        model = Neighbourhood
        fields = ["statcode", "year", "name", "district", "municipality"]


class NeighbourhoodDetailSerializer(NeighbourhoodSerializer):
    boundary = GeometryField(read_only=True)

    class Meta(NeighbourhoodSerializer.Meta):
        fields = [*NeighbourhoodSerializer.Meta.fields, "boundary"]


class OwnAreaSerializer(serializers.ModelSerializer):
    position = serializers.IntegerField(read_only=True)
    districts = serializers.SerializerMethodField()
    boundary = GeometryField(read_only=True)

    class Meta:
        model = OwnArea
        fields = ["slug", "name", "position", "districts", "boundary"]

    @extend_schema_field(
        {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {"statcode": {"type": "string"}, "year": {"type": "integer"}},
            },
        }
    )
    def get_districts(self, obj) -> list[dict]:
        return [{"statcode": d.statcode, "year": d.year} for d in obj.districts.all()]


class AreaDivisionSerializer(serializers.ModelSerializer):
    municipality = serializers.SlugRelatedField(slug_field="statcode", read_only=True)
    area_count = serializers.SerializerMethodField()

    class Meta:
        model = AreaDivision
        fields = ["municipality", "slug", "name", "description", "source", "is_public", "area_count"]

    @extend_schema_field(OpenApiTypes.INT)
    def get_area_count(self, obj) -> int:
        return obj.areas.count()


class AreaDivisionDetailSerializer(AreaDivisionSerializer):
    areas = OwnAreaSerializer(many=True, read_only=True)

    class Meta(AreaDivisionSerializer.Meta):
        fields = [*AreaDivisionSerializer.Meta.fields, "areas"]
