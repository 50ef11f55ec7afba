"""The import pages of the administration (/beheer/import/): administrators start the same imports as the commands,
get the same all-or-nothing report, and every import is in the audit log."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from socialebasis.audit.models import Action, AuditEvent
from socialebasis.directory.models import Activity, Organisation
from socialebasis.indicators.models import ImportRun, IndicatorValue

pytestmark = pytest.mark.django_db

RECORDED_KWB = Path(__file__).resolve().parents[2] / "indicators" / "tests" / "fixtures" / "cbs_85618NED_heusden.json"
HEADER = "extern_id;gemeente;titel;omschrijving;organisatie;themas;kosten;aanmelden;start;herhaling;wijk\n"
GOOD = (
    HEADER
    + "a1;GM0797;Wandelgroep Drunen;Elke week lopen;Buurt Bestuurt;sport;free;nee;2026-01-05 10:00;"
    + "FREQ=WEEKLY;WK079701\n"
    + "a2;GM0828;Kookclub;Samen koken;Kookclub Haren;food,meeting;contribution;ja;2026-01-30 18:00;;\n"
)


@pytest.fixture
def chief(client, user_factory, verified):
    user = user_factory(username="beheerder", administrator=True)
    verified(client, user)
    return user


def upload(name: str, text: str | bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, text.encode() if isinstance(text, str) else text)


def test_the_index_and_the_import_list_lead_to_every_import(client, chief):
    index = client.get(reverse("admin:index")).content.decode()
    assert reverse("admin:imports") in index
    page = client.get(reverse("admin:imports")).content.decode()
    for key in ("sociale-kaart", "hsds", "cbs-kerncijfers"):
        assert reverse("admin:import", args=[key]) in page


def test_only_administrators_may_import(client, user_factory, verified):
    officer = user_factory(policy_officer=True, is_staff=True)
    verified(client, officer)
    assert client.get(reverse("admin:imports")).status_code == 403
    response = client.post(reverse("admin:import", args=["sociale-kaart"]), {"file": upload("a.csv", GOOD)})
    assert response.status_code == 403
    assert not Activity.objects.exists()
    assert reverse("admin:imports") not in client.get(reverse("admin:index")).content.decode()


def test_without_the_second_step_an_administrator_is_sent_to_the_second_step(client, user_factory):
    client.force_login(user_factory(administrator=True))
    response = client.get(reverse("admin:import", args=["sociale-kaart"]))
    assert response.status_code == 302
    assert unquote(response["Location"]) == "/account/controle/?next=/beheer/import/sociale-kaart/"


def test_a_file_with_one_wrong_row_writes_nothing_and_names_row_and_column(client, chief, seed_areas):
    bad = GOOD + "a3;GM0797;Koor;;;zingen;gratis;misschien;;;\n"
    response = client.post(reverse("admin:import", args=["sociale-kaart"]), {"file": upload("activiteiten.csv", bad)})
    assert response.status_code == 422
    page = response.content.decode()
    assert "Er is niets geïmporteerd" in page
    assert f"Verbeter deze {len(response.context['row_errors'])} problemen" in page
    rows = [(e.row, e.column) for e in response.context["row_errors"]]
    assert (4, "themas") in rows and (4, "kosten") in rows and (4, "aanmelden") in rows
    assert "<td>4</td><td>themas</td><td>onbekende waarde zingen" in page.replace("\n", "")
    assert not Activity.objects.exists() and not Organisation.objects.exists()
    assert not AuditEvent.objects.filter(action=Action.IMPORT).exists()


def test_a_good_file_is_imported_reported_and_audited(client, chief, seed_areas):
    response = client.post(reverse("admin:import", args=["sociale-kaart"]), {"file": upload("activiteiten.csv", GOOD)})
    assert response.status_code == 200
    assert "2 nieuw, 0 bijgewerkt, 0 ongewijzigd" in response.content.decode()
    assert sorted(Activity.objects.values_list("external_id", flat=True)) == ["a1", "a2"]
    event = AuditEvent.objects.get(action=Action.IMPORT)
    assert event.actor == chief and event.details["via"] == "admin-import"
    assert event.details["file"] == "activiteiten.csv"
    # Each entry is audited too, with who imported it.
    assert AuditEvent.objects.filter(action=Action.CREATE, actor=chief, object_type="directory.activity").count() == 2


def test_a_file_that_is_no_csv_or_xlsx_is_refused_by_the_strict_readers(client, chief, seed_areas):
    response = client.post(
        reverse("admin:import", args=["sociale-kaart"]), {"file": upload("activiteiten.xlsx", b"PK\x03\x04 geen zip")}
    )
    assert response.status_code == 422
    assert "geen geldig xlsx-bestand" in response.content.decode()
    assert not Activity.objects.exists()


def test_a_file_over_the_limit_is_refused_before_it_is_read(client, chief, seed_areas, monkeypatch):
    monkeypatch.setattr("socialebasis.directory.bulk_import.MAX_BYTES", 1024 * 1024)
    big = GOOD + "x" * (1024 * 1024)
    response = client.post(reverse("admin:import", args=["sociale-kaart"]), {"file": upload("activiteiten.csv", big)})
    assert response.status_code == 422
    assert "Het bestand is groter dan 1 MB" in response.content.decode()
    assert not Activity.objects.exists()


def test_an_hsds_document_is_imported_and_broken_json_is_refused(client, chief, seed_areas):
    from socialebasis.areas.models import Municipality

    municipality = Municipality.objects.get(statcode="GM0797")
    url = reverse("admin:import", args=["hsds"])
    broken = client.post(url, {"file": upload("hsds.json", '{"contents": ['), "municipality": municipality.pk})
    assert broken.status_code == 422
    assert "Het bestand hsds.json: dit is geen geldige JSON" in broken.content.decode()
    assert not Organisation.objects.exists()

    document = [{"id": "aaaaaaaa-2222-4333-8444-555555555555", "name": "Kookclub Drunen", "description": "Koken"}]
    response = client.post(url, {"file": upload("hsds.json", json.dumps(document)), "municipality": municipality.pk})
    assert response.status_code == 200
    organisation = Organisation.objects.get(name="Kookclub Drunen")
    assert organisation.municipality == municipality and organisation.status == "submitted"
    event = AuditEvent.objects.get(action=Action.IMPORT)
    assert event.actor == chief and event.municipality == "GM0797" and event.details["kind"] == "hsds"


class RecordedCBS(BaseHTTPRequestHandler):
    """The CBS open-data service on 127.0.0.1, answering from the recorded responses of the indicators' tests."""

    responses: dict = {}

    def do_GET(self):
        path = unquote(self.path)
        # A recorded next page names its query; the others are matched on the path alone.
        body = next((body for suffix, body in self.responses.items() if "?" in suffix and path.endswith(suffix)), None)
        if body is None:
            body = self.responses.get(path.split("?", 1)[0].removeprefix("/ODataApi/odata"))
        if body is None:
            self.send_response(404)
            self.end_headers()
            return
        data = json.dumps(body).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


