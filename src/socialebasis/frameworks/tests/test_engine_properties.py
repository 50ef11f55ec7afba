"""Properties of the engine over all answer combinations of all four presets (hypothesis)."""

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from socialebasis.frameworks.assessment import assess_activity

from .conftest import read_preset

PRESETS = {code: read_preset(code) for code in ("GM1961", "GM0797", "GM0828", "GM0668")}
ANSWER = st.sampled_from([True, False, None])


@st.composite
def activities(draw, code: str):
    framework = PRESETS[code]
    goals = draw(st.lists(st.sampled_from([g["key"] for g in framework["goals"]]), unique=True))
    answers = {c["key"]: draw(ANSWER) for c in framework["characteristics"]}
    return goals, answers


def _completions(answers: dict):
    """Every way the unknown answers could turn out."""
    unknown = [key for key, value in answers.items() if value is None]
    for values in itertools.product([True, False], repeat=len(unknown)):
        yield answers | dict(zip(unknown, values, strict=True))


@pytest.mark.parametrize("code", PRESETS)
def test_never_inside_when_an_exclusion_holds(code):
    framework = PRESETS[code]
    excluding = framework["assessment"]["logic"]["outside_if_true"]

    @settings(max_examples=300, deadline=None)
    @given(activities(code), st.sampled_from(excluding))
    def check(activity, exclusion):
        goals, answers = activity
        result = assess_activity(framework, goals, answers | {exclusion: True})
        assert result.verdict == "outside"

    check()


@pytest.mark.parametrize("code", PRESETS)
def test_an_unknown_answer_never_yields_inside(code):
    """Inside only when every criterion the rules use is answered; any unknown among them gives grey."""
    framework = PRESETS[code]
    logic = framework["assessment"]["logic"]
    deciding = [
        *logic["outside_if_true"],
        *logic["grey_if_true"],
        *logic["inside_requires_true"],
        *logic["inside_requires_any_true"],
    ]

    @settings(max_examples=500, deadline=None)
    @given(activities(code))
    def check(activity):
        goals, answers = activity
        result = assess_activity(framework, goals, answers)
        if any(answers[key] is None for key in deciding):
            assert result.verdict != "inside"
            assert set(result.missing) == {key for key in deciding if answers[key] is None} or result.verdict == (
                "outside"
            )
        if result.verdict == "inside":
            assert all(assess_activity(framework, goals, c).verdict == "inside" for c in _completions(answers))

    check()


@settings(max_examples=500, deadline=None)
@given(activities("GM1961"))
def test_vijfheerenlanden_inside_needs_every_answer_known(activity):
    goals, answers = activity
    result = assess_activity(PRESETS["GM1961"], goals, answers)
    unknown = {key for key, value in answers.items() if value is None}
    if unknown:
        assert result.verdict != "inside"
    if result.verdict == "inside":
        assert answers["accessible"] is True
        assert not any(answers[key] for key in ("requires_referral", "for_profit", "mandatory"))
        assert answers["mainly_volunteers"] is True or answers["reciprocity"] is True


@pytest.mark.parametrize("code", PRESETS)
def test_grey_always_says_why(code):
    framework = PRESETS[code]

    @settings(max_examples=300, deadline=None)
    @given(activities(code))
    def check(activity):
        goals, answers = activity
        result = assess_activity(framework, goals, answers)
        decisive = [r for r in result.reasons if r.decisive]
        assert decisive, "every verdict names the reasons that decided it"
        if result.verdict == "grey":
            # Either answers are missing, or a known answer stands in the way.
            assert result.missing or any(r.answer is not None for r in decisive)
            assert set(result.missing) <= {key for key, value in answers.items() if value is None}

    check()
