"""The framework document: its schema, its validation and its canonical form.

A framework version's content is one JSON document. These serializers are its schema: they validate an
edited or imported document (with Dutch messages that name the field, e.g.
`characteristics[2].effect`), they describe it in the OpenAPI document, and they give every export the
same key order. docs/frameworks.md describes the fields; the four presets in `presets/` are complete
examples.

Beyond the shape, a document must be consistent: keys are unique per list, the assessment logic only
names characteristics the document has (and only with a fitting effect), and each worked example gets
its expected verdict from the document's own rules, so an edit cannot silently contradict them.
"""

import hashlib
import json
from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from socialebasis.api.params import MUNICIPALITY_PATTERN, DocumentedPattern
from socialebasis.api.schema import register_closed_serializer
from socialebasis.indicators import catalogue

from .assessment import UnknownCriteria, assess_activity
from .models import Effect, Influence, Verdict

KEY_PATTERN = r"^[a-z][a-z0-9_]{0,59}$"
# Indicator codes are the catalogue's keys as CBS and the seeds name them (`Eenzaam`, `grijze_druk`).
INDICATOR_CODE_PATTERN = r"^[A-Za-z][A-Za-z0-9_]{0,79}$"
INCONSISTENT = "inconsistent"
TEXT_MAX = 10_000
LIST_MAX = 200

key_validator = DocumentedPattern(
    KEY_PATTERN,
    gettext_lazy("Use lowercase letters, digits and underscores, starting with a letter (like meeting_places)."),
)
indicator_code_validator = DocumentedPattern(
    INDICATOR_CODE_PATTERN,
    gettext_lazy("An indicator code is made of letters, digits and underscores, starting with a letter."),
)
municipality_validator = DocumentedPattern(MUNICIPALITY_PATTERN, gettext_lazy("A municipality code looks like GM0797."))
# Text must hold more than spaces. The characters listed besides \s make the class mean the same in Python, in
# ECMA-262 (the OpenAPI document) and in Rust's regex (schemathesis' validator): their \s differ at the edges.
not_only_spaces = DocumentedPattern(
    r"[^\s\u001c-\u001f\u0085\ufeff]", gettext_lazy("Give text, not only spaces."), code="blank"
)


class FrameworkDocumentError(ValueError):
    """A document that cannot become a framework version; `errors` lists (field path, Dutch message)."""

    def __init__(self, errors: list[tuple[str, str]]):
        self.errors = errors
        super().__init__("; ".join(f"{path}: {message}" for path, message in errors))


def flatten_errors(detail: Any, prefix: str = "", root: str = "document") -> list[tuple[str, str]]:
    """DRF's nested error structure as (path, message) pairs: `spheres[0].influence`.

    Errors about the whole input (not one field) get the name `root`.
    """
    if isinstance(detail, Mapping):
        pairs = []
        for key, value in detail.items():
            if key in ("non_field_errors",):
                name = prefix
            elif isinstance(key, int):
                name = f"{prefix}[{key}]"
            else:
                name = f"{prefix}.{key}" if prefix else str(key)
            pairs.extend(flatten_errors(value, name, root))
        return pairs
    if isinstance(detail, list):
        pairs = []
        for index, value in enumerate(detail):
            if isinstance(value, Mapping | list):
                pairs.extend(flatten_errors(value, f"{prefix}[{index}]", root))
            else:
                pairs.append((prefix or root, str(value)))
        return pairs
    return [(prefix or root, str(detail))]


class TextField(serializers.CharField):
    """A JSON string and nothing else: no number or true silently turned into text.

    The text is checked as it was sent (length, pattern, more than spaces: the rules of the OpenAPI document) and
    only then stripped of surrounding spaces; DRF's own trimming before the checks would let through text the
    document calls too long or malformed.
    """

    default_error_messages = {"not_text": gettext_lazy("Give text (a JSON string).")}

    def __init__(self, **kwargs):
        strip = kwargs.pop("trim_whitespace", True)
        super().__init__(trim_whitespace=False, **kwargs)
        self.strip = strip
        # A field with a pattern of its own (keys, codes) needs no second one: the OpenAPI document has room for one.
        if not self.allow_blank and not any(isinstance(v, DocumentedPattern) for v in self.validators):
            self.validators.append(not_only_spaces)

    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("not_text")
        return super().to_internal_value(data)

    def run_validation(self, data=serializers.empty):
        value = super().run_validation(data)
        return value.strip() if self.strip and isinstance(value, str) else value


