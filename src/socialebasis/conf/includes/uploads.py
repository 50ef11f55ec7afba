"""Private uploads (photos and PDF documents): limits, and where the files are kept (docs/adr/0024).

Files are kept through Django's storage API: on the file system under MEDIA_ROOT (the demo: var/media/ in the
checkout), or in an S3-compatible bucket when UPLOADS_S3_BUCKET is set. Either way they are never served from a
public address; socialebasis.uploads serves each file through a view that asks the permission helper first.
"""

from pathlib import Path

from ..env import config

_CHECKOUT = Path(__file__).resolve().parents[4]

UPLOADS_MAX_BYTES = config(
    "UPLOADS_MAX_BYTES", 10 * 1024 * 1024, "Largest file a user may upload, in bytes (photo or PDF)."
)
UPLOADS_MAX_PIXELS = config(
    "UPLOADS_MAX_PIXELS",
    50_000_000,
    "Largest photo a user may upload, in pixels (width times height); larger ones are refused before decoding.",
)
UPLOADS_PHOTO_MAX_SIDE = config(
    "UPLOADS_PHOTO_MAX_SIDE", 2560, "Photos are stored at most this many pixels wide and high (scaled down)."
)

MEDIA_ROOT = Path(
    config(
        "MEDIA_ROOT",
        str(_CHECKOUT / "var" / "media"),
        "Folder for uploaded files when they are kept on the file system (no UPLOADS_S3_BUCKET).",
    )
)

_S3_BUCKET = config(
    "UPLOADS_S3_BUCKET",
    "",
    "S3-compatible bucket for uploaded files (needs django-storages[s3], see deployment.md). Empty: the file "
    "system under MEDIA_ROOT.",
)
_S3_ENDPOINT_URL = config(
    "UPLOADS_S3_ENDPOINT_URL", "", "Address of the S3-compatible service, e.g. https://s3.example.nl. Empty: AWS."
)
_S3_REGION = config("UPLOADS_S3_REGION", "", "Region of the bucket, if the service needs one.")
_S3_ACCESS_KEY_ID = config("UPLOADS_S3_ACCESS_KEY_ID", "", "Access key for the bucket.")
_S3_SECRET_ACCESS_KEY = config("UPLOADS_S3_SECRET_ACCESS_KEY", "", "Secret key for the bucket.")

if _S3_BUCKET:
    # Private objects, no public URLs and no overwriting; the app reads each file and serves it itself.
    UPLOADS_STORAGE = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": _S3_BUCKET,
            "endpoint_url": _S3_ENDPOINT_URL or None,
            "region_name": _S3_REGION or None,
            "access_key": _S3_ACCESS_KEY_ID or None,
            "secret_key": _S3_SECRET_ACCESS_KEY or None,
            "default_acl": "private",
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }
else:
    UPLOADS_STORAGE = {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": MEDIA_ROOT, "file_permissions_mode": 0o640, "directory_permissions_mode": 0o750},
    }
