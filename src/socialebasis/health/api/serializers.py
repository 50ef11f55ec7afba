"""The wijk figures of positive health as JSON: aggregates only, every unsafe figure null. Nothing per person."""

from rest_framework import serializers


class BandSerializer(serializers.Serializer):
    label = serializers.CharField()
    count = serializers.IntegerField(allow_null=True)
    share = serializers.FloatField(allow_null=True)


class DimensionFiguresSerializer(serializers.Serializer):
    key = serializers.CharField()
    label = serializers.CharField()
    mean = serializers.FloatField(allow_null=True)
    bands = BandSerializer(many=True)


class AreaFiguresSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()
    respondents = serializers.IntegerField(allow_null=True)
    dimensions = DimensionFiguresSerializer(many=True)


class PeriodSerializer(serializers.Serializer):
    period = serializers.IntegerField()
    district = AreaFiguresSerializer()
    municipality = AreaFiguresSerializer()


class DistrictHealthSerializer(serializers.Serializer):
    statcode = serializers.CharField()
    name = serializers.CharField()
    note = serializers.CharField()
    periods = PeriodSerializer(many=True)


def area_as_dict(area) -> dict:
    return {
        "code": area.code,
        "name": area.name,
        "respondents": area.n,
        "dimensions": [
            {"key": row["key"], "label": row["label"], "mean": row["mean"], "bands": row["bands"]} for row in area.rows
        ],
    }
