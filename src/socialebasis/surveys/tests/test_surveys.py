"""Acceptance points 5, 6 and 7: surveys as data with skip conditions, paper and assisted entry, results per
question and wijk with suppression (page, CSV and API the same), the age-friendly project's seven steps, and a
result that becomes an action on the wijk's sociale agenda with its origin."""

import csv
import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from socialebasis.areas.models import District, Municipality
from socialebasis.profiles.models import AgendaItem
from socialebasis.surveys import age_friendly, results, services
from socialebasis.surveys.models import Answer, Entry, Response

pytestmark = pytest.mark.django_db


@pytest.fixture
def project(seed_areas, user_factory):
    municipality = Municipality.objects.get(statcode="GM0668")
    district = District.objects.of_year(None).filter(municipality=municipality).order_by("statcode").first()
    staff = user_factory(professional=True, municipalities=[municipality])
    project = services.start_project(district, "Vitaal ouder worden", actor=staff)
    today = timezone.localdate()
    survey = services.make_questionnaire(project, today - timedelta(days=1), today + timedelta(days=30), actor=staff)
    return {"project": project, "survey": survey, "district": district, "staff": staff}


def _answers(**extra):
    given = {key: ["4"] for _domain, key, _text in age_friendly.ITEMS}
    given.update(extra)
    return given


def test_the_questionnaire_has_two_own_items_for_each_of_the_eight_domains(project):
    domains = [q.domain for q in project["survey"].questions.filter(kind="scale")]
    assert {key for key, _label in age_friendly.DOMAINS} == set(domains)
    assert all(domains.count(key) >= 2 for key, _label in age_friendly.DOMAINS)


def test_a_skipped_question_keeps_no_answer_and_paper_entries_are_marked(project):
    survey, staff = project["survey"], project["staff"]
    services.submit_response(survey, _answers(walking_aid=["no"], walking_aid_hard="te veel stoepranden"))
    assert not Answer.objects.filter(question__key="walking_aid_hard").exists()
    services.submit_response(
        survey, _answers(walking_aid=["yes"], walking_aid_hard="de stoep"), entry=Entry.PAPER, entered_by=staff
    )
    assert Answer.objects.get(question__key="walking_aid_hard").text == "de stoep"
    assert Response.objects.filter(entry=Entry.PAPER, entered_by=staff).count() == 1
    with pytest.raises(services.SurveyError):
        services.submit_response(survey, _answers(outdoor_walk=["9"]))
    assert Response.objects.count() == 2


def test_results_hide_small_groups_alike_on_the_page_in_the_csv_and_in_the_api(client, project):
    survey = project["survey"]
    for _ in range(6):
        services.submit_response(survey, _answers(), district=project["district"])
    services.submit_response(survey, _answers(outdoor_walk=["1"]), district=project["district"])
    # Results are published once the survey has closed (ADR 0042).
    services.close_survey(survey, actor=project["staff"])
    found = {r.question.key: r for r in results.question_results(survey)}
    walk = found["outdoor_walk"]
    assert walk.areas[0].counts[0] is None and walk.areas[0].counts[3] is None  # 1 person, and its complement
    assert found["outdoor_bench"].areas[0].counts[3] == 7
    rows = list(
        csv.reader(
            io.StringIO(client.get(reverse("surveys:results-csv", args=[survey.pk])).content.decode()), delimiter=";"
        )
    )
    walk_rows = [row for row in rows if row[0] == "outdoor_walk" and row[3] == project["district"].statcode]
    assert [row[5] for row in walk_rows] == ["", "0", "0", "", "0"]  # zero is nobody: no secret
    api = client.get(f"/api/v1/surveys/{survey.pk}/results", {"district": project["district"].statcode}).json()
    api_walk = next(r for r in api["results"] if r["question"] == "outdoor_walk")
    assert api_walk["areas"][0]["counts"][0] is None
    assert client.get(f"/api/v1/surveys/{survey.pk}/results", {"district": "x"}).status_code == 400
    listed = client.get("/api/v1/surveys").json()["results"]
    assert [found["id"] for found in listed] == [survey.pk]
    assert len(listed[0]["questions"]) == len(age_friendly.ITEMS) + 3
    assert "answers" not in str(listed) and "respondent" not in str(listed)