def _key() -> serializers.CharField:
    return TextField(max_length=60, validators=[key_validator])


def _text(**kwargs) -> serializers.CharField:
    return TextField(max_length=TEXT_MAX, **kwargs)


def _name() -> serializers.CharField:
    return TextField(max_length=300)


def _source() -> serializers.CharField:
    return TextField(max_length=500, help_text="Document and section this element comes from, e.g. `001_....txt §1.2`.")


class StrictSerializer(serializers.Serializer):
    # Refuses fields it does not know, so that a typo never silently drops part of a framework. (A comment,
    # not a docstring: drf-spectacular would show it as the description of every subclass.)

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        register_closed_serializer(cls)

    def to_internal_value(self, data):
        if isinstance(data, Mapping):
            unknown = sorted(str(key) for key in data if key not in self.fields)
            if unknown:
                raise serializers.ValidationError({key: [_("Unknown field.")] for key in unknown})
        return super().to_internal_value(data)


class BooleanField(serializers.BooleanField):
    """true or false as JSON booleans; DRF's own field also takes "yes", "1" and 1, which the document forbids."""

    def to_internal_value(self, data):
        if not isinstance(data, bool):
            self.fail("invalid", input=data)
        return data


class IntegerField(serializers.IntegerField):
    """A JSON integer; DRF's own field also takes "5" and 5.0, which the document forbids."""

    def to_internal_value(self, data):
        if not isinstance(data, int) or isinstance(data, bool):
            self.fail("invalid")
        return super().to_internal_value(data)


@extend_schema_field({"type": "boolean", "nullable": True})
class AnswerField(serializers.Field):
    """True, False or null (unknown); JSON booleans only, no "yes" or 1."""

    default_error_messages = {"invalid": gettext_lazy("Give true, false or null.")}

    def __init__(self, **kwargs):
        kwargs.setdefault("allow_null", True)
        super().__init__(**kwargs)

    def validate_empty_values(self, data):
        if data is None:
            return (True, None)
        return super().validate_empty_values(data)

    def to_internal_value(self, data):
        if not isinstance(data, bool):
            self.fail("invalid")
        return data

    def to_representation(self, value):
        return value


class DocumentReferenceSerializer(StrictSerializer):
    """The policy document the framework is taken from."""

    file = TextField(max_length=300, allow_blank=True, required=False, default="")
    title = _name()
    year = IntegerField(min_value=1900, max_value=2999, allow_null=True, required=False, default=None)


class DefinitionSerializer(StrictSerializer):
    """The municipality's definition of the sociale basis."""

    text = _text()
    source = _source()
    verbatim = BooleanField(required=False, default=False, help_text="The text quotes the municipality word for word.")


class SphereSerializer(StrictSerializer):
    """A sphere (or pillar, or circle) of the sociale basis and the municipality's influence on it."""

    key = _key()
    name = _name()
    description = _text()
    influence = serializers.ChoiceField(choices=Influence.choices, help_text="The municipality's influence.")
    influence_explanation = _text(allow_blank=True, required=False, default="")
    source = _source()
    derived = BooleanField(required=False, default=False)


class GoalIndicatorSerializer(StrictSerializer):
    """An indicator of the catalogue that speaks to a goal: its figures stand beside the goal's stories."""

    code = TextField(max_length=80, validators=[indicator_code_validator], help_text="Code in the indicator catalogue.")
    source = _source()
    derived = BooleanField(
        required=False, default=False, help_text="True when the seed does not name this indicator itself."
    )


class GoalSerializer(StrictSerializer):
    """A goal or effect; an activity belongs only if it primarily serves at least one."""

    key = _key()
    name = _name()
    description = _text()
    source = _source()
    derived = BooleanField(required=False, default=False)
    indicators = GoalIndicatorSerializer(many=True, required=False, max_length=LIST_MAX)

    def validate(self, attrs):
        attrs.setdefault("indicators", [])
        return attrs


class CharacteristicSerializer(StrictSerializer):
    """A characteristic asked as a yes/no question, with its effect on belonging."""

    key = _key()
    label = _name()
    question = _text(help_text="The yes/no question a resident answers.")
    effect = serializers.ChoiceField(choices=Effect.choices)
    explanation = _text(allow_blank=True, required=False, default="")
    source = _source()
    derived = BooleanField(required=False, default=False)


