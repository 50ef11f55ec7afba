"""GET .../framework and POST .../assessments: shape, errors in Dutch, throttling, the version kept."""

import json
from datetime import timedelta

import pytest
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rest_framework.throttling import ScopedRateThrottle

from socialebasis.frameworks import services
from socialebasis.frameworks.models import Assessment

pytestmark = pytest.mark.django_db

ASSESS = "/api/v1/municipalities/{}/assessments"
BUURTVERENIGING = {
    "name": "Buurtvereniging",
    "goals": ["meeting", "looking_out"],
    "characteristics": {
        "accessible": True,
        "mainly_volunteers": True,
        "reciprocity": True,
        "requires_referral": False,
        "for_profit": False,
        "mandatory": False,
    },
}


def _post(client, code, body, **extra):
    return client.post(ASSESS.format(code), json.dumps(body), content_type="application/json", **extra)


def _invalid(response, status: int = 400) -> dict[str, str]:
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/problem+json"
    return {p["name"]: p["reason"] for p in response.json()["invalid_params"]}


def test_framework_in_force_lists_the_criteria_with_their_keys(client, frameworks):
    response = client.get("/api/v1/municipalities/GM1961/framework")
    assert response.status_code == 200
    body = response.json()
    assert (body["municipality"], body["municipality_name"], body["version"]) == ("GM1961", "Vijfheerenlanden", 1)
    document = body["document"]
    assert [g["key"] for g in document["goals"]] == ["meeting", "network", "looking_out", "positive_health"]
    assert [c["key"] for c in document["characteristics"]] == [
        "accessible",
        "mainly_volunteers",
        "reciprocity",
        "requires_referral",
        "for_profit",
        "mandatory",
    ]
    assert all(c["source"] for c in document["characteristics"])


def test_framework_of_an_unknown_municipality_is_not_found(client, frameworks):
    response = client.get("/api/v1/municipalities/GM9999/framework")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"


def test_municipality_without_a_framework_says_so(client, seed_areas):
    response = client.get("/api/v1/municipalities/GM1961/framework")
    assert response.status_code == 404
    assert "kader" in response.json()["detail"]


def test_assessment_answers_verdict_reasons_sphere_and_version(client, frameworks):
    response = _post(client, "GM1961", BUURTVERENIGING)
    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"verdict", "reasons", "sphere", "framework_version", "missing"}
    assert (body["verdict"], body["framework_version"], body["missing"]) == ("inside", 1, [])
    assert body["sphere"]["key"] == "communal"
    assert [r["criterion"] for r in body["reasons"]][:2] == ["meeting", "looking_out"]
    reason = body["reasons"][2]
    assert set(reason) == {
        "criterion",
        "kind",
        "label",
        "effect",
        "answer",
        "outcome",
        "decisive",
        "source",
        "explanation",
    }
    assert reason["source"].startswith("001_902c5e1b2d94da37.txt §1.2")


def test_grey_verdict_names_what_is_missing(client, frameworks):
    body = _post(client, "GM1961", {**BUURTVERENIGING, "characteristics": {"accessible": True}}).json()
    assert body["verdict"] == "grey"
    assert body["missing"] == ["mainly_volunteers", "reciprocity", "requires_referral", "for_profit", "mandatory"]


def test_assessment_is_kept_with_the_framework_version_it_used(client, frameworks):
    _post(client, "GM1961", BUURTVERENIGING)
    kept = Assessment.objects.get()
    assert kept.framework_version.number == 1
    assert kept.framework_version.framework.municipality.statcode == "GM1961"
    assert (kept.name, kept.verdict, kept.sphere) == ("Buurtvereniging", "inside", "communal")

    # A new version applies from today: later assessments use it, the first one keeps version 1.
    content = services.selectors.latest_version(frameworks["GM1961"]).content
    services.create_version(frameworks["GM1961"], content, valid_from=timezone.localdate(), note="herijking")
    assert _post(client, "GM1961", BUURTVERENIGING).json()["framework_version"] == 2
    assert sorted(Assessment.objects.values_list("framework_version__number", flat=True)) == [1, 2]


def test_a_version_valid_from_tomorrow_does_not_apply_yet(client, frameworks):
    content = services.selectors.latest_version(frameworks["GM1961"]).content
    tomorrow = timezone.localdate() + timedelta(days=1)
    services.create_version(frameworks["GM1961"], content, valid_from=tomorrow)
    assert _post(client, "GM1961", BUURTVERENIGING).json()["framework_version"] == 1
    assert client.get("/api/v1/municipalities/GM1961/framework/versions/2").json()["valid_from"] == str(tomorrow)


