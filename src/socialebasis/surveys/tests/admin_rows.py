"""Rows for the administration's tests (core/tests/admin_rows.py): a survey, and a project started on its page."""

from datetime import date

ADDED_BY_HAND = {"surveys.survey"}


def make_rows(chief) -> None:
    from socialebasis.areas.models import District
    from socialebasis.surveys import services

    wijk = District.objects.get(statcode="WK079701")
    services.start_project(wijk, "Ouder worden in Drunen", actor=chief)
    question = {
        "key": "q",
        "text": "Vraag",
        "kind": "single",
        "options": [{"key": "a", "label": "A"}, {"key": "b", "label": "B"}],
    }
    document = {"title": "Peiling", "opens_on": date(2026, 1, 1), "closes_on": date(2026, 12, 31)}
    services.create_survey(wijk.municipality, {**document, "questions": [question]}, actor=chief)
