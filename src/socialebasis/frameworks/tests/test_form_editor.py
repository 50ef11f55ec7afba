"""The framework editor with forms (issue 12, point 8): a form per section, errors at the field and in a summary,
a preview of the check before saving, and saving through the same service as an import.

The tests post what the rendered page holds, read from its HTML as a browser would, so a field the page forgets
to render shows up as a lost part of the document.
"""

import re
from html import unescape
from html.parser import HTMLParser

import pytest

from socialebasis.audit.models import Action, AuditEvent
from socialebasis.directory.models import Activity
from socialebasis.directory.tests.factories import ActivityFactory
from socialebasis.directory.vocabulary import Cost
from socialebasis.frameworks import selectors
from socialebasis.frameworks.document import canonical, validate_document
from socialebasis.frameworks.editor import FrameworkEditor
from socialebasis.frameworks.models import FrameworkVersion

from .conftest import read_preset

pytestmark = pytest.mark.django_db

EDIT = "/gemeenten/{}/kader/bewerken/"
CODES = ["GM1961", "GM0797", "GM0828", "GM0668"]


class _FormReader(HTMLParser):
    """The fields of the editor's POST form and the values a browser would send when nothing is touched."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.in_form = False
        self.data: list[tuple[str, str]] = []
        self._select: str | None = None
        self._options: list[tuple[str, bool]] = []
        self._textarea: str | None = None
        self._text = ""

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("method") == "post":
            self.in_form = True
        if not self.in_form:
            return
        name = attrs.get("name")
        if tag == "input" and name and attrs.get("type") != "submit":
            if attrs.get("type") == "checkbox":
                if "checked" in attrs:
                    self.data.append((name, attrs.get("value", "on")))
            else:
                self.data.append((name, attrs.get("value", "")))
        elif tag == "select":
            self._select, self._options = name, []
        elif tag == "option" and self._select:
            self._options.append((attrs.get("value", ""), "selected" in attrs))
        elif tag == "textarea":
            self._textarea, self._text = name, ""

    def handle_endtag(self, tag):
        if tag == "form":
            self.in_form = False
        elif tag == "select" and self._select:
            chosen = [value for value, selected in self._options if selected] or [self._options[0][0]]
            self.data.append((self._select, chosen[0]))
            self._select = None
        elif tag == "textarea" and self._textarea:
            # A browser drops the one line break right after <textarea>; and sends line breaks as CR LF.
            text = self._text[1:] if self._text.startswith("\n") else self._text
            self.data.append((self._textarea, text.replace("\n", "\r\n")))
            self._textarea = None

    def handle_data(self, data):
        if self._textarea:
            self._text += data


def page_form(response) -> dict:
    """Name → value; for a choice of several boxes (a goal's indicators) name → the list of checked values."""
    reader = _FormReader()
    reader.feed(response.content.decode())
    data: dict = {}
    for name, value in reader.data:
        if name.endswith("-indicators"):
            data.setdefault(name, []).append(value)
        else:
            data.setdefault(name, value)
    return data


def _visible_text(response) -> str:
    html = response.content.decode().split("<main", 1)[1].split(">", 1)[1]
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html)))


def _field(data: dict, prefix: str, label_field: str, label: str, field: str) -> str:
    """The name of `field` in the row of a formset whose `label_field` holds `label`."""
    for name, value in data.items():
        if name.startswith(f"{prefix}-") and name.endswith(f"-{label_field}") and value == label:
            return name.rsplit("-", 1)[0] + f"-{field}"
    raise AssertionError(f"no row {label!r} in {prefix}")


@pytest.fixture
def officer(client, frameworks, user_factory, sign_in_verified):
    def sign_in(code):
        user = user_factory(policy_officer=True, municipalities=[frameworks[code]])
        sign_in_verified(client, user)
        return user

    return sign_in


@pytest.mark.parametrize("code", CODES)
def test_posting_the_unchanged_forms_gives_back_the_preset_document(client, frameworks, officer, code):
    officer(code)
    data = page_form(client.get(EDIT.format(code)))
    editor = FrameworkEditor(canonical(selectors.latest_version(frameworks[code]).content), data)
    assert editor.is_valid(), editor.summary()
    assert validate_document(editor.document()) == validate_document(read_preset(code))


