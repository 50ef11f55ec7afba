from rest_framework import serializers

from ..models import Application, Fund, Initiative


class InitiativeSerializer(serializers.ModelSerializer):
    municipality = serializers.CharField(source="municipality.statcode", help_text="CBS code of the municipality.")
    districts = serializers.SlugRelatedField(many=True, read_only=True, slug_field="statcode")
    status = serializers.CharField(read_only=True, help_text="idea, active or done.")

    class Meta:
        model = Initiative
        fields = [
            "id",
            "title",
            "what",
            "for_whom",
            "municipality",
            "districts",
            "goals",
            "sphere",
            "status",
            "is_demo",
        ]


class FundSerializer(serializers.ModelSerializer):
    municipality = serializers.CharField(source="municipality.statcode", help_text="CBS code of the municipality.")
    intake = serializers.CharField(help_text="rounds or continuous.")
    # Declared here, so that the document does not depend on the database's integer range.
    maximum = serializers.IntegerField(min_value=0, help_text="Maximum per application, in euros.")
    story_up_to = serializers.IntegerField(min_value=0, help_text="Up to this amount: a short story and photos.")
    report_up_to = serializers.IntegerField(min_value=0, help_text="Up to this amount: also an activity report.")

    class Meta:
        model = Fund
        fields = [
            "id", "key", "name", "description", "municipality", "intake", "maximum", "story_up_to", "report_up_to",
            "derived_from", "is_active",
        ]  # fmt: skip


class TermSerializer(serializers.Serializer):
    indicator = serializers.CharField(help_text="Key of the indicator in the indicator store.")
    group = serializers.CharField(help_text="Group of the values read; empty: all residents.")
    weight = serializers.FloatField()
    label = serializers.CharField()
    year = serializers.IntegerField(allow_null=True, help_text="Year of the latest values read.")
    source = serializers.CharField(help_text="Attribution of the source of the values.")


class AllocationRowSerializer(serializers.Serializer):
    code = serializers.CharField(help_text="CBS code of the wijk.")
    name = serializers.CharField()
    values = serializers.DictField(
        child=serializers.FloatField(allow_null=True), help_text="The wijk's value per indicator key (null: unknown)."
    )
    score = serializers.FloatField(help_text="Need score: weighted mean of value ÷ mean of the wijken.")
    base = serializers.IntegerField(help_text="Base share in euros.")
    needShare = serializers.IntegerField(help_text="Share of the rest by need, in whole euros.")
    amount = serializers.IntegerField(help_text="base + needShare.")


class AllocationSerializer(serializers.Serializer):
    version = serializers.IntegerField()
    year = serializers.IntegerField()
    savedAt = serializers.DateTimeField()
    total = serializers.IntegerField(help_text="The budget divided, in euros.")
    baseShare = serializers.IntegerField(help_text="Base share per wijk, in euros.")
    formula = serializers.CharField(help_text="The formula in words.")
    terms = TermSerializer(many=True)
    rows = AllocationRowSerializer(many=True)


class ApplicationSerializer(serializers.ModelSerializer):
    fund = serializers.PrimaryKeyRelatedField(read_only=True)
    district = serializers.CharField(source="district.statcode", help_text="CBS code of the wijk.")
    status = serializers.CharField(
        read_only=True, help_text="draft, submitted, in_review, waiting, decided, published or withdrawn."
    )
    decision = serializers.CharField(read_only=True, help_text="granted, partly, declined or empty.")
    year = serializers.IntegerField(min_value=0, help_text="Budget year.")
    amount = serializers.IntegerField(min_value=0, help_text="Amount asked, in euros.")
    granted = serializers.IntegerField(min_value=0, help_text="Amount granted, in euros.")

    class Meta:
        model = Application
        fields = [
            "id", "fund", "title", "district", "year", "what", "for_whom", "where", "when", "amount", "spending",
            "lines", "helpers", "goals", "status", "decision", "granted", "reason", "decided_at", "published_at",
        ]  # fmt: skip
