"""Staff of a municipality read its requests also when they do not moderate the request's wijk (a policy officer, a
professional of another wijk): every such read of a resident's request is written to the audit log, not only the
moderator's (issue 13 point 5, ADR 0025)."""

import pytest
from django.urls import reverse

from socialebasis.audit.models import Action, AuditEvent

from .factories import OSS, help_request

pytestmark = pytest.mark.django_db


def test_a_policy_officer_opening_a_pending_request_leaves_an_audit_line(help_presets, user_factory, client, verified):
    owner = user_factory()
    found = help_request(owner, code=OSS, postcode="5341", key="boodschappen", text="Mijn boodschappenlijst")
    officer = user_factory(policy_officer=True, municipalities=[help_presets[OSS]])
    verified(client, officer)

    page = client.get(reverse("neighbourhelp:request", args=[found.pk]))

    assert page.status_code == 200 and "Mijn boodschappenlijst" in page.content.decode()
    line = AuditEvent.objects.get(action=Action.VIEW, object_type="neighbourhelp.helprequest")
    assert line.actor == officer and line.object_id == str(found.pk)


def test_the_owner_reading_their_own_request_leaves_no_line(help_presets, user_factory, client):
    owner = user_factory()
    found = help_request(owner, code=OSS, postcode="5341", key="boodschappen", text="Mijn boodschappenlijst")
    client.force_login(owner)
    client.get(reverse("neighbourhelp:request", args=[found.pk]))
    assert not AuditEvent.objects.filter(action=Action.VIEW, object_type="neighbourhelp.helprequest").exists()


def test_a_policy_officer_reading_requests_through_the_api_leaves_an_audit_line(
    help_presets, user_factory, client, verified
):
    owner = user_factory()
    first = help_request(owner, code=OSS, postcode="5341", key="boodschappen", text="Mijn boodschappenlijst")
    second = help_request(owner, code=OSS, postcode="5341", key="boodschappen", text="Mijn tweede vraag")
    officer = user_factory(policy_officer=True, municipalities=[help_presets[OSS]])
    verified(client, officer)

    listed = client.get("/api/v1/help-requests")

    assert listed.status_code == 200 and "Mijn tweede vraag" in listed.content.decode()
    line = AuditEvent.objects.get(action=Action.VIEW, object_type="neighbourhelp.helprequest")
    assert line.actor == officer and line.details["requests"] == sorted([first.pk, second.pk])
    assert line.municipality == OSS

    one = client.get(f"/api/v1/help-requests/{first.pk}")

    assert one.status_code == 200 and "Mijn boodschappenlijst" in one.content.decode()
    line = AuditEvent.objects.filter(action=Action.VIEW, object_type="neighbourhelp.helprequest").latest("pk")
    assert line.actor == officer and line.object_id == str(first.pk)


def test_the_owner_reading_their_own_requests_through_the_api_leaves_no_line(help_presets, user_factory, client):
    owner = user_factory()
    found = help_request(owner, code=OSS, postcode="5341", key="boodschappen", text="Mijn boodschappenlijst")
    client.force_login(owner)
    assert client.get("/api/v1/help-requests").status_code == 200
    assert client.get(f"/api/v1/help-requests/{found.pk}").status_code == 200
    assert not AuditEvent.objects.filter(action=Action.VIEW, object_type="neighbourhelp.helprequest").exists()
