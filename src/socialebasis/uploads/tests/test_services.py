"""Store, attach, delete; and what the personal-data register calls: export, erasure and retention on a frozen
clock (issue 11 points 3, 5 and 10). Files leave the storage only after the deletion is committed."""

import io
import zipfile
from datetime import UTC, datetime, timedelta

import pytest
from django.core.files.storage import default_storage
from django.db import transaction

from socialebasis.areas.models import Municipality
from socialebasis.audit.models import Action, AuditEvent
from socialebasis.directory.tests.factories import ActivityFactory
from socialebasis.uploads import selectors, services
from socialebasis.uploads.models import Upload

from . import hostile

pytestmark = pytest.mark.django_db

NOON = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)


def _store(owner, data=None, **kwargs):
    kwargs.setdefault("purpose", "test")
    return services.store_upload(data or hostile.photo("JPEG"), owner=owner, **kwargs)


def _files(upload) -> list[str]:
    return [name for name in (upload.file.name, upload.thumbnail.name) if name]


def test_stored_upload_is_unattached_audited_and_kept_under_a_random_name(owner):
    upload = _store(owner, hostile.photo("JPEG"), purpose="story-photo", alt_text="  Een bankje in het park ")
    assert not upload.is_attached
    assert upload.alt_text == "Een bankje in het park"
    assert all(default_storage.exists(name) for name in _files(upload))
    assert upload.file.name.startswith("uploads/") and str(upload.pk) not in upload.file.name
    line = AuditEvent.objects.get(object_type="uploads.upload", action=Action.CREATE)
    assert (line.actor, line.object_id, line.details["purpose"]) == (owner, str(upload.pk), "story-photo")


def test_two_uploads_of_the_same_file_get_different_names(owner):
    data = hostile.photo("PNG")
    first, second = _store(owner, data), _store(owner, data)
    assert first.file.name != second.file.name


def test_attach_links_the_upload_to_its_object_once(owner, seed_areas):
    upload = _store(owner)
    activity = ActivityFactory(owner=owner)
    services.attach(upload, activity)
    upload.refresh_from_db()
    assert upload.attached_to == activity
    assert list(selectors.uploads_of(activity)) == [upload]
    assert AuditEvent.objects.filter(action=Action.UPDATE, object_id=str(upload.pk)).count() == 1
    services.attach(upload, activity)  # again to the same object: nothing changes
    assert AuditEvent.objects.filter(action=Action.UPDATE, object_id=str(upload.pk)).count() == 1
    with pytest.raises(ValueError, match="another object"):
        services.attach(upload, ActivityFactory(owner=owner))


def test_attaching_to_an_object_without_a_view_rule_is_refused(owner, seed_areas):
    upload = _store(owner)
    with pytest.raises(LookupError):
        services.attach(upload, Municipality.objects.get(statcode="GM0797"))
    upload.refresh_from_db()
    assert not upload.is_attached


def test_delete_removes_the_row_and_after_commit_the_files(owner, django_capture_on_commit_callbacks):
    upload = _store(owner)
    pk, names = upload.pk, _files(upload)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.delete_upload(upload, owner)
    assert not Upload.objects.filter(pk=pk).exists()
    assert all(default_storage.exists(name) for name in names)  # not before the commit
    for callback in callbacks:
        callback()
    assert not any(default_storage.exists(name) for name in names)
    assert AuditEvent.objects.filter(action=Action.DELETE, object_id=str(pk), actor=owner).exists()


def test_a_rolled_back_delete_keeps_the_files(owner, django_capture_on_commit_callbacks):
    upload = _store(owner)
    pk, names = upload.pk, _files(upload)
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        services.delete_upload(upload, owner)
        raise RuntimeError("something later in the same transaction failed")
    assert callbacks == []
    assert Upload.objects.filter(pk=pk).exists()
    assert all(default_storage.exists(name) for name in names)


def test_delete_attached_removes_everything_of_an_object(owner, seed_areas, django_capture_on_commit_callbacks):
    activity, other = ActivityFactory(owner=owner), ActivityFactory(owner=owner)
    mine = [_store(owner), _store(owner, hostile.pdf())]
    for upload in mine:
        services.attach(upload, activity)
    kept = _store(owner)
    services.attach(kept, other)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.delete_attached(activity, owner) == 2
    assert list(Upload.objects.all()) == [kept]
    assert not any(default_storage.exists(name) for upload in mine for name in _files(upload))


