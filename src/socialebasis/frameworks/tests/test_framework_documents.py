"""The framework document: the presets are valid and complete, and a wrong document is refused precisely."""

import copy

import pytest

from socialebasis.frameworks.document import FrameworkDocumentError, canonical, content_hash, validate_document

from .conftest import read_preset

CODES = ("GM1961", "GM0797", "GM0828", "GM0668")


def _errors(document) -> list[tuple[str, str]]:
    with pytest.raises(FrameworkDocumentError) as error:
        validate_document(document)
    return error.value.errors


@pytest.mark.parametrize("code", CODES)
def test_presets_are_valid_and_already_canonical(code):
    preset = read_preset(code)
    assert validate_document(preset) == preset
    assert content_hash(canonical(preset)) == content_hash(preset)


@pytest.mark.parametrize("code", CODES)
def test_every_element_of_a_preset_cites_its_source(code):
    preset = read_preset(code)
    lists = [preset[name] for name in ("spheres", "goals", "characteristics", "conditions", "principles")]
    lists += [preset[name] for name in ("support_forms", "prevention_ladder", "outside", "grey_area_terms")]
    lists += [preset["wijk_conditions"], *preset["extra"].values(), *(goal["indicators"] for goal in preset["goals"])]
    assert all(item["source"].startswith(preset["document"]["file"]) for items in lists for item in items)
    assert preset["definition"]["source"] and preset["assessment"]["source"]


def test_presets_carry_what_issue_3_asks_of_each_seed():
    vhl, heusden, oss, wmw = (read_preset(code) for code in CODES)
    assert len(vhl["spheres"]) == 3 and len(vhl["goals"]) == 4 and len(vhl["characteristics"]) == 6
    assert [c["key"] for c in vhl["conditions"]] == ["places", "reachability", "awareness"]
    assert [s["name"] for s in vhl["support_forms"]] == [
        "Stimuleren", "Waarderen", "Signaleren", "Informeren", "Financieren", "Regie voeren"
    ]  # fmt: skip
    assert [s["influence"] for s in vhl["spheres"]] == ["indirect", "indirect", "direct"]
    assert len(vhl["grey_area_terms"]) == 11
    assert len(heusden["spheres"]) == 3 and len(heusden["prevention_ladder"]) == 6
    assert len(heusden["principles"]) == 6 and len(heusden["extra"]["inclusion_terrains"]) == 6
    assert len(heusden["wijk_conditions"]) == 4
    assert {o["key"] for o in heusden["outside"]} == {"statutory_individual_support", "social_work_partly"}
    assert len(oss["spheres"]) == 3 and len(oss["principles"]) == 6
    assert len(oss["extra"]["ownership_roles"]) == 2 and len(oss["extra"]["social_quality_conditions"]) == 4
    assert oss["extra"]["values"]
    assert len(wmw["spheres"]) == 3 and len(wmw["principles"]) == 6
    assert all(p["societal_result"] for p in wmw["extra"]["programmes"]) and len(wmw["extra"]["programmes"]) == 4
    assert [line["order"] for line in wmw["extra"]["lines"]] == [0, 1, 2]
    for derived in (heusden, oss, wmw):
        assert derived["assessment"]["derived"] is True
        assert all(c["derived"] for c in derived["characteristics"])
    assert vhl["assessment"]["derived"] is False


class TestRefusingAWrongDocument:
    def setup_method(self):
        self.document = copy.deepcopy(read_preset("GM1961"))

    def test_a_goal_may_cite_only_indicators_of_the_catalogue_and_each_once(self):
        cited = self.document["goals"][0]["indicators"]
        cited.append({"code": "Eenzaamheid", "source": "001 §2.2"})
        cited.append({"code": cited[0]["code"], "source": "001 §2.2"})
        errors = _errors(self.document)
        assert ("goals[0].indicators[2].code", "Geen indicator in de catalogus heeft de code 'Eenzaamheid'.") in errors
        twice = f"Indicator '{cited[0]['code']}' staat meer dan eens bij dit doel."
        assert ("goals[0].indicators[3].code", twice) in errors

    def test_unknown_field_is_named(self):
        self.document["spheres"][0]["colour"] = "blauw"
        assert _errors(self.document) == [("spheres[0].colour", "Onbekend veld.")]

    def test_wrong_choice_is_named(self):
        self.document["characteristics"][3]["effect"] = "soms"
        assert _errors(self.document) == [("characteristics[3].effect", '"soms" is een ongeldige keuze.')]

    def test_missing_source_is_named(self):
        del self.document["goals"][2]["source"]
        assert _errors(self.document) == [("goals[2].source", "Dit veld is vereist.")]

    def test_duplicate_keys_are_refused(self):
        self.document["goals"].append(copy.deepcopy(self.document["goals"][0]))
        assert _errors(self.document)[0][0] == "goals[4].key"

    def test_logic_may_only_name_characteristics_with_a_fitting_effect(self):
        self.document["assessment"]["logic"]["outside_if_true"].append("accessible")
        path, message = _errors(self.document)[0]
        assert path == "assessment.logic.outside_if_true[3]"
        assert "accessible" in message

    def test_unknown_answers_may_not_be_allowed_to_give_inside(self):
        self.document["assessment"]["logic"]["unknown_blocks_inside"] = False
        assert _errors(self.document)[0][0] == "assessment.logic.unknown_blocks_inside"

    def test_an_example_that_contradicts_the_rules_is_refused(self):
        # Only volunteers (b) as the way in, reciprocity (c) merely indicative: youth work, done by paid
        # professionals, would now be grey, which contradicts the example from 001 §1.3.
        self.document["assessment"]["logic"]["inside_requires_any_true"] = ["mainly_volunteers"]
        self.document["characteristics"][2]["effect"] = "indicative"
        jongerenwerk = next(i for i, e in enumerate(self.document["examples"]) if e["name"] == "Jongerenwerk")
        errors = dict(_errors(self.document))
        assert errors[f"examples[{jongerenwerk}].expected_verdict"] == (
            "Volgens de regels van dit kader is de uitkomst voor 'Jongerenwerk' 'grey', niet 'inside'."
        )

    def test_a_deciding_characteristic_must_be_used_by_the_rules(self):
        self.document["assessment"]["logic"]["inside_requires_any_true"] = ["mainly_volunteers"]
        assert "characteristics[2].effect" in dict(_errors(self.document))

    def test_extra_items_need_a_key_and_a_source(self):
        del self.document["extra"]["themes"][0]["source"]
        assert _errors(self.document)[0][0] == "extra.themes[0]"

    def test_not_an_object_at_all(self):
        assert _errors([1, 2])[0][0] == "document"
