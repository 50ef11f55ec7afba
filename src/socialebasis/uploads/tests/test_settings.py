"""Where uploaded files are kept comes from the environment, documented like every other setting."""

import importlib
from pathlib import Path

import pytest
from django.conf import settings

from socialebasis.conf import env
from socialebasis.conf.includes import uploads as upload_settings

S3_VARIABLES = {
    "UPLOADS_S3_BUCKET": "sb-bestanden",
    "UPLOADS_S3_ENDPOINT_URL": "https://s3.example.invalid",
    "UPLOADS_S3_REGION": "nl-ams",
    "UPLOADS_S3_ACCESS_KEY_ID": "sleutel",
    "UPLOADS_S3_SECRET_ACCESS_KEY": "geheim",
}


@pytest.fixture
def reread(monkeypatch):
    """Read includes/uploads.py again with other variables; afterwards as it was."""

    def read(**variables):
        for name in [*S3_VARIABLES, "MEDIA_ROOT"]:
            monkeypatch.delenv(name, raising=False)
        for name, value in variables.items():
            monkeypatch.setenv(name, value)
        return importlib.reload(upload_settings)

    yield read
    monkeypatch.undo()
    importlib.reload(upload_settings)


def test_without_a_bucket_files_are_kept_on_the_file_system_under_var_media(reread):
    module = reread()
    checkout = Path(settings.BASE_DIR)
    assert module.UPLOADS_STORAGE["BACKEND"] == "django.core.files.storage.FileSystemStorage"
    assert module.UPLOADS_STORAGE["OPTIONS"]["location"] == checkout / "var" / "media"
    assert module.UPLOADS_STORAGE["OPTIONS"]["file_permissions_mode"] == 0o640


def test_a_bucket_sends_files_to_private_s3_compatible_storage(reread):
    module = reread(**S3_VARIABLES)
    assert module.UPLOADS_STORAGE["BACKEND"] == "storages.backends.s3.S3Storage"
    options = module.UPLOADS_STORAGE["OPTIONS"]
    assert options["bucket_name"] == "sb-bestanden"
    assert options["endpoint_url"] == "https://s3.example.invalid"
    assert (options["access_key"], options["secret_key"]) == ("sleutel", "geheim")
    assert options["default_acl"] == "private"
    assert options["file_overwrite"] is False


def test_upload_settings_are_documented():
    for name in ["UPLOADS_MAX_BYTES", "UPLOADS_MAX_PIXELS", "UPLOADS_PHOTO_MAX_SIDE", "MEDIA_ROOT", *S3_VARIABLES]:
        assert env.DOCUMENTED[name][1], name
    documented = (Path(settings.BASE_DIR) / "docs" / "deployment.md").read_text()
    for name in ["UPLOADS_MAX_BYTES", "UPLOADS_MAX_PIXELS", "UPLOADS_PHOTO_MAX_SIDE", "MEDIA_ROOT", *S3_VARIABLES]:
        assert f"`{name}`" in documented, name


def test_each_test_process_keeps_its_files_in_its_own_temporary_folder():
    location = Path(settings.STORAGES["default"]["OPTIONS"]["location"])
    assert location.name.startswith("socialebasis-media-")
    assert Path(settings.BASE_DIR) not in location.parents
