"""Policy checks, the theory of change and social quality as JSON. Read-only: the pages write."""

from rest_framework import serializers

from .. import selectors


class EvidenceSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=["indicator", "story", "signal", "document", "link"])
    reference = serializers.CharField()
    label = serializers.CharField(allow_blank=True)


class AnswerSerializer(serializers.Serializer):
    principle = serializers.CharField(help_text="Key of the principle in the framework version the check uses.")
    question = serializers.CharField(help_text="The principle's name: the question asked.")
    answer = serializers.CharField(allow_blank=True, help_text="meets, partly, not, na; empty: not answered.")
    at_risk = serializers.BooleanField()
    explanation = serializers.CharField(allow_blank=True)
    what_would_help = serializers.CharField(allow_blank=True)
    evidence = EvidenceSerializer(many=True)


class PolicyCheckSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    municipality = serializers.CharField(source="municipality.statcode")
    title = serializers.CharField()
    summary = serializers.CharField()
    owner = serializers.CharField()
    target_groups = serializers.CharField(allow_blank=True)
    spheres = serializers.ListField(child=serializers.CharField())
    budget = serializers.IntegerField(allow_null=True)
    districts = serializers.ListField(child=serializers.CharField())
    status = serializers.CharField()
    version = serializers.IntegerField()
    framework_version = serializers.IntegerField(source="framework_version.number")
    reviewed_at = serializers.DateTimeField(allow_null=True)
    is_demo = serializers.BooleanField()
    principles_at_risk = serializers.ListField(child=serializers.CharField())
    answers = AnswerSerializer(many=True)


def check_as_dict(check) -> dict:
    items = selectors.questions(check)
    return {
        "id": check.pk,
        "municipality": check.municipality.statcode,
        "title": check.title,
        "summary": check.summary,
        "owner": check.owner,
        "target_groups": check.target_groups,
        "spheres": list(check.spheres),
        "budget": int(check.budget) if check.budget is not None else None,
        "districts": sorted(d.statcode for d in check.districts.all()),
        "status": check.status,
        "version": check.version,
        "framework_version": check.framework_version.number,
        "reviewed_at": check.reviewed_at.isoformat() if check.reviewed_at else None,
        "is_demo": check.is_demo,
        "principles_at_risk": [q.key for q in items if q.at_risk],
        "answers": [
            {
                "principle": q.key,
                "question": q.name,
                "answer": q.answer.answer,
                "at_risk": q.at_risk,
                "explanation": q.answer.explanation,
                "what_would_help": q.answer.what_would_help,
                "evidence": q.answer.evidence,
            }
            for q in items
        ],
    }


class BlockScoreSerializer(serializers.Serializer):
    block = serializers.CharField()
    name = serializers.CharField()
    kind = serializers.ChoiceField(choices=["content", "way"])
    score = serializers.IntegerField(allow_null=True, min_value=1, max_value=5)
    explanation = serializers.CharField(allow_blank=True)
    evidence = EvidenceSerializer(many=True)


class SelfAssessmentSerializer(serializers.Serializer):
    municipality = serializers.CharField()
    year = serializers.IntegerField()
    participants = serializers.CharField()
    summary = serializers.CharField(allow_blank=True)
    is_demo = serializers.BooleanField()
    scores = BlockScoreSerializer(many=True)


def assessment_as_dict(assessment) -> dict:
    return {
        "municipality": assessment.municipality.statcode,
        "year": assessment.year,
        "participants": assessment.participants,
        "summary": assessment.summary,
        "is_demo": assessment.is_demo,
        "scores": [
            {
                "block": s.block.key,
                "name": s.block.name,
                "kind": s.block.kind,
                "score": s.score,
                "explanation": s.explanation,
                "evidence": s.evidence,
            }
            for s in assessment.scores.all()
        ],
    }


class BoxSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    kind = serializers.ChoiceField(choices=["input", "activity", "output", "outcome", "impact"])
    title = serializers.CharField()
    description = serializers.CharField(allow_blank=True)
    indicators = serializers.ListField(child=serializers.CharField())
    story_tags = serializers.ListField(child=serializers.CharField())


class ArrowSerializer(serializers.Serializer):
    source = serializers.IntegerField()
    target = serializers.IntegerField()
    assumption = serializers.CharField()
    test_by = serializers.DateField(allow_null=True)


class MapCheckSerializer(serializers.Serializer):
    cycles = serializers.ListField(child=serializers.ListField(child=serializers.IntegerField()))
    loose_boxes = serializers.ListField(child=serializers.IntegerField())
    outcomes_without_evidence = serializers.ListField(child=serializers.IntegerField())


class ChangeMapSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    municipality = serializers.CharField()
    district = serializers.CharField(allow_null=True)
    title = serializers.CharField()
    is_demo = serializers.BooleanField()
    boxes = BoxSerializer(many=True)
    arrows = ArrowSerializer(many=True)
    check = MapCheckSerializer()


class TheoryOfChangeSerializer(serializers.Serializer):
    municipality = serializers.CharField()
    self_assessments = SelfAssessmentSerializer(many=True)
    maps = ChangeMapSerializer(many=True)


def map_as_dict(change_map) -> dict:
    from ..maps import check_map

    boxes = list(change_map.boxes.prefetch_related("indicators"))
    arrows = list(change_map.arrows.all())
    found = check_map(boxes, arrows)
    return {
        "id": change_map.pk,
        "municipality": change_map.municipality.statcode,
        "district": change_map.district.statcode if change_map.district else None,
        "title": change_map.title,
        "is_demo": change_map.is_demo,
        "boxes": [
            {
                "id": b.pk,
                "kind": b.kind,
                "title": b.title,
                "description": b.description,
                "indicators": [i.key for i in b.indicators.all()],
                "story_tags": [t.strip() for t in b.story_tags.split(",") if t.strip()],
            }
            for b in boxes
        ],
        "arrows": [
            {"source": a.source_id, "target": a.target_id, "assumption": a.assumption, "test_by": a.test_by}
            for a in arrows
        ],
        "check": {
            "cycles": [[b.pk for b in cycle] for cycle in found.cycles],
            "loose_boxes": [b.pk for b in found.loose],
            "outcomes_without_evidence": [b.pk for b in found.outcomes_without_evidence],
        },
    }


class SocialQualitySerializer(serializers.Serializer):
    district = serializers.CharField(source="district.statcode")
    year = serializers.IntegerField()
    condition = serializers.CharField()
    score = serializers.IntegerField(min_value=1, max_value=10)
    explanation = serializers.CharField(allow_blank=True)
    evidence = EvidenceSerializer(many=True)
    participants = serializers.CharField(allow_blank=True)
    is_demo = serializers.BooleanField()