def test_saving_unchanged_forms_adds_no_version(client, frameworks, officer):
    officer("GM0828")
    data = page_form(client.get(EDIT.format("GM0828")))
    response = client.post(EDIT.format("GM0828"), {**data, "opslaan": "1"})
    assert response.status_code == 200
    assert "Er is niets veranderd ten opzichte van de laatste versie." in _visible_text(response)
    assert FrameworkVersion.objects.count() == 4


def test_the_page_shows_no_keys_or_codes(client, frameworks, officer):
    officer("GM1961")
    response = client.get(EDIT.format("GM1961"))
    text = _visible_text(response)
    for code in (
        "requires_referral",
        "for_profit",
        "outside_if_true",
        "inside_requires_true",
        "indicative",
        "communal",
    ):
        assert code not in text
    assert "Bij \u2018ja\u2019 valt de activiteit erbuiten" in text
    assert "Winstoogmerk" in page_form(response).values()


def test_changing_a_criterion_shows_the_changed_outcome_of_an_activity_and_then_saves_it(
    client, frameworks, officer, django_capture_on_commit_callbacks
):
    user = officer("GM0797")
    # Paid, so "commercial" is yes; that is only written down in Heusden's framework today.
    activity = ActivityFactory(title="Betaalde yogales", goals=["positive_health"], cost=Cost.PRICE)
    assert activity.assessment_verdict == "grey"
    data = page_form(client.get(EDIT.format("GM0797")))
    data[_field(data, "criteria", "label", "Commercieel", "role")] = "outside_if_true"

    preview = client.post(EDIT.format("GM0797"), {**data, "voorbeeld": "1"})
    text = _visible_text(preview)
    assert "Betaalde yogales grijs gebied valt buiten de sociale basis" in text
    assert "1 activiteit bekeken: 1 zou een andere uitkomst krijgen." in text
    # A worked example of the seed (a café as meeting place is inside) now contradicts the rules.
    assert "Horecalocatie als ontmoetingsplek: verwacht “hoort bij de sociale basis”" in text
    assert FrameworkVersion.objects.count() == 4

    refused = client.post(EDIT.format("GM0797"), {**data, "opslaan": "1"})
    index = [n for n in data if n.startswith("voorbeelden-") and n.endswith("-expected_verdict")]
    horeca = next(
        n
        for n in index
        if "Horecalocatie" in refused.content.decode().split(f'for="id_{n}"', 1)[1].split("</label>", 1)[0]
    )
    refused_text = _visible_text(refused)
    assert "Kijk het formulier na" in refused_text
    assert "Met deze criteria is de uitkomst “valt buiten de sociale basis”." in refused_text
    assert f'href="#id_{horeca}"' in refused.content.decode()
    assert "outside" not in refused_text
    assert FrameworkVersion.objects.count() == 4

    data[horeca] = "outside"
    with django_capture_on_commit_callbacks(execute=True):
        saved = client.post(EDIT.format("GM0797"), {**data, "note": "Commercieel valt erbuiten", "opslaan": "1"})
    assert saved.status_code == 302
    version = selectors.latest_version(frameworks["GM0797"])
    assert (version.number, version.note, version.created_by) == (2, "Commercieel valt erbuiten", user)
    logic = version.content["assessment"]["logic"]
    assert logic["outside_if_true"] == ["requires_referral", "for_profit"]
    assert next(c for c in version.content["characteristics"] if c["key"] == "for_profit")["effect"] == "exclude"
    event = AuditEvent.objects.get(action=Action.UPDATE, municipality="GM0797")
    assert (event.actor, event.details["via"], event.details["version"]) == (user, "form", 2)
    # The version_created signal had the sociale kaart assess its activities again.
    assert Activity.objects.get(pk=activity.pk).assessment_verdict == "outside"


def test_a_row_is_added_without_javascript_and_gets_a_key_from_its_name(client, frameworks, officer):
    officer("GM1961")
    data = page_form(client.get(EDIT.format("GM1961")))
    goals_before = data["doelen-TOTAL_FORMS"]
    more = client.post(EDIT.format("GM1961"), {**data, "toevoegen": "goals"})
    assert more.status_code == 200
    assert FrameworkVersion.objects.count() == 4
    assert "Kijk het formulier na" not in _visible_text(more)
    data = page_form(more)
    new = int(goals_before)
    assert data["doelen-TOTAL_FORMS"] == str(new + 1)
    assert data[f"doelen-{new}-key"] == ""
    data.update(
        {
            f"doelen-{new}-name": "Elkaar leren kennen in de buurt",
            f"doelen-{new}-description": "Buren weten wie er om de hoek woont.",
            f"doelen-{new}-source": "Beleidsvisie §1.2",
            "opslaan": "1",
        }
    )
    assert client.post(EDIT.format("GM1961"), data).status_code == 302
    goals = selectors.latest_version(frameworks["GM1961"]).content["goals"]
    assert goals[-1]["key"] == "elkaar_leren_kennen_in_de_buurt"
    assert [g["key"] for g in goals[:-1]] == [g["key"] for g in read_preset("GM1961")["goals"]]


