import math

from django.utils import timezone
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

    def to_representation(self, obj):
        # The search list arrives as plain rows (dicts, see api/views.py) and is written out by hand: the
        # generic field machinery costs more than the search itself on a page of 50 (docs/performance.md).
        # The declared fields above still describe the output for the OpenAPI schema.
        if not isinstance(obj, dict):
            return super().to_representation(obj)
        # One look-up of the time zone per page, not three per row (it sits behind a thread-local).
        zone = self.__dict__.setdefault("_zone", timezone.get_current_timezone())
        demo = obj["is_demo"]
        distance = obj.get("distance_sq")
        return {
            "id": obj["id"],
            "title": obj["title"],
            "description": obj["description"],
            "municipality": obj["municipality_code"],
            "district": {"statcode": obj["district_code"], "name": obj["district_name"]}
            if obj["district_code"]
            else None,
            "organisation": obj["organisation_id"],
            "place": obj["place_id"],
            "latitude": obj["latitude"],
            "longitude": obj["longitude"],
            "target_groups": obj["target_groups"],
            "themes": obj["themes"],
            "goals": obj["goals"],
            "sphere": obj["sphere"],
            "cost": obj["cost"],
            "cost_note": obj["cost_note"],
            "registration_needed": obj["registration_needed"],
            "referral_needed": obj["referral_needed"],
            "accessibility": obj["accessibility"],
            "accessible": obj["accessible"],
            "languages": obj["languages"],
            "starts_at": _moment(obj["starts_at"], zone),
            "duration_minutes": obj["duration_minutes"],
            "recurrence": obj["recurrence"],
            "exceptions": obj["exceptions"],
            "verdict": obj["verdict_override"] or obj["assessment_verdict"],
            "status": obj["status"],
            "is_demo": demo,
            "updated_at": _moment(obj["updated_at"], zone),
            "checked_at": _moment(obj["checked_at"], zone),
            "distance_km": None if distance is None else round(math.sqrt(distance), 1),
            "contact": {"name": "", "email": "", "phone": ""}
            if demo
            else {"name": obj["contact_name"], "email": obj["contact_email"], "phone": obj["contact_phone"]},
        }


LIST_COLUMNS = [
    "id", "title", "description", "municipality_code", "district_code", "district_name", "organisation_id",
    "place_id", "latitude", "longitude", "target_groups", "themes", "goals", "sphere", "cost", "cost_note",
    "registration_needed", "referral_needed", "accessibility", "accessible", "languages", "starts_at",
    "duration_minutes", "recurrence", "exceptions", "verdict_override", "assessment_verdict", "status", "is_demo",
    "updated_at", "checked_at", "contact_name", "contact_email", "contact_phone",
]  # fmt: skip


def _moment(value, zone):
    # As DRF's DateTimeField writes it: in the current time zone, "Z" for UTC.
    return value.astimezone(zone).isoformat().replace("+00:00", "Z") if value else None


class ActivityDetailSerializer(ActivitySerializer):
    next_dates = serializers.SerializerMethodField()
    assessment = serializers.JSONField()

    class Meta(ActivitySerializer.Meta):
        fields = [*ActivitySerializer.Meta.fields, "next_dates", "assessment", "verdict_note"]

    def get_next_dates(self, obj) -> list[str]:
        from ..schedule import next_dates

        return [moment.isoformat() for moment in next_dates(obj.starts_at, obj.recurrence, obj.exceptions, 5)]
