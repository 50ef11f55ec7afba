from rest_framework import serializers

from ..models import Indicator, IndicatorValue


class IndicatorSerializer(serializers.ModelSerializer):
    source = serializers.CharField(source="source.name", read_only=True)
    attribution = serializers.CharField(source="source.attribution", read_only=True)
    licence = serializers.CharField(source="source.licence", read_only=True)

    class Meta:
        model = Indicator
        fields = [
            "key",
            "label",
            "unit",
            "higher_is_better",
            "notable_difference",
            "theme",
            "groups",
            "cbs_column",
            "source",
            "attribution",
            "licence",
        ]


class IndicatorValueSerializer(serializers.ModelSerializer):
    indicator = serializers.CharField(source="indicator.key", read_only=True)
    label = serializers.CharField(source="indicator.label", read_only=True)
    unit = serializers.CharField(source="indicator.unit", read_only=True)
    area = serializers.CharField(source="area.code", read_only=True)
    area_name = serializers.CharField(source="area.display_name", read_only=True)
    level = serializers.CharField(source="area.level", read_only=True)
    division_year = serializers.IntegerField(source="area.division_year", read_only=True)
    # Declared, not copied from the model: the model's range depends on the database.
    year = serializers.IntegerField(read_only=True)
    value = serializers.FloatField(read_only=True, allow_null=True, help_text="null: the source published no figure.")
    source = serializers.CharField(source="import_run.source.name", read_only=True)
    attribution = serializers.CharField(source="import_run.source.attribution", read_only=True)
    source_ref = serializers.CharField(read_only=True)
    imported_at = serializers.DateTimeField(source="import_run.at", read_only=True)

    class Meta:
        model = IndicatorValue
        fields = [
            "indicator",
            "label",
            "unit",
            "area",
            "area_name",
            "level",
            "division_year",
            "year",
            "group",
            "value",
            "source",
            "attribution",
            "source_ref",
            "imported_at",
        ]
