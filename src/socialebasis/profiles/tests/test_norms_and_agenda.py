"""Minimum standards with Heusden's preset, and the sociale agenda: who may change them, audited."""

import pytest

from socialebasis.areas.models import District, Municipality
from socialebasis.audit.models import AuditEvent
from socialebasis.profiles import services
from socialebasis.profiles.models import AgendaItem, Norm


@pytest.fixture
def heusden(health_data):
    return Municipality.objects.get(statcode="GM0797")


def test_heusdens_preset_adds_its_policy_conditions_once(heusden):
    added, present = services.apply_preset(heusden)
    assert (added, present) == (5, 0)
    assert services.apply_preset(heusden) == (0, 5)
    titles = list(Norm.objects.filter(municipality=heusden).values_list("title", flat=True))
    assert "In iedere wijk zijn ontmoetingsplekken beschikbaar" in titles
    assert "Inwoners voelen zich voldoende verbonden met hun wijk" in titles


def test_the_overview_says_which_wijk_falls_below_which_norm_and_why(client, heusden):
    services.apply_preset(heusden)
    html = client.get("/gemeenten/GM0797/ondergrenzen/").content.decode()
    assert "Wijk 01 Drunen" in html
    # Wijk 01: experienced health 75,9 against 79,1 for the municipality in 2020 (source), more than 3 lower.
    assert "Ervaren gezondheid goed of zeer goed (18+), 2020" in html
    assert "sb-check--not_met" in html
    # Registration norms count the sociale kaart: no places registered in these wijken in this test.
    assert "0 geregistreerd, minstens 1 nodig." in html


def test_a_norm_check_compares_with_the_municipality(heusden):
    from socialebasis.profiles import selectors
    from socialebasis.profiles.norms import check

    services.apply_preset(heusden)
    norm = Norm.objects.get(preset="heusden-verbondenheid")
    profile = selectors.build_profile("WK079701", with_series=False)
    row = profile.row("Eenzaam", "18+")
    result = check(norm, profile.district, profile)
    assert result.status == ("met" if row.value - row.municipality_value <= 5 else "not_met")
    norm.threshold = -100
    assert check(norm, profile.district, profile).status == "not_met"


NORM = {
    "title": "Hooguit 5 punten eenzamer dan de gemeente",
    "explanation": "",
    "kind": "above_municipality",
    "group": "18+",
    "threshold": "5",
    "registration": "",
    "is_active": "on",
}


@pytest.mark.parametrize(
    ("trait", "own", "allowed"),
    [("policy_officer", True, True), ("policy_officer", False, False), ("professional", True, False)],
)
def test_only_the_municipalitys_policy_officers_define_norms(
    client, heusden, user_factory, verified, trait, own, allowed
):
    other = Municipality.objects.get(statcode="GM0828")
    verified(client, user_factory(**{trait: True}, municipalities=[heusden if own else other]))
    from socialebasis.indicators.models import Indicator

    data = {**NORM, "indicator": Indicator.objects.get(key="Eenzaam").pk}
    response = client.post("/gemeenten/GM0797/ondergrenzen/nieuw/", data)
    assert response.status_code == (302 if allowed else 403)
    assert Norm.objects.filter(municipality=heusden).exists() == allowed
    if allowed:
        assert AuditEvent.objects.filter(object_type="profiles.norm", action="create", municipality="GM0797").exists()


def test_a_resident_cannot_apply_a_preset(client, heusden, user_factory):
    client.force_login(user_factory(resident=True))
    assert client.post("/gemeenten/GM0797/ondergrenzen/voorinstelling/").status_code == 403
    assert not Norm.objects.exists()


AGENDA = {
    "title": "Minder eenzaamheid onder ouderen",
    "evidence": "Eenzaam (65+) ligt boven de gemeente.",
    "actions": "Wekelijkse koffieochtend in het buurthuis.",
    "owner_kind": "residents",
    "owner_name": "Buurtcomité Drunen",
    "municipal_role": "stimuleren",
    "start_date": "2026-01-01",
    "end_date": "2026-12-31",
}


@pytest.mark.parametrize(
    ("trait", "own", "allowed"),
    [
        ("professional", True, True),
        ("policy_officer", True, True),
        ("professional", False, False),
        ("resident", True, False),
    ],
)
def test_professionals_and_policy_officers_of_the_municipality_edit_the_agenda(
    client, heusden, user_factory, verified, trait, own, allowed
):
    other = Municipality.objects.get(statcode="GM1961")
    user = user_factory(**{trait: True}, municipalities=[heusden if own else other])
    if trait == "resident":
        client.force_login(user)
    else:
        verified(client, user)
    response = client.post("/gemeenten/GM0797/wijken/WK079701/agenda/nieuw/", AGENDA)
    assert response.status_code == (302 if allowed else 403)
    assert AgendaItem.objects.exists() == allowed
    if allowed:
        item = AgendaItem.objects.get()
        assert item.district == District.objects.get(statcode="WK079701", year=2023)
        event = AuditEvent.objects.get(object_type="profiles.agendaitem", action="create")
        assert event.municipality == "GM0797" and event.actor == user
        profile = client.get("/api/v1/districts/WK079701/profile").json()
        assert profile["agenda"][0]["owner_name"] == "Buurtcomité Drunen"
        assert profile["agenda"][0]["municipal_role"] == "stimuleren"
        html = client.get("/gemeenten/GM0797/wijken/WK079701/profiel/").content.decode()
        assert "Minder eenzaamheid onder ouderen" in html


def test_an_agenda_item_cannot_end_before_it_starts(client, heusden, user_factory, verified):
    verified(client, user_factory(professional=True, municipalities=[heusden]))
    response = client.post(
        "/gemeenten/GM0797/wijken/WK079701/agenda/nieuw/",
        {**AGENDA, "start_date": "2026-05-01", "end_date": "2026-01-01"},
    )
    assert response.status_code == 200
    assert not AgendaItem.objects.exists()


def test_changing_and_removing_an_agenda_item_is_audited(client, heusden, user_factory, verified):
    verified(client, user_factory(professional=True, municipalities=[heusden]))
    client.post("/gemeenten/GM0797/wijken/WK079701/agenda/nieuw/", AGENDA)
    item = AgendaItem.objects.get()
    client.post(f"/gemeenten/GM0797/wijken/WK079701/agenda/{item.pk}/", {**AGENDA, "title": "Samen minder alleen"})
    # The status moves through its workflow's steps, not the form (profiles/workflows.py).
    client.post(f"/stap/profiles.agenda_item/{item.pk}/", {"to": "agreed"})
    item.refresh_from_db()
    assert (item.title, item.status) == ("Samen minder alleen", "agreed")
    client.post(f"/gemeenten/GM0797/wijken/WK079701/agenda/{item.pk}/verwijderen/")
    assert not AgendaItem.objects.exists()
    actions = list(AuditEvent.objects.filter(object_type="profiles.agendaitem").values_list("action", flat=True))
    assert sorted(actions) == ["create", "delete", "update", "update"]
