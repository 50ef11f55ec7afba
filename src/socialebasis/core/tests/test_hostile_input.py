"""Input meant to break things gets a clear 400 (problem+json under /api/) or a Dutch error, never a 500.

One test (or a few) per input surface of issue 10, point 6: numeric query parameters of the API and of the pages,
NUL characters in path, query, form fields and cookies, deep or large JSON bodies, the monitor CSV, the bulk import's
CSV and XLSX bytes (zip bombs included) and the HSDS JSON file. Hypothesis adds random text to the known attacks.
"""

import io
import struct
import zipfile
from urllib.parse import quote

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from socialebasis.core.files import FileProblem, check_zip, read_csv
from socialebasis.core.numbers import parse_float, parse_int
from socialebasis.core.roles import Role
from socialebasis.directory.bulk_import import BulkImportError, read_rows
from socialebasis.directory.hsds_import import HSDSImportError, read_document
from socialebasis.indicators import services as indicator_services

PROBLEM = "application/problem+json"
FAST = settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
# What an attacker tried, and what a careless client sends: digits of other scripts, superscripts, Python's own
# number syntax, signs, spaces, exponents, and numbers beyond any range.
NOT_ASCII_NUMBERS = [
    "³",
    "٣",
    "²⁰²³",
    "\uff11\uff12",
    "1_0",
    "0x10",
    " 1",
    "1 ",
    "nan",
    "inf",
    "-inf",
    "1e3",
    "",
    "9" * 30,
]


# Numbers ------------------------------------------------------------------------------------------------------


@given(st.text(max_size=30))
@example("³")
@example("٢٠٢٣")
@example("1_000")
@example("nan")
@example("Infinity")
@example("1e999")
def test_a_number_is_ascii_digits_and_finite_or_nothing(text):
    number = parse_int(text)
    if number is not None:
        assert text.lstrip("+-").isascii() and text.lstrip("+-").isdigit()
    value = parse_float(text)
    if value is not None:
        assert text.isascii() and value == value and abs(value) != float("inf")
        assert "_" not in text and "n" not in text.lower()


API_NUMBERS = [
    ("/api/v1/districts", "year"),
    ("/api/v1/neighbourhoods", "year"),
    ("/api/v1/districts/WK079701", "year"),
    ("/api/v1/neighbourhoods/BU07970101", "year"),
    ("/api/v1/districts/WK079701/profile", "year"),
    ("/api/v1/districts/boundaries?municipality=GM0797", "year"),
    ("/api/v1/indicator-values", "year"),
    ("/api/v1/indicator-values", "divisionYear"),
    ("/api/v1/indicator-values", "division_year"),
    ("/api/v1/municipalities/GM1961/framework/export", "version"),
    ("/api/v1/activities", "weekday"),
    ("/api/v1/activities", "radius"),
    ("/api/v1/activities?lon=5.2", "lat"),
    ("/api/v1/activities?lat=51.7", "lon"),
    ("/api/v1/hsds/services", "page"),
    ("/api/v1/hsds/organizations", "per_page"),
    ("/api/v1/hsds/taxonomies", "page"),
    ("/api/v1/hsds/taxonomy_terms", "per_page"),
    ("/api/v1/hsds/service_at_locations", "page"),
    ("/api/v1/municipalities", "page"),
    ("/api/v1/municipalities", "pageSize"),
    ("/api/v1/municipalities", "page_size"),
    ("/api/v1/indicators", "pageSize"),
    ("/api/v1/places", "page"),
    ("/api/v1/organisations", "pageSize"),
    ("/api/v1/divisions", "page"),
    ("/api/v1/municipalities/GM1961/framework/versions", "pageSize"),
]


def _get(client, path: str, name: str, value: str):
    joiner = "&" if "?" in path else "?"
    return client.get(f"{path}{joiner}{name}={quote(value)}")


@pytest.mark.django_db
@pytest.mark.parametrize(("path", "name"), API_NUMBERS)
def test_a_numeric_api_parameter_that_is_no_ascii_number_is_a_400_problem(client, seed_areas_once, path, name):
    for value in NOT_ASCII_NUMBERS:
        response = _get(client, path, name, value)
        assert response.status_code == 400, (path, name, value, response.content)
        assert response["Content-Type"] == PROBLEM
        assert response.json()["invalid_params"][0]["name"] in (name, name.replace("_y", "Y").replace("_s", "S"))


