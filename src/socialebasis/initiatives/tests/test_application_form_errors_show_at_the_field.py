"""The one-page application form (draft → check → send) sent with an error comes back as every form of the product
does: a 400, each message at its field (which points at it), an error summary at the top whose links lead to the
fields, and what the applicant wrote still filled in. Nothing is saved."""

import re

import pytest

from socialebasis.initiatives.models import Application

from .test_pages_and_api import FORM
from .test_sub_form_errors_show_at_the_field import REQUIRED, _at_the_field

pytestmark = pytest.mark.django_db


def _apply(fund) -> str:
    return f"/initiatieven/fondsen/{fund.pk}/aanvragen/"


def _summary(html: str) -> str:
    return html.split('id="error-summary-heading"', 1)[1].split("</ul>", 1)[0]


def test_an_empty_required_answer_comes_back_at_its_field_with_a_summary(client, fund, wijk, applicant, budget):
    client.force_login(applicant)

    response = client.post(_apply(fund), {**FORM, "district": wijk.pk, "title": "", "for_whom": ""})

    assert response.status_code == 400
    html = response.content.decode()
    _at_the_field(html, "id_title", REQUIRED)
    _at_the_field(html, "id_for_whom", REQUIRED)
    assert "Geef uw plan een korte naam" in _summary(html)  # the summary names the question, in words
    assert re.search(r"<title>\s*Fout:", html)
    assert "Een feest op het plein voor alle buren." in html  # what was written stays
    assert not Application.objects.exists()


def test_an_amount_above_the_fund_s_maximum_comes_back_at_the_amount(client, fund, wijk, applicant, budget):
    client.force_login(applicant)

    response = client.post(_apply(fund), {**FORM, "district": wijk.pk, "amount": "9000"})

    assert response.status_code == 400
    _at_the_field(response.content.decode(), "id_amount", f"€ {fund.maximum}")
    assert not Application.objects.exists()


def test_costs_missing_above_the_first_tier_come_back_at_the_costs(client, fund, wijk, applicant, budget):
    client.force_login(applicant)

    response = client.post(_apply(fund), {**FORM, "district": wijk.pk, "amount": "2000"})

    assert response.status_code == 400
    html = response.content.decode()
    message = response.context["form"].errors["lines"][0]
    _at_the_field(html, "id_lines", message)


def test_changing_a_draft_with_an_error_changes_nothing(client, fund, wijk, applicant, budget):
    client.force_login(applicant)
    client.post(_apply(fund), {**FORM, "district": wijk.pk})
    draft = Application.objects.get()

    response = client.post(f"/initiatieven/aanvragen/{draft.pk}/wijzigen/", {**FORM, "district": wijk.pk, "what": ""})

    assert response.status_code == 400
    _at_the_field(response.content.decode(), "id_what", REQUIRED)
    draft.refresh_from_db()
    assert draft.what == FORM["what"]


def test_a_form_without_errors_has_no_summary_and_saves_the_draft(client, fund, wijk, applicant, budget):
    client.force_login(applicant)
    page = client.get(_apply(fund))
    assert page.status_code == 200 and "error-summary-heading" not in page.content.decode()

    response = client.post(_apply(fund), {**FORM, "district": wijk.pk})

    assert response.status_code == 302 and response.url == Application.objects.get().get_absolute_url()
