from rest_framework import serializers

from ..models import Signal


class SignalSerializer(serializers.ModelSerializer):
    municipality = serializers.CharField(source="municipality.statcode")
    district = serializers.CharField(source="district.statcode")
    theme = serializers.CharField(source="theme.name")
    status = serializers.CharField(read_only=True, help_text="new, in_progress, forwarded, on_agenda or closed.")
    reporter_kind = serializers.CharField(read_only=True, help_text="resident, professional or partner.")
    # Declared, not copied from the model: the model's range depends on the database (see areas/api/serializers.py).
    times_reopened = serializers.IntegerField(min_value=0, max_value=32767, read_only=True)
    agenda_item = serializers.CharField(
        source="agenda_item.title", allow_null=True, default=None, help_text="The sociale agenda action it became."
    )

    class Meta:
        model = Signal
        fields = [
            "id", "municipality", "district", "theme", "description", "reporter_kind", "status", "created_at",
            "due_at", "outcome", "agenda_item", "times_reopened", "is_demo",
        ]  # fmt: skip