@pytest.mark.django_db
@pytest.mark.parametrize(("path", "name"), API_NUMBERS[:12])
@FAST
@given(value=st.text(max_size=12))
def test_a_numeric_api_parameter_never_makes_a_500(client, seed_areas_once, path, name, value):
    response = _get(client, path, name, value)
    assert response.status_code in (200, 400, 404), (path, name, value)
    if response.status_code != 200:
        assert response["Content-Type"] == PROBLEM


PAGE_NUMBERS = [
    ("/gemeenten/GM0797/", "jaar"),
    ("/gemeenten/GM0797/wijken/WK079701/", "jaar"),
    ("/gemeenten/GM0797/wijken/WK079701/profiel/", "jaar"),
    ("/gemeenten/GM0797/wijken/WK079701/rapport/", "jaar"),
    ("/gemeenten/GM1961/kader/", "versie"),
    ("/sociale-kaart/", "pagina"),
    ("/sociale-kaart/", "weekday"),
    ("/sociale-kaart/", "radius"),
    ("/sociale-kaart/?lon=5.2", "lat"),
    ("/sociale-kaart/agenda.ics", "weekday"),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("path", "name"), PAGE_NUMBERS)
@FAST
@given(value=st.one_of(st.sampled_from(NOT_ASCII_NUMBERS), st.text(max_size=12)))
def test_a_page_never_fails_on_a_numeric_parameter(client, seed_areas_once, path, name, value):
    response = _get(client, path, name, value)
    assert response.status_code in (200, 400, 404), (path, name, value)


# NUL characters ----------------------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/municipalities/GM07%0097",
        "/api/v1/hsds/services/%00",
        "/api/v1/districts?q=%00",
        "/api/v1/districts?%00=1",
        "/api/v1/activities?q=a%00b",
        "/api/v1/indicator-values?group=18%00",
    ],
)
def test_nul_in_an_api_path_or_query_is_a_400_problem(client, path):
    response = client.get(path)
    assert response.status_code == 400
    assert response["Content-Type"] == PROBLEM
    assert "NUL" in response.json()["detail"]
    assert response["API-Version"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    ["/gemeenten/GM07%0097/", "/sociale-kaart/?q=%00", "/sociale-kaart/?pagina=1%00", "/sociale-kaart/%00/"],
)
def test_nul_in_a_page_address_is_a_plain_dutch_400_page(client, path):
    response = client.get(path)
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/html")
    assert "Deze vraag kunnen wij niet lezen" in response.content.decode()


