"""A resident's own data on a page and as JSON, deleting one's account, the register page, and the admin's trace."""

import json

import pytest
from django.contrib import admin

from socialebasis.accounts.tests.factories import PASSWORD
from socialebasis.audit.models import Action, AuditEvent
from socialebasis.directory.models import SavedSearch
from socialebasis.privacy.admin import AuditedAdminMixin

pytestmark = pytest.mark.django_db


@pytest.fixture
def anna(user_factory):
    user = user_factory(username="anna", email="anna@example.nl", first_name="Anna")
    SavedSearch.objects.create(owner=user, name="Koffie bij mij", query="q=koffie")
    return user


def test_a_resident_reads_and_downloads_only_their_own_data(client, anna, user_factory):
    bram = user_factory(username="bram")
    SavedSearch.objects.create(owner=bram, name="Zwemmen voor Bram", query="q=zwemmen")
    client.force_login(anna)

    page = client.get("/account/mijn-gegevens/").content.decode()
    assert "Koffie bij mij" in page and "anna@example.nl" in page
    assert "Zwemmen voor Bram" not in page and "bram" not in page
    assert "Waarom" in page and "Hoe lang" in page  # each part says why and how long, in Dutch

    download = client.get("/account/mijn-gegevens/", {"formaat": "json"})
    assert download["Content-Type"].startswith("application/json")
    assert "attachment" in download["Content-Disposition"]
    data = json.loads(download.content)
    models = {section["model"]: section for section in data["data"]}
    assert models["directory.SavedSearch"]["rows"][0]["name"] == "Koffie bij mij"
    assert "password" not in json.dumps(models["accounts.User"])
    assert AuditEvent.objects.filter(action=Action.EXPORT, actor=anna).count() == 2


def test_my_data_needs_signing_in(client):
    response = client.get("/account/mijn-gegevens/")
    assert response.status_code == 302 and "/account/inloggen/" in response.url


def test_deleting_ones_account_asks_for_the_password_and_then_erases(client, anna):
    client.force_login(anna)
    wrong = client.post("/account/verwijderen/", {"password": "not-the-password"})
    assert wrong.status_code == 400 and "niet goed" in wrong.content.decode()
    assert type(anna).objects.filter(pk=anna.pk).exists()

    done = client.post("/account/verwijderen/", {"password": PASSWORD})
    assert done.status_code == 302
    assert not type(anna).objects.filter(pk=anna.pk).exists()
    assert not SavedSearch.objects.filter(name="Koffie bij mij").exists()
    assert client.get("/account/").status_code == 302  # signed out
    assert client.post("/account/inloggen/", {"username": "anna", "password": PASSWORD}).status_code == 200


@pytest.mark.parametrize("traits, status", [({}, 403), ({"professional": True}, 403), ({"policy_officer": True}, 200)])
def test_the_register_of_processing_activities_is_for_those_who_answer_for_it(
    client, user_factory, verified, traits, status
):
    user = user_factory(**traits)
    if traits:
        verified(client, user)
    else:
        client.force_login(user)
    response = client.get("/account/verwerkingsregister/")
    assert response.status_code == status
    if status == 200:
        page = response.content.decode()
        assert "Bewaarde zoekopdrachten" in page  # made from the declarations of every app
        assert "AVG art. 6 lid 1 onder f" in page


def test_every_admin_class_leaves_a_trace():
    assert all(isinstance(model_admin, AuditedAdminMixin) for model_admin in admin.site._registry.values())


def test_an_administrator_reading_and_changing_a_person_in_the_admin_is_audited(client, anna, user_factory, verified):
    chief = user_factory(administrator=True)
    verified(client, chief)

    assert client.get(f"/beheer/accounts/user/{anna.pk}/change/").status_code == 200
    read = AuditEvent.objects.get(action=Action.VIEW, actor=chief, object_id=str(anna.pk))
    assert read.object_type == "accounts.user" and read.details["via"] == "admin"

    assert client.get("/beheer/accounts/user/").status_code == 200
    listed = AuditEvent.objects.get(action=Action.VIEW, actor=chief, details__via="admin-list")
    assert str(anna.pk) in listed.details["shown"]

    bram = user_factory(username="bram")
    assert client.post(f"/beheer/accounts/user/{bram.pk}/delete/", {"post": "yes"}).status_code == 302
    assert not type(bram).objects.filter(pk=bram.pk).exists()
    assert AuditEvent.objects.filter(action=Action.DELETE, actor=chief, object_id=str(bram.pk)).exists()


def test_a_change_in_the_admin_of_something_impersonal_is_audited_too(client, user_factory, verified):
    from socialebasis.directory.models import Synonym

    chief = user_factory(administrator=True)
    verified(client, chief)
    response = client.post(
        "/beheer/directory/synonym/add/", {"term": "buurthuis", "alternatives": "wijkcentrum, ontmoetingsplek"}
    )
    assert response.status_code == 302
    synonym = Synonym.objects.get(term="buurthuis")
    assert AuditEvent.objects.filter(action=Action.CREATE, actor=chief, object_id=str(synonym.pk)).exists()
    # Reading an impersonal record is not a read of personal data.
    client.get(f"/beheer/directory/synonym/{synonym.pk}/change/")
    assert not AuditEvent.objects.filter(action=Action.VIEW, object_type="directory.synonym").exists()
