"""The theory of change (self-assessment and map) and social quality per wijk (issue 17 points 2, 3, 4, 5, 7)."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from socialebasis.accounts.tests.factories import UserFactory
from socialebasis.areas.models import District, Municipality
from socialebasis.indicators.models import Indicator, IndicatorValue
from socialebasis.indicators.services import Cell, Definition, store_computed
from socialebasis.policy import charts, maps, selectors, services
from socialebasis.policy.forms import ArrowForm, BoxForm
from socialebasis.policy.models import Arrow, Box, BoxKind, ChangeMap, SocialQualityScore
from socialebasis.profiles.models import AgendaItem

pytestmark = pytest.mark.django_db


# Self-assessment ----------------------------------------------------------------------------------------------


def test_the_building_blocks_are_data_and_a_municipality_adds_its_own(oss, officer):
    blocks = selectors.blocks_for(oss)
    names = [b.name for b in blocks]
    assert "Zorgen voor bestaanszekerheid" in names
    assert "Mensen vragen en uitnodigen" in names
    assert all("004_" in b.source for b in blocks)
    services.add_building_block(oss, name="Digitale inclusie", description="", kind="content", actor=officer)
    assert "Digitale inclusie" in [b.name for b in selectors.blocks_for(oss)]
    heusden = Municipality.objects.get(statcode="GM0797")
    assert "Digitale inclusie" not in [b.name for b in selectors.blocks_for(heusden)]


def test_two_years_side_by_side_with_a_plain_summary(oss, officer, professional):
    blocks = selectors.blocks_for(oss)
    first, second = blocks[0], blocks[1]
    with pytest.raises(PermissionDenied):
        services.save_self_assessment(oss, 2024, participants="x", summary="", scores={}, actor=professional)
    with pytest.raises(ValidationError):
        services.save_self_assessment(
            oss, 2024, participants="team", summary="", scores={first.pk: {"score": 9}}, actor=officer
        )
    assert not oss.self_assessments.exists()
    services.save_self_assessment(
        oss,
        2024,
        participants="team",
        summary="",
        scores={first.pk: {"score": 2}, second.pk: {"score": 4}},
        actor=officer,
    )
    services.save_self_assessment(
        oss,
        2025,
        participants="team en inwoners",
        summary="",
        scores={first.pk: {"score": 3}, second.pk: {"score": 4}},
        actor=officer,
    )
    assessments = selectors.assessments_of(officer, oss)
    rows = selectors.score_table(blocks, assessments)
    assert [s.score for s in rows[0]["scores"]] == [2, 3]
    summary = selectors.plain_summary(blocks, assessments)
    assert first.name.lower() in summary and "2024" in summary
    chart = charts.scores_chart(rows, [2024, 2025])
    assert 'role="img"' in chart and "2025: 3" in chart


# The map ------------------------------------------------------------------------------------------------------


def _box(change_map, kind, title, **extra):
    return Box.objects.create(change_map=change_map, kind=kind, title=title, **extra)


def test_the_map_check_finds_cycles_loose_boxes_and_outcomes_without_evidence(oss):
    change_map = ChangeMap.objects.create(municipality=oss, title="Kaart")
    a = _box(change_map, BoxKind.ACTIVITY, "Ontmoeting")
    b = _box(change_map, BoxKind.OUTPUT, "Bijeenkomsten")
    c = _box(change_map, BoxKind.OUTCOME, "Minder eenzaamheid")
    loose = _box(change_map, BoxKind.INPUT, "Budget")
    Arrow.objects.create(change_map=change_map, source=a, target=b, assumption="x")
    Arrow.objects.create(change_map=change_map, source=b, target=c, assumption="y")
    found = maps.check_map(change_map.boxes.all(), change_map.arrows.all())
    assert found.cycles == []
    assert found.loose == [loose]
    assert found.outcomes_without_evidence == [c]
    Arrow.objects.create(change_map=change_map, source=c, target=a, assumption="terug")
    c.story_tags = "eenzaamheid"
    c.save()
    found = maps.check_map(change_map.boxes.all(), change_map.arrows.all())
    assert sorted(box.title for box in found.cycles[0]) == ["Bijeenkomsten", "Minder eenzaamheid", "Ontmoeting"]
    assert found.outcomes_without_evidence == []
    svg = maps.draw(change_map, list(change_map.boxes.all()), list(change_map.arrows.all()))
    assert ('role="img"' in svg and "4 boxes" not in svg) or "4" in svg


def test_an_arrow_shows_its_evidence_and_its_test_date_goes_on_the_wijk_agenda(oss, officer, professional):
    district = District.objects.filter(municipality=oss).order_by("statcode").first()
    store_computed(
        "seed-documents",
        "test",
        [Definition("Eenzaam", "Eenzaam", "percent", "Meedoen", False)],
        [Cell("Eenzaam", district.statcode, district.year, 2022, "", 41.5, "test")],
    )
    change_map = ChangeMap.objects.create(municipality=oss, district=district, title="Kaart")
    source = _box(change_map, BoxKind.ACTIVITY, "Huiskamer in de wijk")
    form = BoxForm(
        {"kind": "outcome", "title": "Minder eenzaamheid", "indicators": [Indicator.objects.get(key="Eenzaam").pk]}
    )
    assert form.is_valid(), form.errors
    target = services.save_map_part(form, officer, change_map)
    data = {
        "source": source.pk,
        "target": target.pk,
        "assumption": "Wie komt, ontmoet anderen.",
        "test_by": "2026-12-01",
    }
    with pytest.raises(PermissionDenied):
        services.save_map_part(ArrowForm(data, change_map=change_map), professional, change_map)
    form = ArrowForm(data, change_map=change_map)
    assert form.is_valid(), form.errors
    arrow = services.save_map_part(form, officer, change_map)
    item = AgendaItem.objects.get(pk=arrow.agenda_item_id)
    assert (item.district, item.end_date) == (district, date(2026, 12, 1))
    assert "Wie komt, ontmoet anderen." in item.title
    # Changing the date moves the same opgave, it does not add one.
    form = ArrowForm({**data, "test_by": "2027-03-01"}, instance=arrow, change_map=change_map)
    assert form.is_valid()
    services.save_map_part(form, officer, change_map)
    assert AgendaItem.objects.get().end_date == date(2027, 3, 1)
    evidence = maps.arrow_evidence(arrow, [district.statcode])
    assert evidence[0].label == "Eenzaam" and "41,5%" in evidence[0].detail
    # An arrow to itself or a second arrow between the same boxes is refused at the field.
    assert not ArrowForm({**data, "target": source.pk}, change_map=change_map).is_valid()
    assert not ArrowForm(data, change_map=change_map).is_valid()


# Social quality -----------------------------------------------------------------------------------------------


def test_social_quality_uses_osss_wording_and_goes_into_the_indicator_store(oss, officer, professional):
    conditions = selectors.conditions_for(oss)
    assert [c["key"] for c in conditions] == [
        "social_inclusion",
        "social_cohesion",
        "social_empowerment",
        "socioeconomic_security",
    ]
    assert conditions[0]["name"] == "Sociale inclusie (gelijkwaardigheid)"
    district = District.objects.filter(municipality=oss).order_by("statcode").first()
    services.save_social_quality(
        district,
        2025,
        {"social_inclusion": {"score": 6, "evidence": [{"kind": "indicator", "reference": "Eenzaam", "label": ""}]}},
        participants="opbouwwerk en bewonerspanel",
        actor=professional,
    )
    value = IndicatorValue.objects.get(indicator__key="sociale_kwaliteit_social_inclusion")
    assert (value.area.code, value.year, value.value) == (district.statcode, 2025, 6.0)
    assert value.import_run.source.key == "sociale-kwaliteit"
    with pytest.raises(ValidationError):
        services.save_social_quality(
            district,
            2025,
            {"social_cohesion": {"score": 7}, "social_empowerment": {"score": 11}},
            participants="x",
            actor=professional,
        )
    assert SocialQualityScore.objects.count() == 1
    resident = UserFactory(resident=True)
    with pytest.raises(PermissionDenied):
        services.save_social_quality(district, 2025, {}, participants="x", actor=resident)


def test_a_municipality_without_its_own_wording_gets_the_four_conditions(presets):
    heusden = Municipality.objects.get(statcode="GM0797")
    assert [c["name"] for c in selectors.conditions_for(heusden)] == [
        "Sociale inclusie",
        "Sociale cohesie",
        "Sociale empowerment",
        "Sociaaleconomische zekerheid",
    ]


def test_social_quality_is_public_only_where_published(client, verified, oss, officer, professional):
    district = District.objects.filter(municipality=oss).order_by("statcode").first()
    services.save_social_quality(
        district, 2025, {"social_cohesion": {"score": 7}}, participants="x", actor=professional
    )
    url = f"/api/v1/districts/{district.statcode}/social-quality"
    assert client.get(url).json()["results"] == []
    assert client.get("/gemeenten/GM0828/beleid/sociale-kwaliteit/").status_code == 403
    services.save_publication(oss, policy_checks=False, theory_of_change=False, social_quality=True, actor=officer)
    rows = client.get(url).json()["results"]
    assert [(r["condition"], r["score"]) for r in rows] == [("social_cohesion", 7)]
    assert client.get("/gemeenten/GM0828/beleid/sociale-kwaliteit/").status_code == 200
    assert client.get("/api/v1/districts/nietscode/social-quality").status_code == 404


def test_staff_pages_answer_and_the_theory_of_change_api(client, verified, oss, officer):
    district = District.objects.filter(municipality=oss).order_by("statcode").first()
    change_map = ChangeMap.objects.create(municipality=oss, title="Kaart")
    box = _box(change_map, BoxKind.OUTCOME, "Sterke buurt")
    verified(client, officer)
    for url in (
        "/gemeenten/GM0828/beleid/",
        "/gemeenten/GM0828/beleid/toetsen/nieuw/",
        "/gemeenten/GM0828/beleid/zichtbaarheid/",
        "/gemeenten/GM0828/beleid/verandertheorie/",
        "/gemeenten/GM0828/beleid/verandertheorie/zelfevaluatie/2025/",
        "/gemeenten/GM0828/beleid/verandertheorie/bouwsteen/nieuw/",
        "/gemeenten/GM0828/beleid/verandertheorie/kaarten/nieuw/",
        f"/gemeenten/GM0828/beleid/verandertheorie/kaarten/{change_map.pk}/",
        f"/gemeenten/GM0828/beleid/verandertheorie/kaarten/{change_map.pk}/vak/{box.pk}/",
        f"/gemeenten/GM0828/beleid/verandertheorie/kaarten/{change_map.pk}/pijl/nieuw/",
        "/gemeenten/GM0828/beleid/sociale-kwaliteit/",
        f"/gemeenten/GM0828/beleid/sociale-kwaliteit/{district.statcode}/2025/",
    ):
        assert client.get(url).status_code == 200, url
    assert (
        client.get(f"/gemeenten/GM0828/beleid/verandertheorie/kaarten/{change_map.pk}/iets/nieuw/").status_code == 404
    )
    rows = client.get("/api/v1/theory-of-change?municipality=GM0828").json()["results"]
    assert rows[0]["maps"][0]["check"]["loose_boxes"] == [box.pk]
    client.logout()
    assert client.get("/api/v1/theory-of-change").json()["results"] == []
    assert client.get(f"/gemeenten/GM0828/beleid/verandertheorie/kaarten/{change_map.pk}/").status_code == 404