@pytest.fixture
def cbs_service(settings):
    server = ThreadingHTTPServer(("127.0.0.1", 0), RecordedCBS)
    base = f"http://127.0.0.1:{server.server_port}/ODataApi/odata"
    recorded = RECORDED_KWB.read_text(encoding="utf-8").replace("https://opendata.cbs.nl/ODataApi/odata", base)
    RecordedCBS.responses = {key: value for key, value in json.loads(recorded).items() if key.startswith("/")}
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.CBS_ODATA_URL = base
    yield base
    server.shutdown()
    server.server_close()


def test_cbs_figures_are_fetched_imported_and_audited(client, chief, seed_areas, cbs_service):
    from socialebasis.areas.models import Municipality

    heusden = Municipality.objects.get(statcode="GM0797")
    url = reverse("admin:import", args=["cbs-kerncijfers"])
    response = client.post(url, {"table": "85618NED", "municipalities": [heusden.pk]})
    assert response.status_code == 200, response.context["other_errors"]
    assert "60 nieuw" in response.content.decode()
    assert IndicatorValue.objects.get(indicator__key="AantalInwoners", area__code="GM0797").value == 46320
    run = ImportRun.objects.get()
    assert run.actor == chief
    assert AuditEvent.objects.get(action=Action.IMPORT).actor == chief


def test_a_cbs_table_the_service_does_not_have_writes_nothing(client, chief, seed_areas, cbs_service):
    from socialebasis.areas.models import Municipality

    heusden = Municipality.objects.get(statcode="GM0797")
    url = reverse("admin:import", args=["cbs-kerncijfers"])
    response = client.post(url, {"table": "99999NED", "municipalities": [heusden.pk]})
    assert response.status_code == 422
    assert "De CBS-dienst gaf geen bruikbaar antwoord" in response.content.decode()
    assert not IndicatorValue.objects.exists() and not ImportRun.objects.exists()
    wrong = client.post(url, {"table": "85618", "municipalities": [heusden.pk]})
    assert wrong.status_code == 200 and "Een CBS-tabel is vijf cijfers en NED" in wrong.content.decode()
