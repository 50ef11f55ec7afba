"""Files are served only through the permission check (issue 11 point 3): the object's own rule decides, an
unattached file is its owner's alone, and every answer carries headers that keep a file from acting as a page."""

import os

import pytest
from django.core.files.storage import default_storage
from django.urls import reverse

from socialebasis.areas.models import Municipality
from socialebasis.audit.models import Action, AuditEvent
from socialebasis.directory.tests.factories import ActivityFactory
from socialebasis.directory.vocabulary import Status
from socialebasis.uploads import services

from . import hostile

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(seed_areas, user_factory):
    owner = user_factory(username="eigenaar")
    public = ActivityFactory(title="Koffieochtend", owner=owner)
    draft = ActivityFactory(title="Nog geheim", owner=owner, status=Status.DRAFT)
    files = {}
    for where, obj in (("public", public), ("private", draft), ("unattached", None)):
        upload = services.store_upload(hostile.photo("JPEG"), owner=owner, purpose="test", alt_text="Koffie")
        if obj is not None:
            services.attach(upload, obj)
        files[where] = upload
    people = {
        "owner": owner,
        "resident": user_factory(username="buur"),
        "staff": user_factory(
            username="professional", professional=True, municipalities=[Municipality.objects.get(statcode="GM0797")]
        ),
        "anonymous": None,
    }
    return files, people


# Who gets which file; everyone else gets the same 404 as for an id that does not exist.
ALLOWED = {
    "public": {"owner", "resident", "staff", "anonymous"},
    "private": {"owner", "staff"},
    "unattached": {"owner"},
}


def _sign_in(client, person, verified):
    if person is None:
        return
    if person.needs_second_factor:
        verified(client, person)
    else:
        client.force_login(person)


@pytest.mark.parametrize("where", ["public", "private", "unattached"])
@pytest.mark.parametrize("who", ["owner", "resident", "staff", "anonymous"])
@pytest.mark.parametrize("route", ["uploads:file", "uploads:thumbnail"])
def test_who_gets_a_file_and_its_thumbnail(client, world, verified, where, who, route):
    files, people = world
    _sign_in(client, people[who], verified)
    response = client.get(reverse(route, args=[files[where].pk]))
    assert response.status_code == (200 if who in ALLOWED[where] else 404)
    if response.status_code == 200:
        assert response["Content-Type"] == "image/jpeg"
        assert b"".join(response.streaming_content)[:3] == b"\xff\xd8\xff"


def test_public_files_may_be_cached_and_private_ones_never(client, world, verified):
    files, people = world
    _sign_in(client, people["owner"], verified)
    assert client.get(reverse("uploads:file", args=[files["public"].pk]))["Cache-Control"] == "public, max-age=600"
    for where in ("private", "unattached"):
        for route in ("uploads:file", "uploads:thumbnail"):
            assert client.get(reverse(route, args=[files[where].pk]))["Cache-Control"] == "private, no-store"


def test_every_file_answer_keeps_the_browser_from_treating_it_as_a_page(client, world):
    files, _people = world
    response = client.get(reverse("uploads:file", args=[files["public"].pk]))
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Type"] == "image/jpeg"
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"
    assert response["Content-Disposition"].startswith("inline")
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"


def test_a_pdf_is_always_a_download(client, world):
    _files, people = world
    document = services.store_upload(hostile.pdf(), owner=people["owner"], purpose="test")
    client.force_login(people["owner"])
    response = client.get(reverse("uploads:file", args=[document.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"
    # A document has no thumbnail.
    assert client.get(reverse("uploads:thumbnail", args=[document.pk])).status_code == 404


def test_a_file_follows_its_object_when_it_stops_being_public(client, world):
    files, _people = world
    url = reverse("uploads:file", args=[files["public"].pk])
    assert client.get(url).status_code == 200
    activity = files["public"].attached_to
    type(activity).objects.filter(pk=activity.pk).update(status=Status.ARCHIVED)
    assert client.get(url).status_code == 404


def test_when_the_object_is_gone_only_the_owner_still_gets_the_file(client, world, verified):
    files, people = world
    activity = files["private"].attached_to
    type(activity).objects.filter(pk=activity.pk).delete()
    url = reverse("uploads:file", args=[files["private"].pk])
    _sign_in(client, people["staff"], verified)
    assert client.get(url).status_code == 404
    client.logout()
    client.force_login(people["owner"])
    assert client.get(url).status_code == 200


def test_staff_reading_a_private_file_leaves_an_audit_line(client, world, verified):
    files, people = world
    _sign_in(client, people["staff"], verified)
    client.get(reverse("uploads:thumbnail", args=[files["private"].pk]))
    assert not AuditEvent.objects.filter(action=Action.VIEW).exists()  # thumbnails on a list page: no line each
    client.get(reverse("uploads:file", args=[files["private"].pk]))
    line = AuditEvent.objects.get(action=Action.VIEW)
    assert (line.actor, line.object_id) == (people["staff"], str(files["private"].pk))


def test_unknown_id_and_wrong_method_are_refused(client, world):
    files, _people = world
    assert client.get(reverse("uploads:file", args=["9f1c2d3e-0000-4000-8000-000000000000"])).status_code == 404
    assert client.post(reverse("uploads:file", args=[files["public"].pk])).status_code == 405
    assert client.get(f"/bestanden/{files['public'].file.name}").status_code == 404  # no address by storage name


def test_storage_that_cannot_be_read_answers_503(client, world):
    files, people = world
    client.force_login(people["owner"])
    upload = files["unattached"]
    # Put a folder where the file was: the storage answers with an error that is not "file not found".
    path = default_storage.path(upload.file.name)
    default_storage.delete(upload.file.name)
    os.mkdir(path)
    try:
        response = client.get(reverse("uploads:file", args=[upload.pk]))
    finally:
        os.rmdir(path)
    assert response.status_code == 503
    assert response["Retry-After"] == "30"


def test_a_missing_file_answers_404(client, world):
    files, people = world
    client.force_login(people["owner"])
    default_storage.delete(files["unattached"].thumbnail.name)
    assert client.get(reverse("uploads:thumbnail", args=[files["unattached"].pk])).status_code == 404
