"""Acceptance points 1 and 2: the self-check with and without an account, and one person's answers unreadable by
anyone else on every read path (pages, API, admin, exports)."""

import pytest
from django.contrib import admin
from django.urls import reverse

from socialebasis.health import services
from socialebasis.health.models import Contribution, SelfCheck
from socialebasis.privacy.services import export_personal_data

from .conftest import answers, form_data

pytestmark = pytest.mark.django_db


def test_without_an_account_the_result_is_shown_once_and_nothing_is_kept(client):
    response = client.post(reverse("health:self-check"), form_data(3, talk=["mind"]))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'role="img"' in html and '<title id="web-title">' in html
    assert "Mentaal welbevinden: 3.0" in html or "Mentaal welbevinden: 3,0" in html
    assert "utrecht-table" in html
    assert SelfCheck.objects.count() == 0 and Contribution.objects.count() == 0


def test_a_bad_answer_is_named_at_its_field_and_nothing_is_kept(client, user_factory):
    user = user_factory()
    client.force_login(user)
    response = client.post(reverse("health:self-check"), form_data(6, body_fit="11", mind_calm="³"))
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("Vul een heel getal van 0 tot en met 10 in.") >= 2
    assert SelfCheck.objects.count() == 0


def test_with_an_account_the_result_is_kept_and_shown_beside_earlier_ones(client, user_factory):
    user = user_factory()
    client.force_login(user)
    client.post(reverse("health:self-check"), form_data(4))
    response = client.post(reverse("health:self-check"), form_data(8, talk=["daily"]))
    newest = SelfCheck.objects.get(owner=user, scores__body=8.0)
    assert response.url == reverse("health:result", args=[newest.pk])
    html = client.get(response.url).content.decode()
    assert "stroke-dasharray" in html  # the earlier result as a dashed line in the web
    assert html.count('scope="col"') >= 4  # part, now, earlier, talk
    assert newest.talk_about == ["daily"]
    assert 'href="/burenhulp/' not in html  # no municipality known: no burenhulp to point to (see the test beside)


@pytest.mark.parametrize("role", ["resident", "professional", "policy_officer", "administrator"])
def test_nobody_else_reads_or_deletes_a_result(client, user_factory, verified, role):
    owner = user_factory()
    check = services.save_self_check(owner, answers(2), ["body"])
    other = user_factory(**{role: True})
    verified(client, other)
    assert client.get(reverse("health:result", args=[check.pk])).status_code == 404
    assert client.post(reverse("health:delete", args=[check.pk])).status_code == 404
    assert (
        client.post(reverse("health:contribute"), {"check": check.pk, "postcode": "6658", "agree": "on"}).status_code
        == 404
    )
    mine = client.get(reverse("health:mine")).content.decode()
    assert reverse("health:result", args=[check.pk]) not in mine
    client.post(reverse("health:delete-all"))
    assert SelfCheck.objects.filter(pk=check.pk).exists()
    # Exports of the other person's data hold nothing of it; the owner's export has it.
    assert "health.SelfCheck" not in {section["model"] for section in export_personal_data(other)}
    owners = {section["model"]: section for section in export_personal_data(owner)}
    assert len(owners["health.SelfCheck"]["rows"]) == 1
    # The administration has no page for them.
    assert SelfCheck not in admin.site._registry and Contribution not in admin.site._registry


def test_the_api_has_no_path_to_a_person_and_its_figures_carry_no_answers(client, user_factory, wmw):
    from socialebasis.health.api import urls as health_api

    assert [pattern.name for pattern in health_api.urlpatterns] == ["district-health"]
    district = wmw["districts"][0]
    owner = user_factory()
    services.save_self_check(owner, answers(9), [])
    client.force_login(owner)
    body = client.get(f"/api/v1/districts/{district.statcode}/health").content.decode()
    assert "answers" not in body and "owner" not in body and "body_fit" not in body


def test_a_signed_out_visitor_is_sent_to_sign_in(client, user_factory):
    check = services.save_self_check(user_factory(), answers(), [])
    response = client.get(reverse("health:result", args=[check.pk]))
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


def test_the_owner_deletes_one_result_or_all(client, user_factory):
    owner = user_factory()
    first = services.save_self_check(owner, answers(), [])
    services.save_self_check(owner, answers(), [])
    client.force_login(owner)
    client.post(reverse("health:delete", args=[first.pk]))
    assert SelfCheck.objects.filter(owner=owner).count() == 1
    client.post(reverse("health:delete-all"))
    assert not SelfCheck.objects.filter(owner=owner).exists()


def test_health_data_is_declared_as_special_category_with_consent_and_retention():
    from socialebasis.core.personal_data_register import LegalBasis, processing_of

    processing = processing_of(SelfCheck)
    assert processing.special_category and processing.legal_basis == LegalBasis.CONSENT
    assert processing.retention.period_days() and "9(2)(a)" in str(processing.purpose)
    assert processing_of(Contribution) is None


def test_a_contribution_cannot_be_linked_back_to_its_person(client, user_factory, wmw):
    """Stored apart: no account, no self-check, no time finer than the year, a random key; no audit line."""
    from socialebasis.audit.models import AuditEvent

    fields = {f.name: f for f in Contribution._meta.get_fields()}
    assert not any(getattr(f, "related_model", None) in (SelfCheck, type(user_factory())) for f in fields.values())
    assert not any(f.get_internal_type() in ("DateTimeField", "DateField") for f in fields.values() if f.concrete)
    owner = user_factory()
    check = services.save_self_check(owner, answers(7), [])
    client.force_login(owner)
    district = wmw["districts"][0]
    before = AuditEvent.objects.count()
    response = client.post(
        reverse("health:contribute"), {"check": check.pk, "postcode": wmw["postcode"][district.pk], "agree": "on"}
    )
    assert response.status_code == 200
    contribution = Contribution.objects.get()
    assert contribution.district == district and float(contribution.body) == 7.0
    assert AuditEvent.objects.count() == before
    # Deleting the self-check leaves the contribution, which nothing points at.
    client.post(reverse("health:delete-all"))
    assert Contribution.objects.count() == 1


def test_contributing_without_an_account_needs_a_known_postcode_and_the_tick(client, wmw):
    data = form_data(5)
    response = client.post(reverse("health:contribute"), {**data, "postcode": "0000"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Vul een postcode in zoals 6658 AB." in html
    assert Contribution.objects.count() == 0
    district = wmw["districts"][1]
    client.post(reverse("health:contribute"), {**data, "postcode": wmw["postcode"][district.pk], "agree": "on"})
    assert Contribution.objects.get().district == district