class NamedItemSerializer(StrictSerializer):
    """Conditions, principles and the conditions every wijk must meet."""

    key = _key()
    name = _name()
    description = _text()
    source = _source()


class SupportFormSerializer(NamedItemSerializer):
    """A form of support by the municipality (stimulate, appreciate, signal, inform, finance, direct)."""

    derived = BooleanField(required=False, default=False)


class PreventionStepSerializer(StrictSerializer):
    """A step of the prevention ladder."""

    step = IntegerField(min_value=1, max_value=50)
    key = _key()
    name = _name()
    description = _text()
    source = _source()


class OutsideItemSerializer(StrictSerializer):
    """Something the framework explicitly places outside the sociale basis."""

    key = _key()
    description = _text()
    source = _source()


class GreyAreaTermSerializer(StrictSerializer):
    """A term of the grey area, with its explanation."""

    key = _key()
    term = _name()
    explanation = _text()
    source = _source()


class SphereRuleSerializer(StrictSerializer):
    """When these answers are given, suggest this sphere (the first rule that matches wins)."""

    sphere = _key()
    when = serializers.DictField(
        child=BooleanField(),
        allow_empty=False,
        help_text="Characteristic key → the answer it must have for this sphere to be suggested.",
    )
    source = _source()
    derived = BooleanField(required=False, default=False)


class LogicSerializer(StrictSerializer):
    """The assessment rules in machine-readable form (see docs/frameworks.md)."""

    no_goal = serializers.ChoiceField(choices=[("outside", "outside"), ("grey", "grey")])
    outside_if_true = serializers.ListField(child=_key(), required=False, default=list, max_length=LIST_MAX)
    grey_if_true = serializers.ListField(child=_key(), required=False, default=list, max_length=LIST_MAX)
    inside_requires_true = serializers.ListField(child=_key(), required=False, default=list, max_length=LIST_MAX)
    inside_requires_any_true = serializers.ListField(child=_key(), required=False, default=list, max_length=LIST_MAX)
    unknown_blocks_inside = BooleanField(
        help_text="Always true: an unknown answer never yields inside (issue 3, point 3)."
    )
    sphere_rules = SphereRuleSerializer(many=True, required=False, max_length=LIST_MAX)

    def validate_unknown_blocks_inside(self, value: bool) -> bool:
        if value is not True:
            raise serializers.ValidationError(_("Must be true: an unknown answer never makes an activity inside."))
        return value

    def validate(self, attrs):
        attrs.setdefault("sphere_rules", [])
        return attrs


class AssessmentRulesSerializer(StrictSerializer):
    """How an activity is assessed: in words and as logic."""

    rules = _text(help_text="The rules in plain Dutch.")
    source = _source()
    derived = BooleanField(
        required=False, default=False, help_text="True when the rules are read from the text, not adopted."
    )
    logic = LogicSerializer()


class ExampleSerializer(StrictSerializer):
    """A worked example from the policy document, with the verdict the rules must give."""

    name = _name()
    goals = serializers.ListField(child=_key(), max_length=LIST_MAX)
    characteristics = serializers.DictField(child=AnswerField())
    expected_verdict = serializers.ChoiceField(choices=Verdict.choices)
    source = _source()
    note = _text(allow_blank=True, required=False, default="")


_EXTRA_TEXT = {"type": "string", "maxLength": TEXT_MAX}


@extend_schema_field(
    {
        "type": "object",
        "description": "Further lists per municipality (themes, programmes, values, ...), each named by a key "
        "(lowercase letters, digits and underscores; a name that is no key is a 422). Each item has at least "
        "`key` and `source`; other fields (`name`, `description`, ...) are text, numbers, true/false or null.",
        "additionalProperties": {
            "type": "array",
            "maxItems": LIST_MAX,
            "items": {
                "type": "object",
                "required": ["key", "source"],
                "properties": {
                    "key": {"type": "string", "pattern": KEY_PATTERN},
                    "source": {**_EXTRA_TEXT, "pattern": not_only_spaces.regex.pattern},
                },
                "additionalProperties": {
                    "anyOf": [{**_EXTRA_TEXT, "nullable": True}, {"type": "number"}, {"type": "boolean"}],
                },
            },
        },
    }
)
class ExtraField(serializers.Field):
    def to_internal_value(self, data):
        if not isinstance(data, Mapping):
            raise serializers.ValidationError(_("Expected an object with lists."))
        errors: dict[str, list[str]] = {}
        names: dict[str, list[str]] = {}
        for section, items in data.items():
            path = str(section)
            if not isinstance(items, list) or len(items) > LIST_MAX:
                errors[path] = [_("Expected a list of at most %(max)d items.") % {"max": LIST_MAX}]
                continue
            if not isinstance(section, str) or not _is_key(section):
                # OpenAPI 3.0 cannot say which names an object's properties may have: a 422, not a 400.
                names[path] = [str(key_validator.message)]
            for index, item in enumerate(items):
                problem = _extra_item_problem(item)
                if problem:
                    errors[f"{path}[{index}]"] = [problem]
        if errors:
            raise serializers.ValidationError(errors)
        if names:
            raise serializers.ValidationError(names, code=INCONSISTENT)
        return {section: [dict(item) for item in items] for section, items in data.items()}

    def to_representation(self, value):
        return value


