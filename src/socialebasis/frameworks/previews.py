"""What a draft framework would change: the preview of the editor, before anything is saved.

The draft is assessed against the same inputs as the version in force: the worked examples of the document,
and the activities that higher apps hand in. The sociale kaart stands above this app (ADR 0028), so it
registers a source of activities here (`register_activity_source`) instead of this app reading its tables.
"""

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from socialebasis.areas.models import Municipality

from .assessment import UnknownCriteria, assess_activity
from .models import Verdict


@dataclass(frozen=True)
class SampleActivity:
    """An activity as the assessment sees it: the goals it mainly serves and an answer per criterion key."""

    name: str
    url: str
    goals: list[str]
    answers: Mapping[str, bool | None]


ActivitySource = Callable[[Municipality, list[str]], Iterable[SampleActivity]]
_sources: list[ActivitySource] = []


def register_activity_source(source: ActivitySource) -> None:
    """Called from a higher app's AppConfig.ready: `source(municipality, criterion_keys)` lists its activities."""
    if source not in _sources:
        _sources.append(source)


@dataclass(frozen=True)
class PreviewRow:
    name: str
    url: str
    before: str
    after: str

    @property
    def changed(self) -> bool:
        return self.before != self.after

    @property
    def before_label(self) -> str:
        return str(Verdict(self.before).label) if self.before else ""

    @property
    def after_label(self) -> str:
        return str(Verdict(self.after).label)


@dataclass
class Preview:
    activities: list[PreviewRow] = field(default_factory=list)
    examples: list[PreviewRow] = field(default_factory=list)

    @property
    def changed_activities(self) -> list[PreviewRow]:
        return [row for row in self.activities if row.changed]

    @property
    def examples_that_differ(self) -> list[PreviewRow]:
        """Examples whose outcome under the draft is not the outcome the draft expects (saving would fail)."""
        return [row for row in self.examples if row.changed]


def _verdict(framework: Mapping | None, goals: list[str], answers: Mapping[str, bool | None]) -> str:
    if framework is None:
        return ""
    goal_keys = {g["key"] for g in framework["goals"]}
    criteria = [c["key"] for c in framework["characteristics"]]
    try:
        result = assess_activity(
            framework, [g for g in goals if g in goal_keys], {key: answers.get(key) for key in criteria}
        )
    except UnknownCriteria:  # pragma: no cover - the filtering above leaves no unknown key
        return ""
    return str(result.verdict)


def preview(municipality: Municipality, draft: Mapping, current: Mapping | None) -> Preview:
    """The outcome of every registered activity with the current framework and with the draft, and the outcome
    of every worked example under the draft next to the outcome the draft expects of it."""
    keys = list(dict.fromkeys([c["key"] for c in draft["characteristics"]] + _criteria(current)))
    result = Preview()
    for source in _sources:
        for activity in source(municipality, keys):
            result.activities.append(
                PreviewRow(
                    activity.name,
                    activity.url,
                    _verdict(current, activity.goals, activity.answers),
                    _verdict(draft, activity.goals, activity.answers),
                )
            )
    for example in draft.get("examples", []):
        after = _verdict(draft, example["goals"], example["characteristics"])
        result.examples.append(PreviewRow(example["name"], "", example["expected_verdict"], after))
    return result


def _criteria(framework: Mapping | None) -> list[str]:
    return [c["key"] for c in framework["characteristics"]] if framework else []
