"""What the burenhulp API shows: coarse for everyone (category, buurt, wijk, day), the text only to signed-in people
who may see the request, never a name, address, phone number or e-mail address."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from socialebasis.core.permissions import can
from socialebasis.directory.api.serializers import AreaRefSerializer

from ..models import HelpOffer, HelpRequest, VolunteerVacancy
from ..vocabulary import describe_parts, skills_of_mask


class CategorySerializer(serializers.Serializer):
    key = serializers.CharField()
    name = serializers.CharField()


class _Coarse(serializers.ModelSerializer):
    category = CategorySerializer()
    municipality = serializers.CharField(source="municipality.statcode")
    district = AreaRefSerializer(allow_null=True)
    neighbourhood = AreaRefSerializer(allow_null=True)
    day_parts = serializers.SerializerMethodField()
    text = serializers.SerializerMethodField()

    rule = ""

    def get_day_parts(self, obj) -> list[str]:
        return describe_parts(obj.parts)

    @extend_schema_field({"type": "string", "nullable": True})
    def get_text(self, obj):
        user = self.context["request"].user
        return obj.text if user.is_authenticated and can(user, self.rule, obj) else None


class HelpRequestSerializer(_Coarse):
    status = serializers.CharField(read_only=True, help_text="pending, open, matched, done, closed or expired.")
    rule = "neighbourhelp.see_request_text"

    class Meta:
        model = HelpRequest
        fields = [
            "id",
            "category",
            "municipality",
            "district",
            "neighbourhood",
            "when",
            "date",
            "day_parts",
            "text",
            "status",
            "is_demo",
            "created_at",
        ]


class HelpOfferSerializer(_Coarse):
    status = serializers.CharField(read_only=True, help_text="open or closed.")
    rule = "neighbourhelp.view_helpoffer"

    class Meta:
        model = HelpOffer
        fields = [
            "id",
            "category",
            "municipality",
            "district",
            "neighbourhood",
            "when",
            "day_parts",
            "text",
            "status",
            "is_demo",
            "created_at",
        ]


class OrganisationRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()


class VacancySerializer(serializers.ModelSerializer):
    organisation = OrganisationRefSerializer()
    municipality = serializers.CharField(source="municipality.statcode")
    district = AreaRefSerializer(allow_null=True)
    skills = serializers.SerializerMethodField()
    status = serializers.CharField(read_only=True, help_text="open, filled or closed.")

    class Meta:
        model = VolunteerVacancy
        fields = [
            "id",
            "title",
            "task",
            "hours",
            "skills",
            "organisation",
            "municipality",
            "district",
            "status",
            "is_demo",
            "created_at",
        ]

    def get_skills(self, obj) -> list[str]:
        return skills_of_mask(obj.skills)


class SuggestionSerializer(serializers.Serializer):
    volunteer = serializers.IntegerField(source="obj.pk", help_text="Number of the volunteer profile.")
    first_name = serializers.CharField(source="obj.user.first_name")
    distance_km = serializers.FloatField()
    score = serializers.FloatField()
    reasons = serializers.ListField(child=serializers.CharField())
    open_matches = serializers.IntegerField(source="obj.open_matches")
