"""No public page of the demo shows an internal code: an enum value or slug of the code, or an untranslated choice.

The forbidden words come from the code itself: every value of every choice list (Django `Choices` and the
string enums of our own modules, such as the assessment's verdicts and outcomes) that is written as a slug. The
test loads the demo (`load_demo`), then walks the site as a visitor would, from the start page and a few
searches, following every link to a page of the site, and reads what a person sees: the text of the page and
the attributes a browser shows or reads aloud (title, aria-label, placeholder, alt, a button's value). Addresses,
ids, classes and the values of form fields are not read: a resident does not see them.

The same walk is made for a signed-in resident through their own pages and the contribution forms.
"""

import enum
import importlib
import io
import pkgutil
import re
from collections import Counter, deque
from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import models
from django.urls import Resolver404, resolve
from django.utils import translation

import socialebasis

# Values that are also common Dutch words, used in every sentence ("met" is the assessment's outcome "met" and
# the Dutch "with"). They count as a code only when they stand alone: a whole text, or a part between punctuation
# ("Doel: met"). Values whose own Dutch label holds them ("wijk", "sport en bewegen") are not codes on a page at all.
DUTCH_WORDS = {"met"}
# Django's own texts that a page shows when a form leaves them untranslated.
DJANGO_TEXTS = ["Select an option", "---------"]
# Pages a visitor reaches that are not pages (files, feeds, data) or that only staff may open.
SKIPPED_PREFIXES = ("/api/", "/beheer/", "/static/", "/bestanden/", "/i18n/", "/healthz", "/readyz", "/stap/")
SKIPPED_SUFFIXES = (".ics", ".json", ".geojson", ".pdf", ".csv", ".xlsx", ".png", ".svg")
# How many addresses of one kind (one URL pattern) are read: the same template with other rows adds little.
PER_KIND = 4
SHOWN_ATTRIBUTES = {"title", "aria-label", "placeholder", "alt", "aria-description", "aria-roledescription"}
_SLUG = re.compile(r"^[a-z][a-z0-9]*(?:[_-][a-z0-9]+)+$|^[a-z]{3,}$")


NOT_IMPORTED = {"tests", "migrations", "wsgi", "manage", "conf", "locustfile"}


def _import_all_modules() -> None:
    """Import every module of the project, so that every choice list and enum it declares exists.

    Not the load-test script: locust patches the standard library with gevent when it is imported.
    """
    for info in pkgutil.walk_packages(socialebasis.__path__, "socialebasis."):
        if any(part in NOT_IMPORTED for part in info.name.split(".")):
            continue
        importlib.import_module(info.name)


def _subclasses(cls):
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)


def code_values() -> dict[str, str]:
    """Every slug-like value of a choice list or string enum of the project, with where it comes from."""
    _import_all_modules()
    found: dict[str, str] = {}
    labelled: set[str] = set()
    for choices in _subclasses(models.Choices):
        if choices.__module__.startswith("socialebasis."):
            for value, label in choices.choices:
                found.setdefault(str(value), f"{choices.__module__}.{choices.__name__}")
                with translation.override("nl"):
                    if re.search(rf"(?<!\w){re.escape(str(value))}(?!\w)", str(label), flags=re.IGNORECASE):
                        labelled.add(str(value))
    for enum_class in _subclasses(enum.Enum):
        if enum_class.__module__.startswith("socialebasis.") and not issubclass(enum_class, models.Choices):
            for member in enum_class:
                if isinstance(member.value, str):
                    found.setdefault(member.value, f"{enum_class.__module__}.{enum_class.__name__}")
    from django.apps import apps

    for model in apps.get_models():
        if not model.__module__.startswith("socialebasis."):
            continue
        for field in model._meta.get_fields():
            for value, _label in getattr(field, "flatchoices", None) or []:
                if isinstance(value, str):
                    found.setdefault(value, f"{model._meta.label}.{field.name}")
    return {value: origin for value, origin in found.items() if _SLUG.match(value) and value not in labelled}


def english_labels() -> dict[str, str]:
    """Every English choice label of the project whose Dutch translation differs: shown, it was left untranslated."""
    from django.conf import settings

    # The language switch names each language in its own words ("English"): that is no untranslated label.
    own_names = {translation.get_language_info(code)["name_local"] for code, _name in settings.LANGUAGES}
    found = {}
    for choices in _subclasses(models.Choices):
        if not choices.__module__.startswith("socialebasis."):
            continue
        for label in choices.labels:
            with translation.override("en"):
                english = str(label)
            with translation.override("nl"):
                dutch = str(label)
            if dutch != english and len(english) > 3 and english not in own_names:
                found[english] = f"{choices.__module__}.{choices.__name__}"
    return found


