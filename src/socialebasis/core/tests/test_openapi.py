"""Schemathesis over every operation of the OpenAPI document: whatever it sends, no 5xx."""

import pytest
import schemathesis
from django.core import signals
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import content_type_conformance, response_schema_conformance

from socialebasis.wsgi import application

schema = schemathesis.openapi.from_wsgi("/api/v1/schema/", application)


@pytest.fixture
def keep_test_connection():
    """Calls go straight to the WSGI application, which would close the test's connection after each
    request (it is inside the test transaction); Django's own test client avoids that the same way."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.mark.django_db
@schema.parametrize()
@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_never_answers_with_a_server_error(case, seed_areas_once, keep_test_connection):
    case.call_and_validate(checks=[not_a_server_error, content_type_conformance, response_schema_conformance])


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/api/v1/places", "/api/v1/organisations", "/api/v1/districts/boundaries"])
@pytest.mark.parametrize("code", ["GM07\x0097", "gm0797x", "Heusden", "0797"])
def test_a_municipality_parameter_that_is_no_code_is_a_400_in_dutch(client, path, code):
    # Found by the test above: a NUL character in the code reached PostgreSQL, which refuses it in text (500).
    response = client.get(path, {"municipality": code})
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert "bijvoorbeeld GM0797" in response.json()["invalid_params"][0]["reason"]


@pytest.mark.django_db
def test_a_municipality_code_is_read_in_any_case(client, seed_areas):
    assert client.get("/api/v1/places", {"municipality": " gm0797 "}).status_code == 200
