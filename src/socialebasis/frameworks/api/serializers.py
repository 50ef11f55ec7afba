from django.utils import timezone
from django.utils.translation import gettext as _
from rest_framework import serializers

from socialebasis.core.dates import validate_in_window

from ..assessment import Outcome, criteria_keys
from ..document import INCONSISTENT, AnswerField, FrameworkDocumentSerializer, StrictSerializer, TextField
from ..models import Effect, Influence, Verdict

# Long lists of unknown keys are cut short in the message; the first ones are enough to see the mistake.
_SHOWN_KEYS = 20


def _unknown_keys_error(unknown: list[str], known: list[str]) -> serializers.ValidationError:
    shown = ", ".join(unknown[:_SHOWN_KEYS]) + (" …" if len(unknown) > _SHOWN_KEYS else "")
    return serializers.ValidationError(
        _("Unknown key(s): %(keys)s. This framework knows: %(known)s.") % {"keys": shown, "known": ", ".join(known)},
        code=INCONSISTENT,
    )


class AssessmentRequestSerializer(StrictSerializer):
    """An activity to assess: the goals it primarily serves and an answer per characteristic."""

    # Needs the framework's content as context["framework"] to check the keys.

    name = TextField(max_length=200, required=False, allow_blank=True, default="", help_text="Name of the activity.")
    goals = serializers.ListField(
        child=TextField(max_length=60),
        max_length=100,
        help_text="Keys of the goals the activity primarily serves (see the framework's `goals`).",
    )
    characteristics = serializers.DictField(
        child=AnswerField(),
        help_text="Characteristic key → true, false or null (unknown). A key left out counts as unknown.",
    )

    def validate_goals(self, goals: list[str]) -> list[str]:
        known, _characteristics = criteria_keys(self.context["framework"])
        unknown = [key for key in dict.fromkeys(goals) if key not in known]
        if unknown:
            raise _unknown_keys_error(unknown, known)
        return list(dict.fromkeys(goals))

    def validate_characteristics(self, answers: dict) -> dict:
        _goals, known = criteria_keys(self.context["framework"])
        unknown = [key for key in answers if key not in known]
        if unknown:
            raise _unknown_keys_error(unknown, known)
        return answers


class ReasonSerializer(serializers.Serializer):
    criterion = serializers.CharField(help_text="Key of the goal or characteristic; `goals` when no goal was given.")
    kind = serializers.ChoiceField(choices=[("goal", "goal"), ("characteristic", "characteristic")])
    label = serializers.CharField()
    effect = serializers.ChoiceField(choices=Effect.choices)
    answer = serializers.BooleanField(allow_null=True, help_text="The answer given; null is unknown.")
    outcome = serializers.ChoiceField(choices=[(o.value, o.value) for o in Outcome])
    decisive = serializers.BooleanField(help_text="True when this reason decided the verdict.")
    source = serializers.CharField(help_text="Document and section of the criterion.")
    explanation = serializers.CharField(allow_blank=True)


class SphereSuggestionSerializer(serializers.Serializer):
    key = serializers.CharField()
    name = serializers.CharField()
    influence = serializers.ChoiceField(choices=Influence.choices)
    source = serializers.CharField(help_text="The passage the suggestion rests on.")


class AssessmentResultSerializer(serializers.Serializer):
    verdict = serializers.ChoiceField(choices=Verdict.choices)
    reasons = ReasonSerializer(many=True)
    sphere = SphereSuggestionSerializer(allow_null=True, help_text="Suggested sphere; null when none fits.")
    framework_version = serializers.IntegerField(help_text="Number of the framework version used.")
    missing = serializers.ListField(
        child=serializers.CharField(), help_text="Unknown answers that keep the verdict grey."
    )


class FrameworkVersionSummarySerializer(serializers.Serializer):
    municipality = serializers.CharField(source="framework.municipality.statcode")
    municipality_name = serializers.CharField(source="framework.municipality.name")
    version = serializers.IntegerField(source="number")
    valid_from = serializers.DateField()
    created_at = serializers.DateTimeField()
    note = serializers.CharField()


class FrameworkVersionSerializer(FrameworkVersionSummarySerializer):
    document = FrameworkDocumentSerializer(source="content")


class FrameworkVersionCreateSerializer(StrictSerializer):
    """A new version of the framework: the whole document, valid from a date."""

    valid_from = serializers.DateField(
        required=False, help_text="First day the version applies; today if left out.", validators=[validate_in_window]
    )
    note = TextField(max_length=500, required=False, allow_blank=True, default="")
    document = FrameworkDocumentSerializer()

    def validate(self, attrs):
        attrs.setdefault("valid_from", timezone.localdate())
        return attrs
