"""Who may change a framework, through page and API; every change is a new, audited version."""

import json

import pytest

from socialebasis.audit.models import Action, AuditEvent
from socialebasis.frameworks import selectors
from socialebasis.frameworks.models import FrameworkVersion

pytestmark = pytest.mark.django_db

VERSIONS = "/api/v1/municipalities/{}/framework/versions"
EDIT = "/gemeenten/{}/kader/bewerken/"
EDIT_JSON = "/gemeenten/{}/kader/bewerken/json/"


def _changed_document(municipality) -> dict:
    document = selectors.latest_version(municipality).content
    document["definition"] = {**document["definition"], "text": "Een nieuwe definitie na de herijking."}
    return document


def _post_version(client, code, document, **fields):
    body = {"valid_from": "2025-01-01", "note": "herijking", "document": document, **fields}
    return client.post(VERSIONS.format(code), json.dumps(body), content_type="application/json")


class TestThroughTheApi:
    def test_anonymous_cannot_change_a_framework(self, client, frameworks):
        response = _post_version(client, "GM1961", _changed_document(frameworks["GM1961"]))
        assert response.status_code == 403
        assert FrameworkVersion.objects.count() == 4

    def test_resident_cannot_change_a_framework(self, client, frameworks, user_factory):
        client.force_login(user_factory(resident=True))
        assert _post_version(client, "GM1961", _changed_document(frameworks["GM1961"])).status_code == 403

    def test_policy_officer_of_another_municipality_cannot(self, client, frameworks, user_factory, sign_in_verified):
        officer = user_factory(policy_officer=True, municipalities=[frameworks["GM0797"]])
        sign_in_verified(client, officer)
        assert _post_version(client, "GM1961", _changed_document(frameworks["GM1961"])).status_code == 403

    def test_professional_of_the_municipality_cannot(self, client, frameworks, user_factory, sign_in_verified):
        professional = user_factory(professional=True, municipalities=[frameworks["GM1961"]])
        sign_in_verified(client, professional)
        assert _post_version(client, "GM1961", _changed_document(frameworks["GM1961"])).status_code == 403

    def test_policy_officer_without_second_factor_cannot(self, client, frameworks, user_factory):
        client.force_login(user_factory(policy_officer=True, municipalities=[frameworks["GM1961"]]))
        assert _post_version(client, "GM1961", _changed_document(frameworks["GM1961"])).status_code == 403
        assert FrameworkVersion.objects.count() == 4

    def test_verified_policy_officer_creates_an_audited_version(
        self, client, frameworks, user_factory, sign_in_verified
    ):
        officer = user_factory(policy_officer=True, municipalities=[frameworks["GM1961"]])
        sign_in_verified(client, officer)
        response = _post_version(client, "GM1961", _changed_document(frameworks["GM1961"]))
        assert response.status_code == 201, response.content
        body = response.json()
        assert (body["version"], body["valid_from"], body["note"]) == (2, "2025-01-01", "herijking")
        assert body["document"]["definition"]["text"] == "Een nieuwe definitie na de herijking."
        version = selectors.version_in_force(frameworks["GM1961"])
        assert (version.number, version.created_by) == (2, officer)
        event = AuditEvent.objects.get(action=Action.UPDATE)
        assert (event.actor, event.municipality, event.object_type) == (officer, "GM1961", "frameworks.framework")
        assert event.details["version"] == 2

    def test_administrator_may_change_any_framework(self, client, frameworks, user_factory, sign_in_verified):
        sign_in_verified(client, user_factory(administrator=True))
        assert _post_version(client, "GM0828", _changed_document(frameworks["GM0828"])).status_code == 201

    def test_invalid_document_names_the_field_and_writes_nothing(
        self, client, frameworks, user_factory, sign_in_verified
    ):
        sign_in_verified(client, user_factory(policy_officer=True, municipalities=[frameworks["GM1961"]]))
        document = _changed_document(frameworks["GM1961"])
        document["spheres"][1]["influence"] = "veel"
        response = _post_version(client, "GM1961", document)
        assert response.status_code == 400
        names = [p["name"] for p in response.json()["invalid_params"]]
        assert names == ["document.spheres[1].influence"]
        assert FrameworkVersion.objects.count() == 4
        assert not AuditEvent.objects.filter(action=Action.UPDATE).exists()

    def test_document_of_another_municipality_is_refused(self, client, frameworks, user_factory, sign_in_verified):
        sign_in_verified(client, user_factory(policy_officer=True, municipalities=[frameworks["GM1961"]]))
        response = _post_version(client, "GM1961", _changed_document(frameworks["GM0797"]))
        # The document follows the OpenAPI document but does not fit the address: 422, not 400 (ADR 0022).
        assert response.status_code == 422
        assert [p["name"] for p in response.json()["invalid_params"]] == ["document.municipality"]