def test_orphans_older_than_a_day_are_removed_on_a_frozen_clock(owner, seed_areas, django_capture_on_commit_callbacks):
    young = _store(owner, now=NOON - timedelta(hours=23))
    old = _store(owner, now=NOON - timedelta(hours=25))
    old_but_attached = _store(owner, now=NOON - timedelta(days=30))
    services.attach(old_but_attached, ActivityFactory(owner=owner))
    with django_capture_on_commit_callbacks(execute=True):
        assert services.delete_orphans(NOON) == 1
    assert set(Upload.objects.all()) == {young, old_but_attached}
    assert not any(default_storage.exists(name) for name in _files(old))
    line = AuditEvent.objects.get(action=Action.DELETE, details__reason="retention")
    assert (line.actor, line.details["ids"]) == (None, [str(old.pk)])
    # A day later the young one has grown old too.
    with django_capture_on_commit_callbacks(execute=True):
        assert services.delete_orphans(NOON + timedelta(days=1)) == 1
    assert list(Upload.objects.all()) == [old_but_attached]


def test_erasure_removes_all_uploads_of_one_person_only(
    owner, user_factory, seed_areas, django_capture_on_commit_callbacks
):
    neighbour = user_factory(username="buur")
    mine = [_store(owner), _store(owner, hostile.pdf())]
    services.attach(mine[0], ActivityFactory(owner=owner))
    theirs = _store(neighbour)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.erase_uploads_of(owner) == 2
    assert list(Upload.objects.all()) == [theirs]
    assert not any(default_storage.exists(name) for upload in mine for name in _files(upload))
    assert all(default_storage.exists(name) for name in _files(theirs))
    line = AuditEvent.objects.get(details__reason="erasure")
    assert (line.details["owner"], line.details["count"]) == (owner.pk, 2)


def test_deleting_an_account_takes_its_files_out_of_the_storage(owner, django_capture_on_commit_callbacks):
    upload = _store(owner)
    with django_capture_on_commit_callbacks(execute=True):
        owner.delete()
    assert not Upload.objects.exists()
    assert not any(default_storage.exists(name) for name in _files(upload))


def test_export_holds_every_file_and_what_we_know_about_it(owner, user_factory, seed_areas, stored_bytes):
    photo = _store(owner, hostile.photo("PNG"), purpose="story-photo", alt_text="Het speelveld")
    document = _store(owner, hostile.pdf(), purpose="grant-attachment")
    activity = ActivityFactory(owner=owner)
    services.attach(document, activity)
    _store(user_factory(username="buur"))
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as zipped:
        records = services.export_uploads_of(owner, zipped)
    by_id = {record["id"]: record for record in records}
    assert set(by_id) == {str(photo.pk), str(document.pk)}
    assert by_id[str(photo.pk)]["description"] == "Het speelveld"
    assert by_id[str(photo.pk)]["belongs_to"] is None
    assert by_id[str(document.pk)]["belongs_to"] == {"type": "directory.activity", "id": str(activity.pk)}
    with zipfile.ZipFile(archive) as zipped:
        for upload in (photo, document):
            assert zipped.read(by_id[str(upload.pk)]["file_in_archive"]) == stored_bytes(upload.file.name)
    assert AuditEvent.objects.filter(action=Action.EXPORT, details__owner=owner.pk, details__count=2).exists()


def test_orphan_removal_is_scheduled_nightly_and_runs_the_service(owner, settings):
    from socialebasis.background import app
    from socialebasis.uploads import tasks

    entry = settings.CELERY_BEAT_SCHEDULE["uploads-orphans"]
    assert entry["task"] == "uploads.delete_orphans"
    assert "uploads.delete_orphans" in app.tasks
    _store(owner, now=datetime.now(UTC) - timedelta(days=2))
    assert tasks.delete_orphans.delay().get() == 1
    assert not Upload.objects.exists()


def test_deleting_in_the_admin_goes_through_the_service(client, owner, user_factory, verified):
    from django.urls import reverse

    upload = _store(owner)
    pk = upload.pk
    administrator = user_factory(username="beheerder", administrator=True)
    verified(client, administrator)
    listing = client.get(reverse("admin:uploads_upload_changelist"), {"q": str(pk)[:8]})
    assert listing.status_code == 200
    assert str(pk) in listing.content.decode()
    url = reverse("admin:uploads_upload_delete", args=[pk])
    assert client.get(url).status_code == 200
    assert client.post(url, {"post": "yes"}).status_code == 302
    assert not Upload.objects.filter(pk=pk).exists()
    assert AuditEvent.objects.filter(action=Action.DELETE, object_id=str(pk), actor=administrator).exists()


def test_storage_that_cannot_be_written_is_an_outage_and_leaves_no_row(owner, settings, tmp_path):
    from socialebasis.core.dependencies import is_dependency_unavailable

    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the storage expects a folder")
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": blocker / "media"},
        },
    }
    with pytest.raises(services.StorageUnavailable) as outage:
        _store(owner)
    assert is_dependency_unavailable(outage.value)  # pages answer 503 (core.views.server_error)
    assert not Upload.objects.exists()
