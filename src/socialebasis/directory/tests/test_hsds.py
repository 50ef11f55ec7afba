"""HSDS 3.0: export validates in strict mode, the API serves the same objects, the importer reads them back."""

import io
import json

import pytest
from django.core.management import call_command

from socialebasis.directory import hsds
from socialebasis.directory.hsds_import import import_document
from socialebasis.directory.models import Activity, Organisation
from socialebasis.directory.vocabulary import Status

from .factories import ActivityFactory, MeetingPlaceFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def directory(seed_areas):
    organisation = OrganisationFactory(name="Buurt Bestuurt")
    place = MeetingPlaceFactory(name="Wijkcentrum", street="Voorstraat 1", city="Vlijmen", accessibility=["wheelchair"])
    ActivityFactory(
        title="Wandelgroep",
        organisation=organisation,
        place=place,
        themes=["sport"],
        target_groups=["elderly"],
        languages=["nl"],
        exceptions=["2026-02-02"],
    )
    ActivityFactory(title="Geheime vergadering", unpublished=True, recurrence="FREQ=DAILY")
    return organisation


def test_export_command_writes_files_that_validate_strictly_and_leaves_out_unpublished(directory, tmp_path):
    out = io.StringIO()
    call_command("export-hsds", str(tmp_path), stdout=out)
    assert "0 fouten" in out.getvalue()
    services = json.loads((tmp_path / "services.json").read_text())
    assert [s["name"] for s in services] == ["Wandelgroep"]
    codes = {area["extent"] for area in services[0]["service_areas"]}
    assert "GM0797" in codes and any(code.startswith("WK0797") for code in codes)
    for name, kind in hsds.KIND_OF_FILE.items():
        for item in json.loads((tmp_path / f"{name}.json").read_text()):
            assert hsds.errors_of(kind, item) == []


def test_strict_validation_rejects_a_property_hsds_does_not_know(directory):
    document = hsds.service_document(Activity.objects.get(title="Wandelgroep"))
    document["schedules"][0]["favourite_colour"] = "blauw"
    assert any("favourite_colour" in error for error in hsds.errors_of("service", document))


def test_api_serves_pages_and_objects_by_id(client, directory):
    page = client.get("/api/v1/hsds/services").json()
    assert page["total_items"] == 1 and page["first_page"] and page["last_page"]
    service = page["contents"][0]
    assert hsds.errors_of("service", service) == []
    assert client.get(f"/api/v1/hsds/services/{service['id']}").json()["name"] == "Wandelgroep"
    organisation_id = service["organization_id"]
    assert client.get(f"/api/v1/hsds/organizations/{organisation_id}").json()["name"] == "Buurt Bestuurt"
    hidden = Activity.objects.get(title="Geheime vergadering")
    assert client.get(f"/api/v1/hsds/services/{hsds.uid('activity', hidden.pk)}").status_code == 404
    terms = client.get("/api/v1/hsds/taxonomy_terms", {"per_page": 100}).json()["contents"]
    assert any(term["code"] == "sport" for term in terms)


def test_import_reads_a_page_wrapper_maps_what_it_can_and_reports_the_rest(directory):
    exported = hsds.service_document(Activity.objects.get(title="Wandelgroep"))
    exported["id"] = "11111111-2222-4333-8444-555555555555"
    exported["wait_time"] = "twee weken"
    organisation = {"id": "aaaaaaaa-2222-4333-8444-555555555555", "name": "Kookclub", "description": "Koken"}
    exported["organization_id"] = organisation["id"]
    document = hsds.page([exported, organisation], 1, 50, 2)
    municipality = directory.municipality
    report = import_document(document, municipality)
    assert report.created["activiteiten"] == 1 and report.created["organisaties"] == 1
    assert report.skipped["service.wait_time"] == 1
    imported = Activity.objects.get(external_id=f"hsds:{exported['id']}")
    assert imported.status == Status.SUBMITTED
    assert imported.themes == ["sport"] and imported.recurrence == "FREQ=WEEKLY;BYDAY=MO"
    assert imported.organisation == Organisation.objects.get(name="Kookclub")
    again = import_document([exported, organisation], municipality)
    assert not again.created and not again.updated