def test_an_empty_new_row_is_ignored(client, frameworks, officer):
    officer("GM1961")
    data = page_form(
        client.post(
            EDIT.format("GM1961"), {**page_form(client.get(EDIT.format("GM1961"))), "toevoegen": "characteristics"}
        )
    )
    response = client.post(EDIT.format("GM1961"), {**data, "voorbeeld": "1"})
    assert "Kijk het formulier na" not in _visible_text(response)
    assert "Elk voorbeeld krijgt de uitkomst die het kader verwacht." in _visible_text(response)


def test_removing_a_criterion_also_removes_it_from_the_rules(client, frameworks, officer):
    officer("GM0828")
    data = page_form(client.get(EDIT.format("GM0828")))
    data[_field(data, "criteria", "label", "Inwoners zijn eigenaar", "DELETE")] = "on"
    principle = _field(data, "principes", "name", read_preset("GM0828")["principles"][0]["name"], "DELETE")
    data[principle] = "on"
    assert client.post(EDIT.format("GM0828"), {**data, "opslaan": "1"}).status_code == 302
    content = selectors.latest_version(frameworks["GM0828"]).content
    assert "resident_owned" not in [c["key"] for c in content["characteristics"]]
    assert all("resident_owned" not in rule["when"] for rule in content["assessment"]["logic"]["sphere_rules"])
    assert all("resident_owned" not in e["characteristics"] for e in content["examples"])
    assert len(content["principles"]) == len(read_preset("GM0828")["principles"]) - 1


def test_an_empty_required_field_is_named_at_the_field_and_in_the_summary(client, frameworks, officer):
    officer("GM1961")
    data = page_form(client.get(EDIT.format("GM1961")))
    data["sferen-1-name"] = ""
    data["definitie-text"] = "   "
    response = client.post(EDIT.format("GM1961"), {**data, "opslaan": "1"})
    html = response.content.decode()
    summary = html.split('id="error-summary-heading"', 1)[1].split("</ul>", 1)[0]
    assert 'href="#id_sferen-1-name"' in summary and "Sfeer 2, Naam: Dit veld is vereist." in summary
    assert 'href="#id_definitie-text"' in summary
    assert 'id="id_sferen-1-name_error"' in html
    assert 'aria-invalid="true"' in html
    assert FrameworkVersion.objects.count() == 4


def test_keeping_no_goal_is_refused(client, frameworks, officer):
    officer("GM1961")
    data = page_form(client.get(EDIT.format("GM1961")))
    for index in range(int(data["doelen-TOTAL_FORMS"])):
        data[f"doelen-{index}-DELETE"] = "on"
    response = client.post(EDIT.format("GM1961"), {**data, "opslaan": "1"})
    assert "Houd ten minste één rij in dit onderdeel." in _visible_text(response)
    assert FrameworkVersion.objects.count() == 4


class TestWhoMayUseTheEditor:
    def test_residents_professionals_and_other_officers_are_refused(
        self, client, frameworks, user_factory, sign_in_verified
    ):
        data = {"basis": "GM1961", "basis_version": "1", "opslaan": "1"}
        client.force_login(user_factory(resident=True))
        assert client.post(EDIT.format("GM1961"), data).status_code == 403
        sign_in_verified(client, user_factory(professional=True, municipalities=[frameworks["GM1961"]]))
        assert client.get(EDIT.format("GM1961")).status_code == 403
        sign_in_verified(client, user_factory(policy_officer=True, municipalities=[frameworks["GM0797"]]))
        assert client.post(EDIT.format("GM1961"), data).status_code == 403
        assert FrameworkVersion.objects.count() == 4

    def test_an_officer_starts_from_another_municipalitys_framework(self, client, frameworks, officer):
        officer("GM0668")
        response = client.get(EDIT.format("GM0668"), {"basis": "GM1961"})
        data = page_form(response)
        assert (data["basis"], data["basis_version"]) == ("GM1961", "1")
        data["definitie-text"] = "Onze eigen definitie."
        assert client.post(EDIT.format("GM0668"), {**data, "opslaan": "1"}).status_code == 302
        content = selectors.latest_version(frameworks["GM0668"]).content
        assert (content["municipality"], content["definition"]["text"]) == ("GM0668", "Onze eigen definitie.")
        assert content["goals"] == validate_document(read_preset("GM1961"))["goals"]