class VisibleText(HTMLParser):
    """The text a person sees or hears of a page: text nodes and the attributes a browser shows or reads."""

    INVISIBLE = {"script", "style", "template"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.links: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag in self.INVISIBLE:
            self._hidden += 1
        if tag == "a" and attributes.get("href"):
            self.links.append(attributes["href"])
        for name, value in attrs:
            if value and name in SHOWN_ATTRIBUTES:
                self.parts.append(value)
        if tag == "input" and attributes.get("type") in ("submit", "button", "reset") and attributes.get("value"):
            self.parts.append(attributes["value"])

    def handle_endtag(self, tag):
        if tag in self.INVISIBLE and self._hidden:
            self._hidden -= 1

    def handle_data(self, data):
        if not self._hidden and data.strip():
            self.parts.append(data)


def offenders(parts: list[str], values: dict[str, str], labels: dict[str, str]) -> list[str]:
    """The codes, untranslated labels and Django texts among the visible `parts` of a page."""
    text = " ".join(" ".join(parts).split())
    alone = {piece.strip(" .!?").lower() for part in parts for piece in re.split(r"[:;()\[\],/|\u2013\u2014…]", part)}
    found = []
    for value, origin in values.items():
        if value in DUTCH_WORDS:
            if value in alone:
                found.append(f"{value!r} ({origin})")
        elif hit := re.search(rf"(?<![\w/.@-]){re.escape(value)}(?![\w/@-]|\.\w)", text, flags=re.IGNORECASE):
            found.append(f"{value!r} ({origin}) in “…{text[max(hit.start() - 30, 0) : hit.end() + 30]}…”")
    for label, origin in labels.items():
        if re.search(rf"(?<!\w){re.escape(label)}(?!\w)", text):
            found.append(f"untranslated {label!r} ({origin})")
    found.extend(f"{django_text!r} (Django)" for django_text in DJANGO_TEXTS if django_text in text)
    return found


def _kind(path: str) -> str | None:
    try:
        match = resolve(path)
    except Resolver404:
        return None
    return match.view_name


def walk(client, start: list[str]) -> dict[str, list[str]]:
    """Read every page reachable from `start`, at most PER_KIND per URL pattern; {url: offending words}."""
    values, labels = code_values(), english_labels()
    queue, seen, per_kind, problems = deque(start), set(), Counter(), {}
    while queue:
        url = urldefrag(queue.popleft())[0]
        parts = urlsplit(url)
        if parts.scheme not in ("", "http") or parts.netloc not in ("", "testserver"):
            continue
        path = parts.path
        url = f"{path}?{parts.query}" if parts.query else path
        if url in seen or path.startswith(SKIPPED_PREFIXES) or path.endswith(SKIPPED_SUFFIXES):
            continue
        seen.add(url)
        kind = _kind(path)
        if kind is None or per_kind[kind] >= PER_KIND:
            continue
        per_kind[kind] += 1
        response = client.get(url)
        if response.status_code != 200 or not response["Content-Type"].startswith("text/html"):
            continue
        parser = VisibleText()
        parser.feed(response.content.decode())
        if found := offenders(parser.parts, values, labels):
            problems[url] = found
        queue.extend(urljoin(url, link) for link in parser.links)
    walk.read = per_kind  # what was read, for the assertion that the walk went everywhere
    return problems


@pytest.fixture
def demo(transactional_db):
    # Committing like the real command does: some demo steps use temporary tables dropped on commit.
    call_command("load_demo", "--no-accounts", stdout=io.StringIO())


START = [
    "/",
    "/sociale-kaart/",
    "/sociale-kaart/?q=koffie",
    "/sociale-kaart/?municipality=GM0797",
    "/sociale-kaart/?municipality=GM0797&theme=meeting&target_group=elderly&cost=free&weekday=1&sort=title",
    "/sociale-kaart/?postcode=5251",
    "/gemeenten/GM0797/kader/toets/",
    "/account/inloggen/",
    "/account/aanmelden/",
    "/account/wachtwoord-vergeten/",
    "/account/verwerkingsregister/",
]
# The kinds of page the walk must have read, so that a broken link cannot make the test pass by reading less.
EXPECTED_KINDS = {
    "areas:home",
    "areas:municipality",
    "areas:district",
    "directory:list",
    "directory:activity",
    "directory:place",
    "directory:organisation",
    "frameworks:detail",
    "frameworks:assess",
    "accounts:login",
    "accounts:sign-up",
}


# The demo runs on SQLite, and loading it is the slow part (a minute a time on the two cores): the walk runs once,
# as a visitor and then as a resident, in the SQLite run of `make test`; the pages are the same on PostgreSQL, where
# the browser tests read them and the production shape loads the demo (docs/adr/0010-test-strategy.md). The same
# loaded demo then shows that `make demo` a second time adds nothing.
@pytest.mark.skipif("postgresql" in settings.DATABASES["default"]["ENGINE"], reason="the demo's database is SQLite")
def test_no_page_of_the_demo_shows_an_internal_code_to_a_visitor_or_a_resident(demo, client, user_factory):
    _check_the_visitors_pages(client)
    client.cookies.clear()
    _check_a_residents_pages(client, user_factory)
    _check_loading_again_adds_nothing()


def _check_loading_again_adds_nothing():
    from django.apps import apps

    from socialebasis.frameworks.models import FrameworkVersion

    # What a second run may write is a log, not content: its audit lines, the record of each import run, and the
    # sign-in records of the walk above.
    content = [
        model
        for model in apps.get_models()
        if model._meta.app_label not in ("audit", "sessions", "axes", "admin", "contenttypes", "auth")
        and model._meta.label != "indicators.ImportRun"
    ]
    before = {model._meta.label: model._base_manager.count() for model in content}
    call_command("load_demo", "--no-accounts", stdout=io.StringIO())
    after = {model._meta.label: model._base_manager.count() for model in content}
    assert {label: (n, after[label]) for label, n in before.items() if after[label] != n} == {}
    assert sorted(FrameworkVersion.objects.values_list("framework__municipality__statcode", "number")) == [
        ("GM0668", 1),
        ("GM0797", 1),
        ("GM0828", 1),
        ("GM1961", 1),
    ]


def _check_the_visitors_pages(client):
    problems = walk(client, START)
    missing = EXPECTED_KINDS - set(walk.read)
    assert not missing, f"the walk did not reach {sorted(missing)}; it read {dict(walk.read)}"
    assert not problems, "internal codes shown:\n" + "\n".join(f"{url}: {', '.join(w)}" for url, w in problems.items())


def _check_a_residents_pages(client, user_factory):
    from socialebasis.accounts.tests.factories import PASSWORD

    resident = user_factory(role="resident")
    # Signed in through the sign-in page with a browser's user agent, as a person is: "Mijn gegevens" shows the
    # sign-in log, and a sign-in without a request would show an empty agent as "<unknown>".
    client.defaults["HTTP_USER_AGENT"] = "Mozilla/5.0 (X11; Linux x86_64) Chrome/120.0"
    signed_in = client.post("/account/inloggen/", {"username": resident.username, "password": PASSWORD})
    assert signed_in.status_code == 302
    problems = walk(
        client,
        [
            "/account/",
            "/sociale-kaart/mijn/",
            "/sociale-kaart/nieuw/activiteit/",
            "/sociale-kaart/nieuw/plek/",
            "/sociale-kaart/nieuw/organisatie/",
            "/account/berichten/",
            "/account/berichten/instellingen/",
        ],
    )
    assert {"directory:create", "accounts:profile"} <= set(walk.read)
    assert not problems, "internal codes shown:\n" + "\n".join(f"{url}: {', '.join(w)}" for url, w in problems.items())


def test_the_check_finds_a_code_and_an_untranslated_label():
    values, labels = code_values(), english_labels()
    assert "not_met" in values and "grey" in values and "informal_group" in values
    (found,) = offenders(["Oordeel: ", "grey", " (berekend)"], values, labels)
    assert found.startswith("'grey' (socialebasis.frameworks.") and "Oordeel: grey (berekend)" in found
    assert offenders(["Soort: informal group"], values, labels)
    assert offenders(["- Select an option -"], values, labels)
    assert offenders(["Doel “Ontmoeten”: met"], values, labels)
    assert not offenders(["Koffie met de buren in de wijk, zie www.example.nl of mail@grey.nl"], values, labels)