def _is_key(value: Any) -> bool:
    try:
        key_validator(value)
    except Exception:
        return False
    return True


def _extra_item_problem(item: Any) -> str | None:
    if not isinstance(item, Mapping):
        return _("Expected an object.")
    if not _is_key(item.get("key")):
        return _("Field 'key': %(message)s") % {"message": key_validator.message}
    if not isinstance(item.get("source"), str) or not not_only_spaces.strict.search(item["source"]):
        return _("Field 'source' is required: cite the document and section.")
    for field, value in item.items():
        if value is not None and not isinstance(value, str | int | float | bool):
            return _("Field '%(field)s' must be text, a number, true/false or null.") % {"field": field}
        if isinstance(value, str) and len(value) > TEXT_MAX:
            return _("Field '%(field)s' is too long.") % {"field": field}
    return None


class FrameworkDocumentSerializer(StrictSerializer):
    """A municipality's local framework of the sociale basis: the export and import format."""

    municipality = TextField(
        max_length=6, validators=[municipality_validator], help_text="CBS code of the municipality, e.g. GM1961."
    )
    municipality_name = _name()
    document = DocumentReferenceSerializer(help_text="The policy document the framework comes from.")
    definition = DefinitionSerializer()
    spheres = SphereSerializer(many=True, min_length=1, max_length=LIST_MAX)
    goals = GoalSerializer(many=True, min_length=1, max_length=LIST_MAX)
    characteristics = CharacteristicSerializer(many=True, min_length=1, max_length=LIST_MAX)
    conditions = NamedItemSerializer(many=True, required=False, max_length=LIST_MAX)
    principles = NamedItemSerializer(many=True, required=False, max_length=LIST_MAX)
    support_forms = SupportFormSerializer(many=True, required=False, max_length=LIST_MAX)
    prevention_ladder = PreventionStepSerializer(many=True, required=False, max_length=LIST_MAX)
    outside = OutsideItemSerializer(many=True, required=False, max_length=LIST_MAX)
    grey_area_terms = GreyAreaTermSerializer(many=True, required=False, max_length=LIST_MAX)
    wijk_conditions = NamedItemSerializer(many=True, required=False, max_length=LIST_MAX)
    extra = ExtraField(required=False)
    assessment = AssessmentRulesSerializer()
    examples = ExampleSerializer(many=True, required=False, max_length=LIST_MAX)

    OPTIONAL_LISTS = (
        "conditions",
        "principles",
        "support_forms",
        "prevention_ladder",
        "outside",
        "grey_area_terms",
        "wijk_conditions",
        "examples",
    )

    def validate(self, attrs):
        for name in self.OPTIONAL_LISTS:
            attrs.setdefault(name, [])
        attrs.setdefault("extra", {})
        errors: dict[str, list[str]] = {}
        for name in ("spheres", "goals", "characteristics", *self.OPTIONAL_LISTS[:-1]):
            _check_unique_keys(attrs[name], name, errors)
        steps = [item["step"] for item in attrs["prevention_ladder"]]
        if len(steps) != len(set(steps)):
            errors["prevention_ladder"] = [_("Each step number may occur only once.")]
        _check_logic(attrs, errors)
        _check_goal_indicators(attrs, errors)
        if not errors:
            _check_examples(attrs, errors)
        if errors:
            # A document can follow the schema and still contradict itself: the API answers these with 422.
            raise serializers.ValidationError(errors, code=INCONSISTENT)
        return attrs