@pytest.mark.django_db
@FAST
@given(text=st.text(min_size=1, max_size=20).map(lambda t: t[: len(t) // 2] + "\x00" + t[len(t) // 2 :]))
def test_nul_anywhere_in_a_query_value_is_refused_before_any_view(client, text):
    for path in ("/api/v1/municipalities", "/sociale-kaart/"):
        assert client.get(path, {"q": text}).status_code == 400


@pytest.mark.django_db
def test_nul_in_a_form_field_or_cookie_is_refused(client):
    assert client.post("/account/inloggen/", {"username": "a\x00b", "password": "x"}).status_code == 400
    client.cookies["sessionid"] = "abc\x00def"
    assert client.get("/").status_code == 400


@pytest.mark.django_db
def test_the_bytes_of_an_uploaded_file_are_not_checked_for_nul(client, seed_areas, verified, user_factory):
    from socialebasis.areas.models import Municipality

    officer = user_factory(role=Role.POLICY_OFFICER, municipalities=[Municipality.objects.get(statcode="GM1961")])
    verified(client, officer)
    upload = SimpleUploadedFile("msk.csv", b"gebied;jaar;indicator;waarde\ngemeente;2024;msk;1\x002\n")
    response = client.post("/gemeenten/GM1961/monitor/", {"monitor_name": "MSK", "file": upload})
    # The file reached the importer, which names the cell (the guard would have answered 400 without a form).
    assert response.status_code == 200
    assert "Rij 2, kolom &#x27;waarde&#x27;" in response.content.decode()


# JSON bodies --------------------------------------------------------------------------------------------------

ASSESS = "/api/v1/municipalities/GM1961/assessments"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("body", "status"),
    [
        ("[" * 100_000 + "]" * 100_000, 400),
        ('{"a":' * 100_000 + "1" + "}" * 100_000, 400),
        ("[" * 33 + "]" * 33, 400),
        ('{"name": "a\\u0000b", "goals": [], "characteristics": {}}', 400),
        ('{"name": NaN, "goals": [], "characteristics": {}}', 400),
        ('{"name": "' + "x" * 1_100_000 + '"}', 413),
    ],
    ids=["array-100000-deep", "object-100000-deep", "33-deep", "nul-in-text", "nan", "larger-than-1mb"],
)
def test_a_json_body_too_deep_too_large_or_unstorable_is_refused_on_the_anonymous_assessment(
    client, seed_areas_once, load_presets, body, status
):
    load_presets()
    response = client.post(ASSESS, body, content_type="application/json")
    assert response.status_code == status
    assert response["Content-Type"] == PROBLEM


@pytest.mark.django_db
def test_a_deep_framework_document_is_refused_for_a_policy_officer(client, seed_areas, verified, user_factory):
    from socialebasis.areas.models import Municipality

    officer = user_factory(role=Role.POLICY_OFFICER, municipalities=[Municipality.objects.get(statcode="GM1961")])
    verified(client, officer)
    body = '{"document": ' + "[" * 100_000 + "]" * 100_000 + "}"
    response = client.post("/api/v1/municipalities/GM1961/framework/versions", body, content_type="application/json")
    assert response.status_code == 400
    assert "dieper genest" in response.json()["detail"]


@pytest.mark.django_db
def test_an_unexpected_error_under_the_api_is_a_problem_500(seed_areas, monkeypatch):
    from socialebasis.areas.api import serializers

    def broken(self, instance):
        raise ZeroDivisionError

    monkeypatch.setattr(serializers.MunicipalitySerializer, "to_representation", broken)
    response = Client(raise_request_exception=False).get("/api/v1/municipalities")
    assert response.status_code == 500
    assert response["Content-Type"] == PROBLEM
    assert response.json()["status"] == 500


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/api/v1/nothing-here", "/api/v1/activities/-1", "/api/v1/hsds/"])
def test_an_unknown_api_path_is_a_problem_404(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert response["Content-Type"] == PROBLEM


# The monitor CSV ----------------------------------------------------------------------------------------------

MONITOR_HEADER = "gebied;jaar;indicator;waarde;label\n"


def _monitor(text: str | bytes):
    from socialebasis.areas.models import Municipality

    data = text.encode("utf-8") if isinstance(text, str) else text
    upload = SimpleUploadedFile("msk.csv", data, content_type="text/csv")
    return indicator_services.import_own_monitor(
        Municipality.objects.get(statcode="GM1961"), upload, monitor_name="MSK"
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        ('gemeente;2024;msk;7;"Sociale kracht\nWK1;2024;msk;8;x\n', "Rij 2, kolom 'label': een aanhalingsteken"),
        ("gemeente;2024;msk;7;" + "x" * 200_000 + "\n", "Rij 2, kolom 'label': de tekst is langer dan 1000 tekens"),
        ("gemeente;2024;msk;" + "9" * 2000 + ";x\n", "Rij 2, kolom 'waarde': de tekst is langer"),
        ('gemeente;2024;msk;"7"x;y\n', "Rij 2, kolom 'waarde': na een afsluitend aanhalingsteken"),
        ("gemeente;2024;msk;nan;x\n", "Rij 2, kolom 'waarde': 'nan' is geen getal."),
        ("gemeente;2024;msk;inf;x\n", "Rij 2, kolom 'waarde': 'inf' is geen getal."),
        ("gemeente;2024;msk;-Infinity;x\n", "Rij 2, kolom 'waarde': '-Infinity' is geen getal."),
        ("gemeente;2024;msk;1e999;x\n", "Rij 2, kolom 'waarde': '1e999' is geen getal."),
        ("gemeente;2024;msk;٣;x\n", "Rij 2, kolom 'waarde': '٣' is geen getal."),
        ("gemeente;²⁰²⁴;msk;3;x\n", "Rij 2, kolom 'jaar'"),
    ],
    ids=[
        "open-quote",
        "200-kb-cell",
        "long-number",
        "text-after-quote",
        "nan",
        "inf",
        "-inf",
        "overflow",
        "arabic",
        "sup",
    ],
)
def test_a_broken_monitor_cell_is_named_by_row_and_column_and_nothing_is_stored(seed_areas, rows, expected):
    from socialebasis.indicators.models import IndicatorValue

    with pytest.raises(indicator_services.IndicatorImportError) as caught:
        _monitor(MONITOR_HEADER + rows)
    assert any(error.startswith(expected) for error in caught.value.errors), caught.value.errors
    assert not IndicatorValue.objects.exists()


@pytest.mark.django_db
@FAST
@given(cell=st.text(max_size=40), raw=st.binary(max_size=200))
def test_a_monitor_file_is_imported_or_refused_in_dutch_never_more(seed_areas_once, cell, raw):
    for content in (MONITOR_HEADER + f"gemeente;2024;msk;{cell};x\n", raw):
        try:
            _monitor(content)
        except indicator_services.IndicatorImportError as exc:
            assert exc.errors and all(isinstance(e, str) and e for e in exc.errors)


# CSV and XLSX of the bulk import -------------------------------------------------------------------------------


@FAST
@given(content=st.binary(max_size=300))
@example(b"PK\x03\x04")
@example(b'extern_id,gemeente,titel\n1,GM0797,"open')
def test_bulk_import_bytes_are_read_or_refused_with_row_and_column(content):
    for name in ("activiteiten.csv", "activiteiten.xlsx"):
        try:
            read_rows(content, name)
        except BulkImportError as exc:
            assert exc.errors and all(str(e) for e in exc.errors)


def _zip(members: dict[str, bytes | int]) -> bytes:
    """A zip with these members; an int is that many zero bytes, written in chunks (a bomb, cheaply)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            with archive.open(name, "w", force_zip64=True) as member:
                if isinstance(data, int):
                    for _ in range(data // (1 << 20)):
                        member.write(bytes(1 << 20))
                else:
                    member.write(data)
    return buffer.getvalue()


def test_an_xlsx_zip_bomb_is_refused_before_openpyxl_opens_it():
    bomb = _zip({"[Content_Types].xml": b"<Types/>", "xl/sharedStrings.xml": 150 << 20})
    assert len(bomb) < 1 << 20  # 150 MB of zeros pack into less than 1 MB
    with pytest.raises(BulkImportError) as caught:
        read_rows(bomb, "activiteiten.xlsx")
    assert "zip-bom" in str(caught.value) or "groter dan" in str(caught.value)


def test_a_zip_member_that_lies_about_its_size_is_caught_while_unpacking():
    honest = _zip({"xl/worksheets/sheet1.xml": 4 << 20})
    # Rewrite the sizes the zip declares for the member (local header and central directory) to 1 kB.
    lying = bytearray(honest)
    central = lying.rfind(b"PK\x01\x02")
    struct.pack_into("<I", lying, central + 24, 1024)
    with pytest.raises(FileProblem, match=r"zip-bom|beschadigd"):
        check_zip(bytes(lying), max_members=10, max_total=100 << 20, max_ratio=150)


def test_an_xlsx_with_too_many_members_is_refused():
    with pytest.raises(FileProblem, match="meer dan 5 onderdelen"):
        check_zip(_zip({f"m{i}": b"x" for i in range(6)}), max_members=5, max_total=1 << 20, max_ratio=150)


@pytest.mark.django_db
def test_an_xlsx_with_a_far_away_cell_reads_only_the_columns_and_rows_it_may(seed_areas):
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["extern_id", "gemeente", "titel"])
    sheet.append(["a1", "GM0797", "Wandelen"])
    sheet.cell(row=2, column=16000, value="ver weg")
    sheet.cell(row=1_000_000, column=1, value="laatste")
    buffer = io.BytesIO()
    workbook.save(buffer)
    with pytest.raises(BulkImportError, match="meer dan 20000 rijen"):
        read_rows(buffer.getvalue(), "activiteiten.xlsx")


def test_csv_cells_are_capped_and_quotes_must_close():
    with pytest.raises(FileProblem) as caught:
        read_csv('a,b\n1,"2\n', max_rows=10, max_cell=100)
    assert (caught.value.row, caught.value.column) == (2, 1)
    with pytest.raises(FileProblem) as caught:
        read_csv("a,b\n1," + "x" * 200_000 + "\n", max_rows=10, max_cell=100)
    assert (caught.value.row, caught.value.column) == (2, 1)


# HSDS JSON file -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"[" * 100_000 + b"]" * 100_000, "dieper genest"),
        (b'{"name": "a\\u0000b"}', "NUL"),
        (b'{"latitude": NaN}', "geen geldige JSON"),
        (b"\xff\xfe", "geen geldige JSON"),
    ],
    ids=["deep", "nul", "nan", "not-utf8"],
)
def test_an_hsds_file_too_deep_or_unstorable_is_refused_in_dutch(tmp_path, content, expected):
    path = tmp_path / "hsds.json"
    path.write_bytes(content)
    with pytest.raises(HSDSImportError, match=expected):
        read_document(path)


@FAST
@given(content=st.binary(max_size=200))
def test_an_hsds_file_is_read_or_refused_in_dutch(tmp_path_factory, content):
    path = tmp_path_factory.mktemp("hsds") / "hsds.json"
    path.write_bytes(content)
    try:
        read_document(path)
    except HSDSImportError as exc:
        assert str(exc).startswith("Het bestand")
