"""ADR 0042 (privacy review): results published while answers come in let anyone compare them before and after one
person answered (differencing), whatever the suppression of each figure. So a survey's results are published only
once it has closed, on every read path (page, CSV, API, the project's step 5), and nobody adds an answer after that,
not on paper either, so the published figures never change."""

import csv
import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from socialebasis.areas.models import District, Municipality
from socialebasis.surveys import age_friendly, results, services
from socialebasis.surveys.models import Entry, Survey

pytestmark = pytest.mark.django_db


@pytest.fixture
def survey(seed_areas, user_factory):
    municipality = Municipality.objects.get(statcode="GM0668")
    district = District.objects.of_year(None).filter(municipality=municipality).order_by("statcode").first()
    staff = user_factory(professional=True, municipalities=[municipality])
    project = services.start_project(district, "Vitaal ouder worden", actor=staff)
    today = timezone.localdate()
    found = services.make_questionnaire(project, today - timedelta(days=10), today + timedelta(days=10), actor=staff)
    for _ in range(7):
        services.submit_response(found, {key: ["4"] for _domain, key, _text in age_friendly.ITEMS}, district=district)
    found.staff = staff
    return found


def _csv_rows(client, survey) -> list[list[str]]:
    body = client.get(reverse("surveys:results-csv", args=[survey.pk])).content.decode()
    return list(csv.reader(io.StringIO(body), delimiter=";"))


def _close(survey) -> Survey:
    services.close_survey(survey, actor=survey.staff)
    return Survey.objects.get(pk=survey.pk)


def test_an_open_survey_shows_no_results_anywhere(client, survey):
    assert results.question_results(survey) == []
    page = client.get(reverse("surveys:results", args=[survey.pk])).content.decode()
    assert "De uitkomsten komen online als de peiling is gesloten" in page
    assert len(_csv_rows(client, survey)) == 1  # the header only
    assert client.get(f"/api/v1/surveys/{survey.pk}/results").json()["results"] == []


def test_a_closed_survey_shows_its_results_and_takes_no_more_answers(client, survey):
    closed = _close(survey)

    assert results.question_results(closed)
    assert len(_csv_rows(client, closed)) > 1
    assert client.get(f"/api/v1/surveys/{closed.pk}/results").json()["results"]
    with pytest.raises(services.SurveyError):
        services.submit_response(
            closed, {key: ["4"] for _domain, key, _text in age_friendly.ITEMS}, entry=Entry.PAPER,
            entered_by=survey.staff,
        )  # fmt: skip
    assert closed.responses.count() == 7


def test_staff_close_a_survey_early_after_a_question_and_its_results_are_published(
    client, verified, survey, user_factory
):
    path = reverse("surveys:close", args=[survey.pk])
    resident = user_factory(username="inwoner")
    client.force_login(resident)
    assert client.post(path).status_code == 403
    verified(client, survey.staff)
    survey_page = client.get(reverse("surveys:survey", args=[survey.pk])).content.decode()
    assert path in survey_page
    question = client.get(path).content.decode()
    assert "staan de uitkomsten meteen online" in question
    assert Survey.objects.get(pk=survey.pk).closes_on > timezone.localdate()  # asking closes nothing

    answer = client.post(path, follow=True)
    closed = Survey.objects.get(pk=survey.pk)
    assert closed.closes_on == timezone.localdate() - timedelta(days=1)
    assert answer.redirect_chain[-1][0] == reverse("surveys:results", args=[survey.pk])
    assert "De peiling is gesloten" in answer.content.decode()
    assert results.question_results(closed)
    assert path not in client.get(reverse("surveys:survey", args=[survey.pk])).content.decode()
    again = client.post(path).content.decode()
    assert "Deze peiling is al gesloten." in again


def test_a_survey_that_opened_today_cannot_be_closed_before_tomorrow(survey):
    survey.opens_on = timezone.localdate()
    survey.save(update_fields=["opens_on"])
    with pytest.raises(services.SurveyError) as refused:
        services.close_survey(survey, actor=survey.staff)
    assert refused.value.errors == ["Een peiling kan worden gesloten vanaf de dag na de eerste dag."]
    assert Survey.objects.get(pk=survey.pk).closes_on > timezone.localdate()
