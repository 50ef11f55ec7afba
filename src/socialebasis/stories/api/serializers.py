from rest_framework import serializers

from ..models import Round, Selection, Story


class StoryAreaSerializer(serializers.Serializer):
    statcode = serializers.CharField()
    name = serializers.CharField()


class StorySerializer(serializers.ModelSerializer):
    municipality = serializers.CharField(source="municipality.statcode")
    district = StoryAreaSerializer()
    teller = serializers.SerializerMethodField(help_text="The teller's name, only when they chose to be named.")
    status = serializers.CharField(read_only=True, help_text="new, published or not_published.")
    visibility = serializers.CharField(read_only=True, help_text="panel, public_anonymous or public_named.")
    goals = serializers.ListField(child=serializers.CharField(), help_text="Keys of the framework's goals.")
    feeling = serializers.IntegerField(min_value=1, max_value=5, help_text="1 very bad … 5 very good.")
    about = serializers.CharField(read_only=True, help_text="myself, neighbour or group.")

    class Meta:
        model = Story
        fields = [
            "id", "title", "text", "municipality", "district", "goals", "sphere", "feeling", "about",
            "visibility", "status", "teller", "created_at", "is_demo",
        ]  # fmt: skip

    def get_teller(self, obj) -> str | None:
        return obj.shown_name or None


class SelectionSerializer(serializers.ModelSerializer):
    story = serializers.SerializerMethodField(help_text="The story's id, when the reader may read that story.")

    class Meta:
        model = Selection
        fields = ["domain", "story", "reasons", "selected_at"]

    def get_story(self, obj) -> int | None:
        return obj.story_id if obj.story_id in self.context.get("readable", set()) else None


class DomainSerializer(serializers.Serializer):
    key = serializers.CharField()
    name = serializers.CharField()


class RoundSerializer(serializers.ModelSerializer):
    municipality = serializers.CharField(source="panel.municipality.statcode")
    district = serializers.CharField(source="panel.district.statcode", allow_null=True, default=None)
    panel = serializers.CharField(source="panel.name")
    status = serializers.CharField(read_only=True, help_text="open or completed.")
    domains = DomainSerializer(many=True)
    selections = serializers.SerializerMethodField()

    class Meta:
        model = Round
        fields = [
            "id", "title", "municipality", "district", "panel", "period_start", "period_end", "domains", "status",
            "feedback", "selections",
        ]  # fmt: skip

    def get_selections(self, obj) -> list[dict]:
        return SelectionSerializer(obj.selections.all(), many=True, context=self.context).data
