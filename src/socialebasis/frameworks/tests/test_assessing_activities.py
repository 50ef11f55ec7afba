"""The afbakeningskader engine: every worked example of the presets, and Vijfheerenlanden's rule in detail."""

import pytest

from socialebasis.frameworks.assessment import Outcome, UnknownCriteria, assess_activity

from .conftest import read_preset

PRESETS = {code: read_preset(code) for code in ("GM1961", "GM0797", "GM0828", "GM0668")}
VIJFHEERENLANDEN = PRESETS["GM1961"]

# Characteristics a-f of seed 001 §1.2 and Bijlage 2, in that order.
A_TO_F = ["accessible", "mainly_volunteers", "reciprocity", "requires_referral", "for_profit", "mandatory"]
_ANSWER = {"y": True, "n": False, "?": None}

# Every activity of 001 §1.3 and every case of Bijlage 3, written out here as well as in the preset, so that
# an edit of the preset cannot quietly change what the tests expect. Answers are a-f: y(es), n(o), ?.
VIJFHEERENLANDEN_CASES = [
    # §1.3: "activiteiten in alle soorten en maten" - all inside.
    ("Buren die elkaar helpen", ["looking_out", "network"], "yyynnn", "inside"),
    # Informal care is unpaid but not volunteering (§4.3), so b is unknown; reciprocity (c) carries it.
    ("Mantelzorg voor een naaste", ["network", "looking_out"], "ynynnn", "inside"),
    ("Vrijwilligerswerk bij een (sport)vereniging", ["meeting", "network", "positive_health"], "yyynnn", "inside"),
    ("Inloopochtend in een gebedshuis", ["meeting", "looking_out"], "y?ynnn", "grey"),
    ("Peer-supportgroep of zelfhulpgroep", ["network", "positive_health", "meeting"], "yyynnn", "inside"),
    ("Taalmaatjes", ["meeting", "network"], "yyynnn", "inside"),
    ("Buurtvaders en buurtmoeders", ["looking_out", "meeting"], "yyynnn", "inside"),
    # Paid professionals (b is no), reciprocal contact (c): still inside.
    ("Jongerenwerk", ["meeting", "network"], "ynynnn", "inside"),
    ("Opbouwwerk", ["meeting", "network"], "ynynnn", "inside"),
    # Bijlage 2 a: accessible does not mean free; §2.4: existing activities.
    ("Lidmaatschap van een vereniging met contributie", ["meeting", "positive_health"], "yyynnn", "inside"),
    ("Koor van een geloofsgemeenschap", ["meeting", "positive_health"], "yyynnn", "inside"),
    ("Buurtvereniging", ["meeting", "looking_out"], "yyynnn", "inside"),
    # Bijlage 3, Commerciële voorzieningen.
    ("Supermarkt", [], "ynnnyn", "outside"),
    ("Sportbedrijf", ["positive_health"], "ynnnyn", "outside"),
    ("Horeca", ["meeting"], "yn?nyn", "outside"),
    ("Activiteit binnen een commerciële voorziening", ["meeting"], "y??n?n", "grey"),
    ("Commerciële voorziening die door inwoners is overgenomen", ["meeting"], "y??nnn", "grey"),
    # Bijlage 3, Individuele hulpverlening.
    ("Individuele hulpverlening (sociaal of medisch domein)", [], "?nn?nn", "outside"),
    ("Individuele, kortdurende ondersteuning door een professional", ["network"], "?n??nn", "grey"),
    # Bijlage 3, Onderwijs.
    ("Onderwijs", [], "?n?nny", "outside"),
    ("Buitenschoolse activiteit van een onderwijsorganisatie", ["meeting", "network"], "y??nnn", "grey"),
    # Bijlage 3, (Vrijwilligers) werkplekken.
    ("Dagbesteding op een plek buiten de sociale basis", ["meeting"], "????nn", "grey"),
    ("Vrijwilligerswerkplek bij een voorziening buiten de sociale basis", ["meeting"], "?y???n", "grey"),
    # Bijlage 3, Voorliggend veld.
    ("Vrij toegankelijke voorziening in het voorliggend veld", ["network"], "y??nnn", "grey"),
    # Bijlage 2 d and f.
    ("Activiteit met screening of toelatingsvoorwaarden", ["meeting"], "n??ynn", "outside"),
    ("Activiteit met een verplicht karakter", ["meeting"], "y??nny", "outside"),
]