def test_a_valid_from_outside_the_window_is_refused_at_the_field(client, frameworks, officer):
    officer("GM0797")
    data = page_form(client.get(EDIT.format("GM0797")))
    data["definitie-text"] = "Een nieuwe definitie."
    response = client.post(EDIT.format("GM0797"), {**data, "valid_from": "0001-01-01", "opslaan": "1"})
    assert response.status_code == 200
    assert response.context["editor"].main.errors["valid_from"]
    assert 'href="#id_valid_from"' in response.content.decode()
    assert FrameworkVersion.objects.count() == 4


def _goal_row(data: dict, name: str) -> str:
    return _field(data, "doelen", "name", name, "x").rsplit("-", 1)[0]


def _chosen(data: dict, row: str) -> list[str]:
    return data.get(f"{row}-indicators", [])


def test_a_goal_s_indicators_are_chosen_by_their_dutch_names_and_keep_their_sources(client, frameworks, officer):
    officer("GM1961")
    response = client.get(EDIT.format("GM1961"))
    text = _visible_text(response)
    for label in ("Monitor Sociale Kracht, sociale samenhang in de buurt", "Sociaal eenzaam", "Doet vrijwilligerswerk"):
        assert label in text
    for code in ("msk_sociale_samenhang_buurt", "SociaalEenzaam", "ErvarenGezondheidGoedZeerGoed"):
        assert code not in text
    data = page_form(response)
    meeting = _goal_row(data, "Ontmoeting en verbinding")
    network = _goal_row(data, "Het (informele) netwerk versterken en onderhouden")
    assert _chosen(data, meeting) == ["Eenzaam", "msk_sociale_samenhang_buurt"]  # in the order of the page

    # Loneliness off, social loneliness on with the officer's source; a new one for the network without a source.
    data[f"{meeting}-indicators"] = ["msk_sociale_samenhang_buurt", "SociaalEenzaam"]
    data[f"{meeting}-indicator_source"] = "Beleidsvisie §4.1 (Ontmoeting en verbinding)"
    data[f"{network}-indicators"] = [*_chosen(data, network), "ervaren_sociale_steun"]
    assert client.post(EDIT.format("GM1961"), {**data, "opslaan": "1"}).status_code == 302

    goals = {g["key"]: g for g in selectors.latest_version(frameworks["GM1961"]).content["goals"]}
    preset = {g["key"]: g for g in read_preset("GM1961")["goals"]}
    assert goals["meeting"]["indicators"] == [
        preset["meeting"]["indicators"][0],  # kept as it was, with its source
        {"code": "SociaalEenzaam", "source": "Beleidsvisie §4.1 (Ontmoeting en verbinding)", "derived": False},
    ]
    assert goals["network"]["indicators"] == [
        *preset["network"]["indicators"],
        {
            "code": "ervaren_sociale_steun",
            "source": "Gekozen door de gemeente bij het aanpassen van het kader",
            "derived": False,
        },
    ]
    assert goals["looking_out"]["indicators"] == preset["looking_out"]["indicators"]


def test_an_indicator_the_catalogue_does_not_know_is_refused_at_the_goal(client, frameworks, officer):
    officer("GM0828")
    data = page_form(client.get(EDIT.format("GM0828")))
    row = _goal_row(data, read_preset("GM0828")["goals"][0]["name"])
    data[f"{row}-indicators"] = ["Eenzaamheid"]
    response = client.post(EDIT.format("GM0828"), {**data, "opslaan": "1"})
    assert response.status_code == 200
    html = response.content.decode()
    summary = html.split('id="error-summary-heading"', 1)[1].split("</ul>", 1)[0]
    assert f'href="#id_{row}-indicators_0"' in summary and "Indicatoren" in summary
    assert f'id="id_{row}-indicators_error"' in html
    assert FrameworkVersion.objects.count() == 4