def test_a_result_becomes_an_agenda_action_shown_on_you_said_we_did(client, verified, project):
    survey, staff = project["survey"], project["staff"]
    verified(client, staff)
    response = client.post(
        reverse("surveys:action", args=[survey.pk]),
        {"what_residents_said": "Te weinig bankjes", "question": survey.questions.get(key="outdoor_bench").pk,
         "title": "Meer bankjes langs de dijk", "owner_kind": "municipality", "owner_name": "Gemeente",
         "municipal_role": "financieren"},
    )  # fmt: skip
    assert response.status_code == 302
    item = AgendaItem.objects.get(title="Meer bankjes langs de dijk")
    assert item.district == project["district"] and survey.title in item.evidence
    client.logout()
    page = client.get(reverse("surveys:said-did", args=[survey.pk])).content.decode()
    assert "Te weinig bankjes" in page and "Meer bankjes langs de dijk" in page


def test_each_of_the_seven_steps_has_its_own_page_and_only_staff_change_it(client, verified, project, user_factory):
    for step, _label in age_friendly.STEPS:
        assert client.get(reverse("surveys:step", args=[project["project"].pk, step])).status_code == 200
    assert client.post(reverse("surveys:step", args=[project["project"].pk, 1]), {"question": "x"}).status_code == 403
    verified(client, project["staff"])
    client.post(
        reverse("surveys:step", args=[project["project"].pk, 1]), {"working_group": "Seniorenraad", "question": "Hoe?"}
    )
    project["project"].refresh_from_db()
    assert project["project"].working_group == "Seniorenraad"
    assert client.get(reverse("surveys:paper-entry", args=[project["survey"].pk])).status_code == 200
    district = project["district"]
    hub = client.get(
        reverse("areas:district", args=[district.municipality.statcode, district.statcode])
    ).content.decode()
    assert reverse("surveys:project-start", args=[district.municipality.statcode, district.statcode]) in hub
    assert client.get(reverse("surveys:survey", args=[project["survey"].pk])).status_code == 200
    assert client.get(reverse("surveys:results", args=[project["survey"].pk])).status_code == 200


def test_an_anonymous_survey_keeps_nobody_and_one_with_an_account_takes_one_answer_each(project, user_factory):
    resident = user_factory()
    services.submit_response(project["survey"], _answers(), respondent=resident)
    assert Response.objects.get().respondent is None
    survey = services.create_survey(
        project["district"].municipality,
        {
            **services.age_friendly_document("Met account", timezone.localdate(), timezone.localdate()),
            "anonymous": False,
        },
    )
    services.submit_response(survey, _answers(), respondent=resident)
    with pytest.raises(services.SurveyError, match="al ingevuld"):
        services.submit_response(survey, _answers(), respondent=resident)
    with pytest.raises(services.SurveyError, match="Log in"):
        services.submit_response(survey, _answers())


def test_a_respondent_finds_their_answers_in_their_data_export(seed_areas, user_factory):
    from datetime import date

    from socialebasis.privacy.services import export_personal_data

    oss = Municipality.objects.get(statcode="GM0828")
    survey = services.create_survey(
        oss,
        {
            "title": "Peiling over de buurt", "anonymous": False,
            "opens_on": date(2026, 1, 1), "closes_on": date(2026, 12, 31),
            "questions": [
                {"key": "q", "text": "Voelt u zich thuis?", "kind": "single",
                 "options": [{"key": "ja", "label": "Ja, zeker"}, {"key": "nee", "label": "Nee"}]},
                {"key": "o", "text": "Wat mist u?", "kind": "open"},
            ],
        },
    )  # fmt: skip
    person = user_factory()
    services.submit_response(survey, {"q": ["ja"], "o": "Een bankje bij de bakker"}, respondent=person)

    section = next(s for s in export_personal_data(person) if s["model"] == "surveys.Response")
    exported = str(section["rows"])
    assert "Peiling over de buurt" in exported
    assert "Voelt u zich thuis?" in exported and "Ja, zeker" in exported
    assert "Een bankje bij de bakker" in exported


def test_the_csv_keeps_every_formula_start_a_spreadsheet_knows_as_text():
    assert [results._cell(text) for text in ("=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1", "Gewoon")] == [
        "'=1+1", "'+1", "'-1", "'@SUM(A1)", "'\t=1", "'\r=1", "Gewoon",
    ]  # fmt: skip
