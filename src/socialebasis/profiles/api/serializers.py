"""The profile as JSON: plain serializers over the selectors' Profile, so the OpenAPI schema is exact."""

from rest_framework import serializers


class SeriesPointSerializer(serializers.Serializer):
    year = serializers.IntegerField()
    value = serializers.FloatField(allow_null=True)
    municipality = serializers.FloatField(allow_null=True)
    country = serializers.FloatField(allow_null=True)


class ProfileRowSerializer(serializers.Serializer):
    indicator = serializers.CharField()
    label = serializers.CharField()
    unit = serializers.CharField()
    theme = serializers.CharField()
    higher_is_better = serializers.BooleanField(allow_null=True)
    group = serializers.CharField(allow_blank=True)
    division_year = serializers.IntegerField()
    year = serializers.IntegerField()
    value = serializers.FloatField()
    municipality_value = serializers.FloatField(allow_null=True)
    country_value = serializers.FloatField(allow_null=True)
    difference_municipality = serializers.FloatField(allow_null=True)
    difference_country = serializers.FloatField(allow_null=True)
    verdict_municipality = serializers.CharField(allow_blank=True)
    verdict_country = serializers.CharField(allow_blank=True)
    trend = serializers.CharField(allow_blank=True)
    first_year = serializers.IntegerField()
    first_value = serializers.FloatField()
    series = SeriesPointSerializer(many=True)
    source = serializers.CharField()


class FindingSerializer(serializers.Serializer):
    indicator = serializers.CharField()
    group = serializers.CharField(allow_blank=True)
    text = serializers.CharField()


class NormCheckSerializer(serializers.Serializer):
    norm = serializers.CharField()
    status = serializers.ChoiceField(choices=["met", "not_met", "unknown"])
    reason = serializers.CharField()


class AgendaItemSerializer(serializers.Serializer):
    title = serializers.CharField()
    evidence = serializers.CharField()
    indicators = serializers.ListField(child=serializers.CharField())
    actions = serializers.CharField(allow_blank=True)
    owner_kind = serializers.CharField()
    owner_name = serializers.CharField()
    municipal_role = serializers.CharField()
    status = serializers.CharField()
    start_date = serializers.DateField(allow_null=True)
    end_date = serializers.DateField(allow_null=True)


class BreakdownSerializer(serializers.Serializer):
    key = serializers.CharField()
    label = serializers.CharField(help_text="Dutch name: the directory's target group, the framework's sphere or goal.")
    count = serializers.IntegerField()
    per_1000 = serializers.FloatField(allow_null=True, help_text="Per 1,000 residents; null without CBS residents.")


class InventorySerializer(serializers.Serializer):
    places = serializers.IntegerField()
    indoor_public_places = serializers.IntegerField()
    activities = serializers.IntegerField()
    residents = serializers.FloatField(allow_null=True)
    activities_per_1000 = serializers.FloatField(allow_null=True)
    places_per_1000 = serializers.FloatField(allow_null=True)
    by_sphere = serializers.DictField(child=serializers.IntegerField())
    by_goal = serializers.DictField(child=serializers.IntegerField())
    by_target_group = serializers.DictField(child=serializers.IntegerField())
    target_groups = BreakdownSerializer(many=True)
    spheres = BreakdownSerializer(many=True)
    goals = BreakdownSerializer(many=True)


class ProfileSerializer(serializers.Serializer):
    statcode = serializers.CharField()
    name = serializers.CharField()
    division_year = serializers.IntegerField()
    municipality = serializers.CharField(allow_null=True)
    municipality_name = serializers.CharField(allow_null=True)
    data_division_years = serializers.ListField(child=serializers.IntegerField())
    rule = serializers.CharField()
    indicators = ProfileRowSerializer(many=True)
    strengths = FindingSerializer(many=True)
    concerns = FindingSerializer(many=True)
    norms = NormCheckSerializer(many=True)
    agenda = AgendaItemSerializer(many=True)
    inventory = InventorySerializer(allow_null=True, help_text="Public entries of the sociale kaart in this wijk.")
    attributions = serializers.ListField(child=serializers.CharField())
