"""Commands: loading presets (also in the demo), import and export, and `assess` on standard input."""

import io
import json

import pytest
from django.core.management import CommandError, call_command

from socialebasis.audit.models import Action, AuditEvent
from socialebasis.frameworks import selectors
from socialebasis.frameworks.models import Assessment, FrameworkVersion

from .conftest import PRESET_DIR

pytestmark = pytest.mark.django_db

KOOR = {
    "name": "Koor",
    "goals": ["meeting", "positive_health"],
    "characteristics": {
        "accessible": True,
        "mainly_volunteers": True,
        "reciprocity": True,
        "requires_referral": False,
        "for_profit": False,
        "mandatory": False,
    },
}


def _run(*args, stdin: str | None = None, monkeypatch=None) -> str:
    out = io.StringIO()
    if stdin is not None:
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    call_command(*args, stdout=out)
    return out.getvalue()


def test_loading_presets_twice_adds_no_version(seed_areas):
    first = _run("load_framework_presets")
    assert first.count("nieuwe versie") == 4
    second = _run("load_framework_presets")
    assert second.count("ongewijzigd") == 4
    assert FrameworkVersion.objects.count() == 4
    assert AuditEvent.objects.filter(action=Action.IMPORT).count() == 4


def test_assess_prints_the_same_json_as_the_api(client, frameworks, monkeypatch):
    printed = _run("assess", "--municipality", "GM1961", stdin=json.dumps(KOOR), monkeypatch=monkeypatch)
    answered = client.post(
        "/api/v1/municipalities/GM1961/assessments", json.dumps(KOOR), content_type="application/json"
    )
    assert printed.strip() == answered.content.decode()
    assert json.loads(printed)["verdict"] == "inside"
    assert list(Assessment.objects.values_list("channel", flat=True).order_by("created_at")) == ["cli", "api"]


def test_assess_refuses_unknown_keys_in_dutch(frameworks, monkeypatch):
    with pytest.raises(CommandError) as error:
        _run(
            "assess",
            "--municipality",
            "GM1961",
            stdin='{"goals": ["x"], "characteristics": {}}',
            monkeypatch=monkeypatch,
        )
    assert "goals: Onbekende sleutel(s): x" in str(error.value)
    with pytest.raises(CommandError, match="geen geldige JSON"):
        _run("assess", "--municipality", "GM1961", stdin="{", monkeypatch=monkeypatch)
    with pytest.raises(CommandError, match="GM9999"):
        _run("assess", "--municipality", "GM9999", stdin="{}", monkeypatch=monkeypatch)


def test_another_municipality_starts_from_a_preset_and_round_trips(frameworks, tmp_path):
    # West Maas en Waal starts from Vijfheerenlanden's preset...
    out = _run(
        "import_framework", "--municipality", "GM0668", "--valid-from", "2026-01-01", str(PRESET_DIR / "GM1961.json")
    )
    assert "versie 2 opgeslagen" in out
    imported = selectors.version_by_number(frameworks["GM0668"], 2)
    assert (imported.content["municipality"], imported.content["municipality_name"]) == ("GM0668", "West Maas en Waal")
    assert imported.content["goals"] == json.loads((PRESET_DIR / "GM1961.json").read_text())["goals"]
    assert AuditEvent.objects.filter(action=Action.IMPORT, municipality="GM0668", details__version=2).exists()

    # ...and what is exported imports again as the very same content: no new version.
    exported = tmp_path / "kader.json"
    _run("export_framework", "--municipality", "GM0668", "--number", "2", "--output", str(exported))
    assert json.loads(exported.read_text()) == imported.content
    assert "ongewijzigd" in _run("import_framework", "--municipality", "GM0668", str(exported))
    assert selectors.latest_version(frameworks["GM0668"]).number == 2


def test_import_of_a_wrong_document_names_the_field_and_writes_nothing(frameworks, tmp_path):
    document = json.loads((PRESET_DIR / "GM0828.json").read_text())
    document["characteristics"][1]["source"] = ""
    del document["spheres"][0]["influence"]
    path = tmp_path / "kapot.json"
    path.write_text(json.dumps(document))
    with pytest.raises(CommandError) as error:
        _run("import_framework", "--municipality", "GM0828", str(path))
    message = str(error.value)
    assert "er is niets opgeslagen" in message
    assert "spheres[0].influence: Dit veld is vereist." in message
    assert "characteristics[1].source: Dit veld mag niet leeg zijn." in message
    assert FrameworkVersion.objects.count() == 4
    with pytest.raises(CommandError, match="bestaat niet"):
        _run("import_framework", "--municipality", "GM0828", str(tmp_path / "nergens.json"))
    with pytest.raises(CommandError, match="onbekend"):
        _run("import_framework", "--municipality", "GM0001", str(path))


def test_a_preset_citing_an_unknown_indicator_is_refused_in_dutch_and_nothing_is_written(
    seed_areas, tmp_path, monkeypatch
):
    from socialebasis.frameworks import services

    for path in PRESET_DIR.glob("GM*.json"):
        (tmp_path / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    document = json.loads((tmp_path / "GM0828.json").read_text(encoding="utf-8"))
    assert document["goals"][0]["indicators"][0]["code"] == "Eenzaam"
    document["goals"][0]["indicators"][0]["code"] = "Eenzaamheid"  # not a code of the indicator catalogue
    (tmp_path / "GM0828.json").write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    monkeypatch.setattr(services, "PRESET_DIR", tmp_path)
    with pytest.raises(CommandError) as error:
        _run("load_framework_presets")
    assert "goals[0].indicators[0].code: Geen indicator in de catalogus heeft de code 'Eenzaamheid'." in str(
        error.value
    )
    assert not FrameworkVersion.objects.exists()  # all or nothing: the three good presets are not written either
