"""The API keeps its contract: schemathesis sends what the OpenAPI document allows (and what it forbids) to every
operation, anonymously and as a signed-in policy officer with the second factor, and runs all its checks.

Checked on every answer: no 5xx, a schema-valid request is not refused, a schema-violating request is refused,
every status code and content type is documented, the body and the headers (API-Version) fit the document.

Two settings, both explained in docs/adr/0022-api-contract-and-hostile-input.md: strings are generated without
U+0000 (the API refuses NUL everywhere, which test_hostile_input.py checks on its own), and 422 counts as an
accepted answer for schema-valid input, because it is the answer for input that follows the document but names
keys the framework does not have (the document cannot list every municipality's keys).
"""

import json
from pathlib import Path

import pytest
import schemathesis
import yaml
from django.core import signals
from django.db import close_old_connections, connection
from django.middleware.csrf import get_token
from django.test import RequestFactory
from hypothesis import HealthCheck, settings
from schemathesis.config import SchemathesisConfig

from socialebasis.core.roles import Role
from socialebasis.directory import geocoding
from socialebasis.wsgi import application

ACCEPTED_FOR_VALID_INPUT = ["2xx", "3xx", "401", "403", "404", "409", "422", "429", "5xx"]
CONFIG = SchemathesisConfig.from_dict(
    {
        "generation": {"allow-x00": False},
        "checks": {"positive_data_acceptance": {"expected-statuses": ACCEPTED_FOR_VALID_INPUT}},
    }
)
schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application, config=CONFIG)
# The deep search for a broken contract runs on PostgreSQL (ten examples per operation); the SQLite run, the demo's
# engine, still sends every operation three examples, which keeps `make test` within its time (ADR 0010).
EXAMPLES = settings(
    max_examples=10 if connection.vendor == "postgresql" else 3,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)

# Codes of what api_world holds. A generated code that fits the document is swapped for one of these, so that the
# operations answer with real data and not almost always 404; a code that does not fit is left as it is.
KNOWN = {
    "statcode": {
        "GM": ["GM0797", "GM1961", "GM0668", "GM0828"],
        "WK": ["WK079701", "WK196105"],
    },
}


@schema.hook
def map_path_parameters(context, path_parameters):
    if not path_parameters:
        return path_parameters
    values = dict(path_parameters)
    code = values.get("statcode")
    if isinstance(code, str) and len(code) in (6, 8) and code[2:].isascii() and code[2:].isdigit():
        known = KNOWN["statcode"].get(code[:2])
        if known:
            values["statcode"] = known[int(code[2:]) % len(known)]
    for name in ("id", "number"):
        value = values.get(name)
        if isinstance(value, int) and not isinstance(value, bool) and value >= 1:
            values[name] = value % 3 + 1
    return values


class _Answer:
    """The PDOK Locatieserver's answer for any postcode: a point in Heusden (no request leaves the machine)."""

    def __init__(self, request, timeout):
        code = request.full_url.split("postcode%3A", 1)[1].split("&", 1)[0]
        self.body = json.dumps(
            {"response": {"docs": [{"postcode": code, "centroide_ll": "POINT(5.2150 51.6955)"}]}}
        ).encode()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def read(self):
        return self.body


@pytest.fixture
def api_world(request, monkeypatch, seed_areas_once, load_presets):
    """The seed areas and frameworks, a postcode service that knows every postcode, and calls that go straight to
    the WSGI application, which would close the test's connection after each request (it is inside the test
    transaction); Django's own test client avoids that the same way."""
    from socialebasis.directory.models import Activity
    from socialebasis.directory.tests.factories import ActivityFactory, MeetingPlaceFactory, OrganisationFactory
    from socialebasis.frameworks.models import Framework

    if not Framework.objects.exists():
        load_presets()
    if not Activity.objects.exists():
        for _n in range(3):
            place = MeetingPlaceFactory(organisation=OrganisationFactory())
            ActivityFactory(place=place, organisation=place.organisation, target_groups=["elderly"], themes=["sport"])
    monkeypatch.setattr(geocoding, "urlopen", _Answer)
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture
def policy_officer_headers(client, verified, user_factory):
    """Cookies and CSRF header of a policy officer of Heusden (GM0797) who confirmed the second factor."""
    from socialebasis.areas.models import Municipality

    officer = user_factory(role=Role.POLICY_OFFICER, municipalities=[Municipality.objects.get(statcode="GM0797")])
    verified(client, officer)
    token = get_token(RequestFactory().get("/"))
    session = client.cookies["sessionid"].value
    return {"Cookie": f"sessionid={session}; csrftoken={token}", "X-CSRFToken": token}


@pytest.mark.django_db
@schema.parametrize()
@EXAMPLES
def test_the_api_keeps_its_contract_for_anyone(case, api_world):
    case.call_and_validate()


@pytest.mark.django_db
@schema.parametrize()
@EXAMPLES
def test_the_api_keeps_its_contract_for_a_policy_officer(case, api_world, policy_officer_headers):
    case.call_and_validate(headers=policy_officer_headers)


COMMITTED = Path(__file__).resolve().parents[4] / "docs" / "api" / "openapi.yaml"


@pytest.mark.django_db
def test_the_served_document_is_the_committed_one_on_this_database(client):
    # The suite runs on PostgreSQL and on SQLite; the document must not depend on the database behind it.
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.oai.openapi+json")
    committed = json.loads(json.dumps(yaml.safe_load(COMMITTED.read_text(encoding="utf-8")), default=str))
    assert response.json() == committed


@pytest.mark.django_db
def test_the_old_schema_address_redirects_to_the_document(client):
    response = client.get("/api/v1/schema/")
    assert (response.status_code, response["Location"]) == (301, "/api/v1/openapi.json")


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/api/v1/places", "/api/v1/organisations", "/api/v1/districts/boundaries"])
@pytest.mark.parametrize("code", ["GM07\x0097", "gm0797", "gm0797x", "Heusden", "0797", " GM0797"])
def test_a_municipality_parameter_that_is_no_code_is_a_400_in_dutch(client, path, code):
    # Found by the schemathesis test: a NUL character in the code reached PostgreSQL, which refuses it in text.
    response = client.get(path, {"municipality": code})
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    if "\x00" not in code:
        assert "bijvoorbeeld GM0797" in body["invalid_params"][0]["reason"]


@pytest.mark.django_db
def test_a_municipality_code_is_read_as_cbs_writes_it(client, seed_areas):
    assert client.get("/api/v1/places", {"municipality": "GM0797"}).status_code == 200
