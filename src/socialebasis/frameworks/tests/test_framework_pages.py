"""The framework page and the guided "Hoort dit bij de sociale basis?" form, server-rendered."""

import re

import pytest

pytestmark = pytest.mark.django_db

TOETS = "/gemeenten/GM1961/kader/toets/"
KOOR = {
    "naam": "Koor",
    "doel": ["meeting", "positive_health"],
    "k_accessible": "ja",
    "k_mainly_volunteers": "ja",
    "k_reciprocity": "ja",
    "k_requires_referral": "nee",
    "k_for_profit": "nee",
    "k_mandatory": "nee",
    "toets": "1",
}


def _text(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("GM1961", ["Persoonlijke sfeer", "Stimuleren", "Bestaanszekerheid", "Bereikbaarheid"]),
        ("GM0797", ["Preventieladder", "Universele preventie: gewoon gezond leven", "Onderwijs &amp; ontwikkeling"]),
        ("GM0828", ["Sociale infrastructuur", "Sociale inclusie (gelijkwaardigheid)", "Nabij &amp; toegankelijk"]),
        ("GM0668", ["0e lijn: de sociale basis", "Programma 1: Sterke sociale basis", "Resultaat voor de samenleving"]),
    ],
)
def test_framework_page_shows_every_part_with_its_source(client, frameworks, code, expected):
    response = client.get(f"/gemeenten/{code}/kader/")
    assert response.status_code == 200
    text = _text(response)
    content = response.context["content"]
    assert content["definition"]["text"] in text
    for part in expected:
        assert part in text
    for goal in content["goals"]:
        assert goal["name"] in text
    assert text.count("Bron:") >= len(content["goals"]) + len(content["characteristics"]) + len(content["spheres"])
    # Sources name the policy document rather than the file it was read from.
    assert content["document"]["title"] in text


def test_each_goal_lists_the_indicators_it_cites_by_their_dutch_name_with_the_source(client, frameworks):
    response = client.get("/gemeenten/GM1961/kader/")
    html = response.content.decode()
    meeting = _text(response).split("Ontmoeting en verbinding", 1)[1].split("Het (informele) netwerk", 1)[0]
    assert "Cijfers bij dit doel" in meeting
    assert "Monitor Sociale Kracht, sociale samenhang in de buurt" in meeting
    assert (
        "Bron: Samen leven in Vijfheerenlanden. Beleidsvisie sociale basis §2.2 (sociale samenhang in de buurt, 6,0);"
        in meeting
    )
    network = _text(response).split("Het (informele) netwerk", 1)[1].split("Omzien naar elkaar", 1)[0]
    assert "Sociaal eenzaam" in network and "afgeleid uit de tekst" in network
    for code in ("msk_sociale_samenhang_buurt", "SociaalEenzaam", "ErvarenGezondheidGoedZeerGoed", "Mantelzorger"):
        assert code not in html
    # A goal without indicators says nothing about figures (Oss: participation).
    oss = _text(client.get("/gemeenten/GM0828/kader/"))
    assert oss.count("Cijfers bij dit doel") == 3


def test_derived_rules_are_shown_as_derived(client, frameworks):
    assert "niet vastgesteld door de raad" in _text(client.get("/gemeenten/GM0797/kader/"))
    assert "niet vastgesteld door de raad" not in _text(client.get("/gemeenten/GM1961/kader/"))


def test_municipality_page_links_to_the_framework_and_the_check(client, frameworks):
    text = _text(client.get("/gemeenten/GM0828/"))
    assert 'href="/gemeenten/GM0828/kader/"' in text
    assert 'href="/gemeenten/GM0828/kader/toets/"' in text


def test_check_asks_each_characteristic_in_a_fieldset_with_yes_no_and_dont_know(client, frameworks):
    text = _text(client.get(TOETS))
    assert text.count("<fieldset") == 7  # the goals, and a-f
    assert "<legend" in text and "Kan iedereen makkelijk meedoen, zonder hoge drempel?" in text
    for value in ("ja", "nee", "weet-niet"):
        assert f'name="k_accessible" value="{value}"' in text
    assert 'type="checkbox" name="doel" value="meeting"' in text
    assert "<script" not in text.split("<main")[1]


def test_check_explains_an_inside_verdict_in_plain_dutch_with_sources(client, frameworks):
    response = client.get(TOETS, KOOR)
    assert response.status_code == 200
    text = _text(response)
    assert "Ja, dit hoort bij de sociale basis" in text
    assert "Samen leven in Vijfheerenlanden. Beleidsvisie sociale basis §1.2 (Kenmerken, c)" in text
    assert "Gecontroleerd met versie 1 van het kader van Vijfheerenlanden." in text
    # The answers stay filled in, so the resident can change one and check again.
    assert 'name="k_mainly_volunteers" value="ja" id="id_k_mainly_volunteers-ja" checked' in text


def test_check_names_what_is_missing_when_grey(client, frameworks):
    text = _text(client.get(TOETS, {**KOOR, "k_reciprocity": "weet-niet"}))
    assert "Dit is grijs gebied" in text
    assert "Deze antwoorden ontbreken nog" in text
    assert "Wederkerig contact uit eigen motivatie" in text


def test_check_explains_outside_without_calling_it_unimportant(client, frameworks):
    text = _text(client.get(TOETS, {**KOOR, "k_for_profit": "ja"}))
    assert "Nee, dit hoort niet bij de sociale basis" in text
    assert "niet dat de activiteit onbelangrijk is" in text


def test_check_survives_nonsense_input(client, frameworks):
    response = client.get(TOETS, {"toets": "1", "k_accessible": "misschien", "doel": "x" * 5000, "naam": "y" * 5000})
    assert response.status_code == 200
    assert response.context["result"] is None
    assert "utrecht-form-field-error-message" in response.content.decode()


def test_unknown_municipality_and_version_are_not_found(client, frameworks):
    assert client.get("/gemeenten/GM9999/kader/").status_code == 404
    assert client.get("/gemeenten/GM9999/kader/toets/").status_code == 404
    assert client.get("/gemeenten/GM1961/kader/", {"versie": "12"}).status_code == 404
    assert client.get("/gemeenten/GM1961/kader/", {"versie": "1"}).status_code == 200


def test_municipality_without_framework_says_so(client, seed_areas):
    response = client.get("/gemeenten/GM1961/kader/")
    assert response.status_code == 200
    assert "nog niet beschreven" in _text(response)
    assert client.get("/gemeenten/GM1961/kader/toets/").status_code == 404