def _answers(code: str) -> dict:
    return {key: _ANSWER[symbol] for key, symbol in zip(A_TO_F, code, strict=True)}


def _preset_examples():
    for code, preset in PRESETS.items():
        for example in preset["examples"]:
            yield pytest.param(code, example, id=f"{code}-{example['name']}")


@pytest.mark.parametrize(("code", "example"), list(_preset_examples()))
def test_every_preset_example_gets_its_expected_verdict(code, example):
    result = assess_activity(PRESETS[code], example["goals"], example["characteristics"])
    assert result.verdict == example["expected_verdict"], example.get("note")


@pytest.mark.parametrize(
    ("name", "goals", "answers", "expected"),
    VIJFHEERENLANDEN_CASES,
    ids=[case[0] for case in VIJFHEERENLANDEN_CASES],
)
def test_vijfheerenlanden_cases_of_section_1_3_and_bijlage_3(name, goals, answers, expected):
    result = assess_activity(VIJFHEERENLANDEN, goals, _answers(answers))
    assert result.verdict == expected


def test_the_vijfheerenlanden_preset_holds_exactly_the_cases_written_here():
    in_preset = [
        (e["name"], e["goals"], {k: e["characteristics"][k] for k in A_TO_F}, e["expected_verdict"])
        for e in VIJFHEERENLANDEN["examples"]
    ]
    written_here = [
        (name, goals, _answers(answers), expected) for name, goals, answers, expected in VIJFHEERENLANDEN_CASES
    ]
    assert sorted(in_preset, key=lambda case: case[0]) == sorted(written_here, key=lambda case: case[0])


def test_vijfheerenlanden_keys_are_exactly_those_of_the_issue():
    assert [g["key"] for g in VIJFHEERENLANDEN["goals"]] == ["meeting", "network", "looking_out", "positive_health"]
    assert [c["key"] for c in VIJFHEERENLANDEN["characteristics"]] == A_TO_F