def test_unknown_keys_are_refused_and_named(client, frameworks):
    response = _post(
        client,
        "GM1961",
        {"name": "x", "goals": ["meeting", "gezelligheid"], "characteristics": {"accessible": True, "gratis": True}},
    )
    # Keys are text the OpenAPI document allows; that this framework lacks them makes it a 422 (ADR 0022).
    errors = _invalid(response, 422)
    assert "gezelligheid" in errors["goals"] and "Onbekende sleutel" in errors["goals"]
    assert "gratis" in errors["characteristics"]
    assert not Assessment.objects.exists()


def test_unknown_fields_and_wrong_types_are_refused_with_the_field_named(client, frameworks):
    assert "foo" in _invalid(_post(client, "GM1961", {**BUURTVERENIGING, "foo": 1}))
    assert "goals" in _invalid(_post(client, "GM1961", {**BUURTVERENIGING, "goals": "meeting"}))
    assert "characteristics" in _invalid(_post(client, "GM1961", {**BUURTVERENIGING, "characteristics": [1]}))
    errors = _invalid(_post(client, "GM1961", {**BUURTVERENIGING, "characteristics": {"accessible": "ja"}}))
    assert errors["characteristics.accessible"] == "Geef true, false of null."
    assert "name" in _invalid(_post(client, "GM1961", {**BUURTVERENIGING, "name": "x" * 100_000}))
    assert "name" in _invalid(_post(client, "GM1961", {**BUURTVERENIGING, "name": 0}))
    assert "goals[0]" in _invalid(_post(client, "GM1961", {**BUURTVERENIGING, "goals": [1]}))
    assert "non_field_errors" in _invalid(_post(client, "GM1961", ["not", "an", "object"]))
    bad_json = client.post(ASSESS.format("GM1961"), "{", content_type="application/json")
    assert bad_json.status_code == 400


def test_assessment_for_an_unknown_municipality_is_not_found(client, frameworks):
    assert _post(client, "GM9999", BUURTVERENIGING).status_code == 404


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=50),
    lambda children: st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=20), children, max_size=5),
    max_leaves=20,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    body=st.fixed_dictionaries(
        {},
        optional={
            "name": JSON,
            "goals": JSON | st.lists(st.sampled_from(["meeting", "network", "x"])),
            "characteristics": JSON | st.dictionaries(st.sampled_from(["accessible", "mandatory"]), JSON),
        },
    )
    | JSON
)
def test_arbitrary_json_gets_an_answer_or_a_clear_refusal_never_a_server_error(client, frameworks, body):
    response = _post(client, "GM1961", body)
    # 400: not the shape asked for; 422: the right shape naming a goal or characteristic the framework lacks.
    assert response.status_code in (200, 400, 422)
    if response.status_code != 200:
        assert response["Content-Type"] == "application/problem+json" and response.json()["detail"]


def test_anonymous_askers_are_throttled(client, frameworks, monkeypatch):
    monkeypatch.setattr(
        ScopedRateThrottle, "THROTTLE_RATES", {**ScopedRateThrottle.THROTTLE_RATES, "assessments": "2/min"}
    )
    assert _post(client, "GM1961", BUURTVERENIGING).status_code == 200
    assert _post(client, "GM1961", BUURTVERENIGING).status_code == 200
    third = _post(client, "GM1961", BUURTVERENIGING)
    assert third.status_code == 429
    assert third["Content-Type"] == "application/problem+json"
    assert "Retry-After" in third
    # Reading the framework is not part of the assessment quota.
    assert client.get("/api/v1/municipalities/GM1961/framework").status_code == 200


def test_versions_are_listed_and_exported(client, frameworks):
    listed = client.get("/api/v1/municipalities/GM0797/framework/versions").json()
    assert listed["count"] == 1
    assert listed["results"][0]["version"] == 1
    export = client.get("/api/v1/municipalities/GM0797/framework/export")
    assert export.status_code == 200
    assert 'filename="kader-GM0797-v1.json"' in export["Content-Disposition"]
    assert export.json()["municipality"] == "GM0797"
    assert client.get("/api/v1/municipalities/GM0797/framework/export", {"version": "x"}).status_code == 400
    assert client.get("/api/v1/municipalities/GM0797/framework/export", {"version": "9"}).status_code == 404
    assert client.get("/api/v1/municipalities/GM0797/framework/versions/99999999999999").status_code == 404