def _check_unique_keys(items: list[Mapping], name: str, errors: dict) -> None:
    seen: set[str] = set()
    for index, item in enumerate(items):
        if item["key"] in seen:
            errors[f"{name}[{index}].key"] = [_("Key '%(key)s' occurs more than once.") % {"key": item["key"]}]
        seen.add(item["key"])


def _check_goal_indicators(attrs: Mapping, errors: dict) -> None:
    """Each goal cites indicators the catalogue knows, each once: a typo would silently show no figure."""
    for index, goal in enumerate(attrs["goals"]):
        seen: set[str] = set()
        for position, indicator in enumerate(goal["indicators"]):
            path = f"goals[{index}].indicators[{position}].code"
            code = indicator["code"]
            if not catalogue.is_known(code):
                errors[path] = [_("No indicator in the catalogue has the code '%(code)s'.") % {"code": code}]
            elif code in seen:
                errors[path] = [_("Indicator '%(code)s' occurs more than once for this goal.") % {"code": code}]
            seen.add(code)


def _check_logic(attrs: Mapping, errors: dict) -> None:
    logic = attrs["assessment"]["logic"]
    effects = {c["key"]: c["effect"] for c in attrs["characteristics"]}
    allowed = {
        "outside_if_true": {Effect.EXCLUDE},
        "grey_if_true": {Effect.EXCLUDE, Effect.INDICATIVE},
        "inside_requires_true": {Effect.INCLUDE},
        "inside_requires_any_true": {Effect.INCLUDE},
    }
    placed: dict[str, str] = {}
    for role, effects_allowed in allowed.items():
        for index, key in enumerate(logic[role]):
            path = f"assessment.logic.{role}[{index}]"
            if key not in effects:
                errors[path] = [_("No characteristic has the key '%(key)s'.") % {"key": key}]
            elif effects[key] not in effects_allowed:
                errors[path] = [
                    _("Characteristic '%(key)s' has effect '%(effect)s', which does not fit here.")
                    % {"key": key, "effect": effects[key]}
                ]
            elif key in placed:
                errors[path] = [
                    _("Characteristic '%(key)s' is already used in %(role)s.") % {"key": key, "role": placed[key]}
                ]
            else:
                placed[key] = role
    for index, characteristic in enumerate(attrs["characteristics"]):
        if characteristic["effect"] != Effect.INDICATIVE and characteristic["key"] not in placed:
            errors[f"characteristics[{index}].effect"] = [
                _("A characteristic that includes or excludes must be used in assessment.logic.")
            ]
    spheres = {s["key"] for s in attrs["spheres"]}
    for index, rule in enumerate(logic["sphere_rules"]):
        path = f"assessment.logic.sphere_rules[{index}]"
        if rule["sphere"] not in spheres:
            errors[f"{path}.sphere"] = [_("No sphere has the key '%(key)s'.") % {"key": rule["sphere"]}]
        for key in rule["when"]:
            if key not in effects:
                errors[f"{path}.when.{key}"] = [_("No characteristic has the key '%(key)s'.") % {"key": key}]


def _check_examples(attrs: Mapping, errors: dict) -> None:
    for index, example in enumerate(attrs["examples"]):
        path = f"examples[{index}]"
        try:
            result = assess_activity(attrs, example["goals"], example["characteristics"])
        except UnknownCriteria as exc:
            errors[path] = [_("Unknown key(s): %(keys)s.") % {"keys": ", ".join(exc.goals + exc.characteristics)}]
            continue
        if result.verdict != example["expected_verdict"]:
            errors[f"{path}.expected_verdict"] = [
                _("The rules of this framework give '%(verdict)s' for '%(name)s', not '%(expected)s'.")
                % {"verdict": result.verdict, "name": example["name"], "expected": example["expected_verdict"]}
            ]


def validate_document(data: Any) -> dict:
    """The document in canonical form, or FrameworkDocumentError naming each wrong field."""
    serializer = FrameworkDocumentSerializer(data=data)
    if not serializer.is_valid():
        raise FrameworkDocumentError(flatten_errors(serializer.errors))
    return canonical(serializer.validated_data)


def canonical(document: Mapping) -> dict:
    """Plain JSON types in the schema's key order (PostgreSQL's jsonb does not keep key order)."""
    return json.loads(json.dumps(FrameworkDocumentSerializer(document).data, ensure_ascii=False))


def content_hash(document: Mapping) -> str:
    text = json.dumps(document, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