class TestVijfheerenlandenRule:
    """Issue 3 point 3, the product decision read from 001 Bijlage 2."""

    def test_activity_without_a_primary_goal_falls_outside(self):
        result = assess_activity(VIJFHEERENLANDEN, [], _answers("yyynnn"))
        assert result.verdict == "outside"
        goal_reason = result.reasons[0]
        assert (goal_reason.criterion, goal_reason.outcome, goal_reason.decisive) == ("goals", Outcome.NOT_MET, True)

    @pytest.mark.parametrize("exclusion", ["requires_referral", "for_profit", "mandatory"])
    def test_an_exclusion_that_holds_puts_it_outside_even_when_the_rest_is_unknown(self, exclusion):
        answers = dict.fromkeys(A_TO_F) | {exclusion: True}
        result = assess_activity(VIJFHEERENLANDEN, ["meeting"], answers)
        assert result.verdict == "outside"
        assert [r.criterion for r in result.reasons if r.decisive] == [exclusion]
        assert result.missing == []

    def test_accessible_with_volunteers_or_reciprocity_is_inside(self):
        assert assess_activity(VIJFHEERENLANDEN, ["meeting"], _answers("yynnnn")).verdict == "inside"
        assert assess_activity(VIJFHEERENLANDEN, ["meeting"], _answers("ynynnn")).verdict == "inside"

    def test_neither_volunteers_nor_reciprocity_is_grey(self):
        result = assess_activity(VIJFHEERENLANDEN, ["meeting"], _answers("ynnnnn"))
        assert result.verdict == "grey"
        assert {r.criterion for r in result.reasons if r.decisive} == {"mainly_volunteers", "reciprocity"}
        assert result.missing == []

    def test_not_accessible_is_grey_not_outside(self):
        result = assess_activity(VIJFHEERENLANDEN, ["meeting"], _answers("nyynnn"))
        assert result.verdict == "grey"

    @pytest.mark.parametrize("unknown", ["accessible", "requires_referral", "for_profit", "mandatory"])
    def test_an_unknown_answer_that_decides_makes_it_grey_and_is_named(self, unknown):
        answers = _answers("yyynnn") | {unknown: None}
        result = assess_activity(VIJFHEERENLANDEN, ["meeting"], answers)
        assert result.verdict == "grey"
        assert result.missing == [unknown]

    def test_both_volunteers_and_reciprocity_unknown_are_named_as_missing(self):
        result = assess_activity(VIJFHEERENLANDEN, ["meeting"], _answers("y??nnn"))
        assert (result.verdict, result.missing) == ("grey", ["mainly_volunteers", "reciprocity"])

    def test_a_characteristic_left_out_counts_as_unknown(self):
        answers = _answers("yyynnn")
        del answers["for_profit"]
        result = assess_activity(VIJFHEERENLANDEN, ["meeting"], answers)
        assert (result.verdict, result.missing) == ("grey", ["for_profit"])

    def test_reasons_carry_criterion_label_effect_answer_and_source(self):
        result = assess_activity(VIJFHEERENLANDEN, ["meeting"], _answers("yyynyn"), version=7)
        data = result.as_dict()
        assert set(data) == {"verdict", "reasons", "sphere", "framework_version", "missing"}
        assert data["framework_version"] == 7
        profit = next(r for r in data["reasons"] if r["criterion"] == "for_profit")
        assert profit == {
            "criterion": "for_profit",
            "kind": "characteristic",
            "label": "Winstoogmerk",
            "effect": "exclude",
            "answer": True,
            "outcome": "excludes",
            "decisive": True,
            "source": "001_902c5e1b2d94da37.txt §1.2 (Kenmerken, e); Bijlage 2 (Kenmerken, e)",
            "explanation": "Kenmerk e. Is het eerste doel commercieel, dan past het niet in de sociale basis.",
        }

    def test_volunteer_activity_is_suggested_for_the_communal_sphere(self):
        result = assess_activity(VIJFHEERENLANDEN, ["meeting"], _answers("yyynnn"))
        assert result.sphere["key"] == "communal"
        assert result.sphere["influence"] == "indirect"
        professional = assess_activity(VIJFHEERENLANDEN, ["meeting"], _answers("ynynnn"))
        assert professional.sphere["key"] == "institutional"

    def test_outside_gets_no_sphere(self):
        assert assess_activity(VIJFHEERENLANDEN, [], _answers("yyynnn")).sphere is None

    def test_unknown_goal_and_characteristic_keys_are_refused(self):
        with pytest.raises(UnknownCriteria) as error:
            assess_activity(VIJFHEERENLANDEN, ["meeting", "fun"], {"accessible": True, "cheap": True})
        assert (error.value.goals, error.value.characteristics) == (["fun"], ["cheap"])


def test_heusden_individual_professional_help_without_referral_is_grey():
    # 000 "Buiten de sociale basis": maatschappelijk werk is partly inside and partly outside.
    heusden = PRESETS["GM0797"]
    answers = {"accessible": True, "requires_referral": False, "individual_professional_support": True}
    result = assess_activity(heusden, ["self_reliance"], answers)
    assert result.verdict == "grey"
    assert [r.criterion for r in result.reasons if r.decisive] == ["individual_professional_support"]


def test_heusden_indicative_answers_do_not_decide():
    heusden = PRESETS["GM0797"]
    answers = {"accessible": True, "requires_referral": False, "individual_professional_support": False}
    result = assess_activity(heusden, ["meeting"], answers | {"for_profit": True})
    assert result.verdict == "inside"
    profit = next(r for r in result.reasons if r.criterion == "for_profit")
    assert (profit.outcome, profit.decisive) == (Outcome.RECORDED, False)


def test_oss_suggests_the_pillar_from_ownership():
    oss = PRESETS["GM0828"]
    answers = {"accessible": True, "requires_referral": False, "for_profit": False}
    assert assess_activity(oss, ["meeting"], answers | {"resident_owned": True}).sphere["key"] == "social_ties"
    public = assess_activity(oss, ["meeting"], answers | {"resident_owned": False})
    assert public.sphere["key"] == "social_infrastructure"
