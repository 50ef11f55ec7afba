from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from ..models import Activity, MeetingPlace, Organisation
from ..selectors import distance_km


class AreaRefSerializer(serializers.Serializer):
    statcode = serializers.CharField()
    name = serializers.CharField()


STATUS_HELP = "draft, submitted, published, needs_check, archived or rejected."


class OrganisationSerializer(serializers.ModelSerializer):
    status = serializers.CharField(read_only=True, help_text=STATUS_HELP)
    municipality = serializers.CharField(source="municipality.statcode")
    website = serializers.SerializerMethodField()
    email = serializers.SerializerMethodField()
    phone = serializers.SerializerMethodField()

    class Meta:
        model = Organisation
        fields = [
            "id", "name", "kind", "description", "municipality", "website", "email", "phone",
            "status", "is_demo", "updated_at", "checked_at",
        ]  # fmt: skip

    # Demo entries carry no contact data at all: invented addresses must never look real.
    def get_website(self, obj) -> str:
        return "" if obj.is_demo else obj.website

    def get_email(self, obj) -> str:
        return "" if obj.is_demo else obj.email

    def get_phone(self, obj) -> str:
        return "" if obj.is_demo else obj.phone


class MeetingPlaceSerializer(serializers.ModelSerializer):
    status = serializers.CharField(read_only=True, help_text=STATUS_HELP)
    municipality = serializers.CharField(source="municipality.statcode")
    district = AreaRefSerializer(allow_null=True)

    class Meta:
        model = MeetingPlace
        fields = [
            "id", "name", "description", "municipality", "district", "setting", "kind", "street", "postcode",
            "city", "latitude", "longitude", "opening_hours", "facilities", "accessibility", "organisation",
            "status", "is_demo", "updated_at", "checked_at",
        ]  # fmt: skip


class ActivitySerializer(serializers.ModelSerializer):
    status = serializers.CharField(read_only=True, help_text=STATUS_HELP)
    municipality = serializers.CharField(source="municipality.statcode")
    district = AreaRefSerializer(allow_null=True)
    verdict = serializers.CharField()
    # Declared, not copied from the model: the model's range depends on the database (see areas/api/serializers.py).
    duration_minutes = serializers.IntegerField(read_only=True)
    distance_km = serializers.SerializerMethodField()
    contact = serializers.SerializerMethodField()

    class Meta:
        model = Activity
        fields = [
            "id", "title", "description", "municipality", "district", "organisation", "place", "latitude",
            "longitude", "target_groups", "themes", "goals", "sphere", "cost", "cost_note", "registration_needed",
            "referral_needed", "accessibility", "accessible", "languages", "starts_at", "duration_minutes",
            "recurrence", "exceptions", "verdict", "status", "is_demo", "updated_at", "checked_at", "distance_km",
            "contact",
        ]  # fmt: skip

    def get_distance_km(self, obj) -> float | None:
        return distance_km(obj)

    def get_contact(self, obj) -> dict[str, str]:
        if obj.is_demo:
            return {"name": "", "email": "", "phone": ""}
        return {"name": obj.contact_name, "email": obj.contact_email, "phone": obj.contact_phone}


class ActivityDetailSerializer(ActivitySerializer):
    next_dates = serializers.SerializerMethodField()
    assessment = serializers.JSONField()

    class Meta(ActivitySerializer.Meta):
        fields = [*ActivitySerializer.Meta.fields, "next_dates", "assessment", "verdict_note"]

    @extend_schema_field(
        {
            "type": "array",
            "items": {"type": "string", "format": "date-time"},
            "description": "The next five moments the activity starts (date and time with offset).",
        }
    )
    def get_next_dates(self, obj) -> list[str]:
        from ..schedule import next_dates

        return [moment.isoformat() for moment in next_dates(obj.starts_at, obj.recurrence, obj.exceptions, 5)]
