"""The application page's own forms (an answer with a file, the declaration of interests, a question back, a note, the
story afterwards) that come back with errors show the page again, with each message at its field and a summary at
the top that links to it; nothing is saved, and the answer is a 400 as on every other form of the product."""

import re

import pytest

from socialebasis.initiatives import services
from socialebasis.initiatives.models import Declaration, Note, Question
from socialebasis.initiatives.vocabulary import ApplicationStatus as S
from socialebasis.workflows.services import transition

pytestmark = pytest.mark.django_db

REQUIRED = "Dit veld is vereist."


def _in_review(make_application, member):
    application = make_application()
    transition(application, S.SUBMITTED, actor=application.applicant)
    transition(application, S.IN_REVIEW, actor=member)
    return application


def _at_the_field(html: str, field_id: str, message: str) -> None:
    """The message sits in the field's own error element, which the field points at, and the summary links there."""
    error = re.search(rf'<div class="utrecht-form-field-error-message" id="{field_id}_error">(.*?)</div>', html, re.S)
    assert error is not None and message in error.group(1)
    assert re.search(rf'id="{field_id}"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="{field_id}"', html)
    summary = html.split('id="error-summary-heading"', 1)[1].split("</ul>", 1)[0]
    assert f'href="#{field_id}' in summary and message in summary


def test_an_empty_note_comes_back_at_its_field(client, make_application, member):
    application = _in_review(make_application, member)
    client.force_login(member)

    response = client.post(f"{application.get_absolute_url()}notitie/", {"n-text": ""})

    assert response.status_code == 400
    html = response.content.decode()
    _at_the_field(html, "id_n-text", REQUIRED)
    assert not Note.objects.exists()


def test_an_interest_without_an_explanation_comes_back_at_the_explanation(client, make_application, member):
    application = _in_review(make_application, member)
    client.force_login(member)

    response = client.post(f"{application.get_absolute_url()}belang/", {"d-has_conflict": "yes", "d-explanation": ""})

    assert response.status_code == 400
    html = response.content.decode()
    _at_the_field(html, "id_d-explanation", "Zeg in een paar woorden wat uw belang is.")
    assert re.search(r'<input[^>]*value="yes"[^>]*checked', html)  # the choice the member made is still chosen
    assert not Declaration.objects.exists()


def test_a_question_back_without_text_comes_back_at_its_field(client, make_application, member):
    application = _in_review(make_application, member)
    client.force_login(member)

    response = client.post(f"{application.get_absolute_url()}vraag/", {"q-about": "where", "q-text": ""})

    assert response.status_code == 400
    _at_the_field(response.content.decode(), "id_q-text", REQUIRED)
    assert not Question.objects.exists()


def test_an_answer_with_a_file_but_no_description_comes_back_at_the_description(client, make_application, member):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from socialebasis.uploads.tests.hostile import photo

    application = _in_review(make_application, member)
    question = services.ask_question(application, member, "where", "Mag het op het plein?")
    client.force_login(application.applicant)

    response = client.post(
        f"{application.get_absolute_url()}vraag/{question.pk}/antwoord/",
        {
            f"a{question.pk}-answer": "Ja, hier is de brief.",
            f"a{question.pk}-attachment": SimpleUploadedFile("brief.jpg", photo()),
        },
    )

    assert response.status_code == 400
    html = response.content.decode()
    field_id = f"id_a{question.pk}-alt_text"
    _at_the_field(html, field_id, "Beschrijf wat er op de foto staat")
    assert "Ja, hier is de brief." in html  # what the applicant wrote stays in the field
    question.refresh_from_db()
    assert question.answered_at is None


def test_a_story_afterwards_without_a_story_comes_back_at_the_story(client, make_application, member):
    application = _in_review(make_application, member)
    services.declare(application, member, False)
    services.decide(application, member, "granted", None, "Goed plan.")
    services.publish(application, member)
    client.force_login(application.applicant)

    response = client.post(f"{application.get_absolute_url()}verantwoording/", {"v-story": ""})

    assert response.status_code == 400
    html = response.content.decode()
    _at_the_field(html, "id_v-story", REQUIRED)
    assert 'class="sb-messages"' not in html  # no flash message above the page any more
    application.accountability.refresh_from_db()
    assert application.accountability.submitted_at is None


def test_a_form_that_is_right_still_goes_back_to_the_page_with_a_thank_you(client, make_application, member):
    application = _in_review(make_application, member)
    client.force_login(member)

    response = client.post(f"{application.get_absolute_url()}notitie/", {"n-text": "Ziet er goed uit."}, follow=True)

    assert response.redirect_chain == [(application.get_absolute_url(), 302)]
    assert "error-summary-heading" not in response.content.decode()
    assert Note.objects.get().text == "Ziet er goed uit."
