"""Surveys as JSON: the questions, and results per question and wijk with every unsafe figure null."""

from rest_framework import serializers

from ..models import Survey


class OptionSerializer(serializers.Serializer):
    key = serializers.CharField()
    label = serializers.CharField()


class QuestionSerializer(serializers.Serializer):
    key = serializers.CharField()
    text = serializers.CharField()
    kind = serializers.ChoiceField(choices=["single", "multiple", "scale", "open"])
    options = OptionSerializer(many=True)
    domain = serializers.CharField(allow_blank=True)
    showIfQuestion = serializers.CharField(source="show_if_question", allow_blank=True)
    showIfAnswer = serializers.CharField(source="show_if_answer", allow_blank=True)


class SurveySerializer(serializers.ModelSerializer):
    municipality = serializers.CharField(source="municipality.statcode")
    district = serializers.CharField(source="district.statcode", allow_null=True, default=None)
    questions = QuestionSerializer(many=True, source="ordered_questions")
    opensOn = serializers.DateField(source="opens_on")
    closesOn = serializers.DateField(source="closes_on")

    class Meta:
        model = Survey
        fields = [
            "id",
            "title",
            "introduction",
            "municipality",
            "district",
            "anonymous",
            "opensOn",
            "closesOn",
            "questions",
        ]


class AreaCountsSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()
    respondents = serializers.IntegerField(allow_null=True, source="n")
    counts = serializers.ListField(child=serializers.IntegerField(allow_null=True))


class QuestionResultSerializer(serializers.Serializer):
    question = serializers.CharField(source="question.key")
    text = serializers.CharField(source="question.text")
    options = serializers.ListField(child=serializers.CharField())
    areas = AreaCountsSerializer(many=True)
    total = AreaCountsSerializer()


class SurveyResultsSerializer(serializers.Serializer):
    survey = serializers.IntegerField()
    results = QuestionResultSerializer(many=True)