class TestThroughThePage:
    def test_anonymous_is_sent_to_sign_in(self, client, frameworks):
        response = client.get(EDIT.format("GM1961"))
        assert response.status_code == 302
        assert response["Location"].startswith("/account/")

    def test_resident_and_other_officers_are_refused(self, client, frameworks, user_factory, sign_in_verified):
        client.force_login(user_factory(resident=True))
        assert client.get(EDIT.format("GM1961")).status_code == 403
        sign_in_verified(client, user_factory(policy_officer=True, municipalities=[frameworks["GM0797"]]))
        assert client.get(EDIT.format("GM1961")).status_code == 403
        assert client.post(EDIT.format("GM1961"), {"valid_from": "2025-01-01", "document": "{}"}).status_code == 403
        assert client.get(EDIT_JSON.format("GM1961")).status_code == 403
        assert (
            client.post(EDIT_JSON.format("GM1961"), {"valid_from": "2025-01-01", "document": "{}"}).status_code == 403
        )

    def test_policy_officer_saves_a_new_version(self, client, frameworks, user_factory, sign_in_verified):
        officer = user_factory(policy_officer=True, municipalities=[frameworks["GM1961"]])
        sign_in_verified(client, officer)
        form = client.get(EDIT_JSON.format("GM1961"))
        assert form.status_code == 200
        assert "Vijfheerenlanden" in form.context["form"].initial["document"]
        document = _changed_document(frameworks["GM1961"])
        response = client.post(
            EDIT_JSON.format("GM1961"),
            {"valid_from": "2025-03-01", "note": "raad 2025", "document": json.dumps(document)},
        )
        assert response.status_code == 302
        assert response["Location"] == "/gemeenten/GM1961/kader/"
        version = selectors.latest_version(frameworks["GM1961"])
        assert (version.number, str(version.valid_from), version.note) == (2, "2025-03-01", "raad 2025")
        assert AuditEvent.objects.filter(actor=officer, action=Action.UPDATE, municipality="GM1961").count() == 1
        page = client.get("/gemeenten/GM1961/kader/")
        assert "Een nieuwe definitie na de herijking." in page.content.decode()

    def test_officer_can_start_from_another_municipalitys_framework(
        self, client, frameworks, user_factory, sign_in_verified
    ):
        sign_in_verified(client, user_factory(policy_officer=True, municipalities=[frameworks["GM0668"]]))
        form = client.get(EDIT_JSON.format("GM0668"), {"basis": "GM1961"})
        document = json.loads(form.context["form"].initial["document"])
        assert (document["municipality"], document["municipality_name"]) == ("GM0668", "West Maas en Waal")
        assert document["definition"] == selectors.latest_version(frameworks["GM1961"]).content["definition"]

    def test_wrong_document_shows_the_field_and_saves_nothing(self, client, frameworks, user_factory, sign_in_verified):
        sign_in_verified(client, user_factory(policy_officer=True, municipalities=[frameworks["GM1961"]]))
        document = _changed_document(frameworks["GM1961"])
        document["characteristics"][0]["effect"] = "misschien"
        response = client.post(
            EDIT_JSON.format("GM1961"), {"valid_from": "2025-03-01", "document": json.dumps(document)}
        )
        assert response.status_code == 200
        assert "characteristics[0].effect" in response.content.decode()
        not_json = client.post(EDIT_JSON.format("GM1961"), {"valid_from": "2025-03-01", "document": "{kapot"})
        assert "geen geldige JSON" in not_json.content.decode()
        assert FrameworkVersion.objects.count() == 4
