"""The administration (/beheer/) in Dutch, and without an add form for what only the services make.

Every label is taken from the admin's own registry, so a model or filter added later is checked without
touching this file: each app's name, each model's names, each list filter's title and each column header must
have Dutch, and none may show in English on the index, a list, an add form or a change form.
"""

import re
from html.parser import HTMLParser

import pytest
from django.contrib import admin
from django.contrib.admin.utils import label_for_field
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation
from django.utils.translation import trans_real

from .admin_rows import app_modules, make_one_of_each

pytestmark = pytest.mark.django_db

# What an administrator may add by hand here; everything else is made by a service, an import or the audit log
# (and its admin says so by refusing to add). A model registered later must be placed on one side or the other.
ADDED_BY_HAND = {
    "auth.group",
    "accounts.user",
    "areas.areadivision",
    "profiles.norm",
    "directory.organisation",
    "directory.meetingplace",
    "directory.activity",
    "directory.synonym",
}


class VisibleText(HTMLParser):
    """The text a person sees: text nodes outside script and style, and the title."""

    def __init__(self):
        super().__init__()
        self.texts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "template"):
            self._hidden += 1

    def handle_endtag(self, tag):
        if tag in ("script", "style", "template"):
            self._hidden -= 1

    def handle_data(self, data):
        text = " ".join(data.split())
        if text and not self._hidden:
            self.texts.append(text)


def visible_texts(response) -> list[str]:
    parser = VisibleText()
    parser.feed(response.content.decode())
    return parser.texts


def english_and_dutch(label) -> tuple[str, str]:
    with translation.override("en"):
        english = str(label)
    with translation.override("nl"):
        dutch = str(label)
    return english, dutch


def has_dutch(label) -> bool:
    """Translated, or a word that Dutch shares with English ("status", "e-mail") and the catalogue says so."""
    english, dutch = english_and_dutch(label)
    return english != dutch or english in trans_real.translation("nl")._catalog


def shows_in_english(texts: list[str], label) -> list[str]:
    english, dutch = english_and_dutch(label)
    if english == dutch:
        return []
    # A whole word: not part of a longer word, a hyphenated word or a code such as "message:12".
    word = re.compile(rf"(?<![\w:-]){re.escape(english)}(?![\w:-])", re.IGNORECASE)
    return [text for text in texts if word.search(text)]


@pytest.fixture
def chief(client, user_factory, verified):
    user = user_factory(username="beheerder", administrator=True)
    verified(client, user)
    return user


def labels_of_changelist(response) -> list[tuple[str, object]]:
    cl = response.context["cl"]
    labels = [("filter", spec.title) for spec in cl.filter_specs]
    for name in cl.list_display:
        if name == "__str__":
            labels.append(("column", cl.model._meta.verbose_name))
        elif name != "action_checkbox":
            labels.append(("column", label_for_field(name, cl.model, cl.model_admin)))
    return labels


def test_every_label_of_the_administration_has_dutch_and_no_page_shows_one_in_english(client, chief, seed_areas):
    make_one_of_each(chief)
    pages = [("index", reverse("admin:index"), [])]
    untranslated = []
    for model, model_admin in admin.site._registry.items():
        opts = model._meta
        names = [("app", opts.app_config.verbose_name), ("model", opts.verbose_name),
                 ("models", opts.verbose_name_plural)]  # fmt: skip
        pages[0][2].extend(names)
        changelist = client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"))
        assert changelist.status_code == 200, opts.label
        labels = names + labels_of_changelist(changelist)
        untranslated += [
            (opts.label, kind, english_and_dutch(label)[0]) for kind, label in labels if not has_dutch(label)
        ]
        pages.append((opts.label, changelist, labels))
        request = RequestFactory().get("/")
        request.user = chief
        if model_admin.has_add_permission(request):
            pages.append((opts.label, client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_add")), names))
        first = model._default_manager.first()
        assert first is not None, f"make_one_of_each makes no {opts.label}: its change page would go unchecked"
        change = client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[first.pk]))
        assert change.status_code == 200, opts.label
        pages.append((opts.label, change, names))
    assert untranslated == [], "\n".join(map(str, untranslated))

    shown_in_english = []
    for where, page, labels in pages:
        response = client.get(page) if isinstance(page, str) else page
        assert response.status_code == 200, where
        texts = visible_texts(response)
        for kind, label in labels:
            if found := shows_in_english(texts, label):
                shown_in_english.append((where, kind, english_and_dutch(label)[0], found[0]))
    assert shown_in_english == [], "\n".join(map(str, shown_in_english))


def test_the_administration_is_titled_sociale_basis_beheer(client, chief):
    texts = visible_texts(client.get(reverse("admin:index")))
    assert "Sociale Basis beheer | Sociale Basis beheer" in texts  # the <title>: index title | site title
    assert "Sociale Basis beheer" in texts  # the header


def test_only_what_a_person_may_make_by_hand_has_an_add_form_and_each_of_those_works(client, chief, seed_areas):
    request = RequestFactory().get("/")
    request.user = chief
    addable = set()
    for model, model_admin in admin.site._registry.items():
        opts = model._meta
        if not model_admin.has_add_permission(request):
            response = client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_add"))
            assert response.status_code == 403, opts.label
            continue
        addable.add(opts.label_lower)
        response = client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_add"))
        assert response.status_code == 200, opts.label
        form = response.context["adminform"].form
        # A form someone can fill in: every field the database needs a value for is on it.
        needed = {
            field.name
            for field in opts.concrete_fields
            if field.editable and not field.blank and not field.has_default() and not field.primary_key
            and not getattr(field, "auto_now_add", False) and not getattr(field, "auto_now", False)
        }  # fmt: skip
        given = set(form.fields) | ({"password"} if "password1" in form.fields else set())  # UserCreationForm
        assert needed <= given, (opts.label, needed - given)
    assert addable == ADDED_BY_HAND.union(*(module.ADDED_BY_HAND for module in app_modules()))


def test_a_synonym_added_by_hand_is_saved(client, chief):
    """One of the add forms that stays, used: the form is alive, not only rendered."""
    from socialebasis.directory.models import Synonym

    response = client.post(reverse("admin:directory_synonym_add"), {"term": "soos", "alternatives": "sociëteit"})
    assert response.status_code == 302
    assert Synonym.objects.filter(term="soos").exists()
