"""Upload hostility (issue 11 points 3 and 10): the type comes from the content, limits hold, photos are re-encoded
so that nothing but their pixels survives, and every refusal is a Dutch message at the field."""

import io
import zipfile
from pathlib import Path

import pytest
from django.core.files.storage import default_storage
from django.utils import translation
from PIL import Image

from socialebasis.audit.models import AuditEvent
from socialebasis.uploads import services
from socialebasis.uploads.files import UploadRefused, check_file
from socialebasis.uploads.forms import UploadForm
from socialebasis.uploads.models import Kind, Upload

from . import hostile
from .hostile import as_upload

pytestmark = pytest.mark.django_db

REFUSED = "Dit bestand kunnen we niet gebruiken. Kies een foto (JPG, PNG, WebP, HEIC) of een PDF."


def _form_errors(data: bytes, name: str, content_type: str, owner, **form_kwargs) -> dict:
    with translation.override("nl"):
        form = UploadForm(
            {"alt_text": "Een foto"},
            {"file": as_upload(data, name, content_type)},
            owner=owner,
            purpose="test",
            **form_kwargs,
        )
        form.is_valid()
        return {field: [str(message) for message in messages] for field, messages in form.errors.items()}


def test_svg_with_a_script_is_refused_at_the_field_in_dutch(owner):
    errors = _form_errors(hostile.svg_with_script(), "tekening.svg", "image/svg+xml", owner)
    assert errors == {"file": [REFUSED]}


def test_html_named_as_a_photo_is_refused(owner):
    errors = _form_errors(b"<html><body>" + hostile.SCRIPT + b"</body></html>", "foto.jpg", "image/jpeg", owner)
    assert errors == {"file": [REFUSED]}


def test_gif_is_not_among_the_accepted_photo_formats(owner):
    errors = _form_errors(hostile.photo("GIF"), "bewegend.gif", "image/gif", owner)
    assert errors == {"file": [REFUSED]}


def test_script_in_a_jpeg_comment_is_gone_after_storing(owner, stored_bytes):
    original = hostile.jpeg_with_script_comment()
    assert hostile.MARKER in original
    upload = services.store_upload(as_upload(original, "foto.jpg", "image/jpeg"), owner=owner, purpose="test")
    assert upload.mime_type == "image/jpeg"
    for name in (upload.file.name, upload.thumbnail.name):
        kept = stored_bytes(name)
        assert hostile.MARKER not in kept
        assert b"<script" not in kept
        assert "comment" not in Image.open(io.BytesIO(kept)).info


def test_zip_glued_behind_an_image_is_gone_after_storing(owner, stored_bytes):
    original = hostile.png_with_zip_appended()
    assert zipfile.is_zipfile(io.BytesIO(original))
    upload = services.store_upload(as_upload(original, "plaatje.png", "image/png"), owner=owner, purpose="test")
    kept = stored_bytes(upload.file.name)
    assert not zipfile.is_zipfile(io.BytesIO(kept))
    assert b"PK\x03\x04" not in kept
    assert hostile.MARKER not in kept
    assert b"payload.html" not in kept


def test_png_named_pdf_is_stored_as_the_photo_it_is(owner):
    upload = services.store_upload(
        as_upload(hostile.photo("PNG"), "verslag.pdf", "application/pdf"), owner=owner, purpose="test"
    )
    assert upload.kind == Kind.PHOTO
    assert upload.mime_type == "image/jpeg"
    assert upload.file.name.endswith(".jpg")
    assert "verslag" not in upload.file.name


def test_pdf_named_jpg_is_stored_as_the_document_it_is(owner, stored_bytes):
    document = hostile.pdf()
    upload = services.store_upload(as_upload(document, "vakantie.jpg", "image/jpeg"), owner=owner, purpose="test")
    assert upload.kind == Kind.DOCUMENT
    assert upload.mime_type == "application/pdf"
    assert upload.file.name.endswith(".pdf")
    assert not upload.thumbnail
    # Documents are kept as they are.
    assert stored_bytes(upload.file.name) == document


def test_a_photo_only_field_refuses_a_pdf(owner):
    errors = _form_errors(hostile.pdf(), "foto.jpg", "image/jpeg", owner, kinds=[Kind.PHOTO])
    assert errors == {"file": ["Dit bestand kunnen we niet gebruiken. Kies een foto (JPG, PNG, WebP, HEIC)."]}


def test_a_file_over_the_size_limit_is_refused(owner, settings):
    settings.UPLOADS_MAX_BYTES = 2000
    big = hostile.pdf(pages=30)
    assert len(big) > 2000
    errors = _form_errors(big, "groot.pdf", "application/pdf", owner)
    assert errors == {"file": ["Dit bestand is te groot. Kies een bestand van maximaal 2,0\xa0KB."]}
    with pytest.raises(UploadRefused) as refused:
        check_file(big)
    assert refused.value.code == "too_large"


def test_an_empty_file_is_refused(owner):
    with pytest.raises(UploadRefused):
        check_file(b"")
    errors = _form_errors(b"", "leeg.jpg", "image/jpeg", owner)
    assert list(errors) == ["file"]


@pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning")
@pytest.mark.parametrize("width, height", [(30_000, 30_000), (10_000, 10_000)])
def test_decompression_bomb_is_refused_on_its_header_before_decoding(owner, width, height):
    bomb = hostile.png_bomb(width, height)
    assert len(bomb) < 50_000  # a small file...
    with pytest.raises(UploadRefused) as refused:
        check_file(bomb)
    # ...refused for its pixels: had it been decoded, its missing rows would have made it "damaged" instead.
    assert refused.value.code == "too_many_pixels"
    errors = _form_errors(bomb, "bom.png", "image/png", owner)
    assert errors == {"file": ["Deze foto heeft te veel pixels. Kies een kleinere foto (maximaal 50 megapixel)."]}


def test_pixel_limit_comes_from_the_settings(owner, settings):
    settings.UPLOADS_MAX_PIXELS = 1000
    with pytest.raises(UploadRefused) as refused:
        check_file(hostile.photo("PNG", size=(40, 40)))
    assert refused.value.code == "too_many_pixels"
    assert check_file(hostile.photo("PNG", size=(20, 20))).kind == Kind.PHOTO


def test_truncated_jpeg_is_refused(owner):
    whole = hostile.photo("JPEG", size=(400, 300))
    errors = _form_errors(whole[: len(whole) // 2], "half.jpg", "image/jpeg", owner)
    assert errors == {
        "file": [
            "We kunnen deze foto niet openen. Misschien is hij beschadigd of niet helemaal verstuurd. "
            "Kies de foto nog een keer."
        ]
    }


def test_truncated_jpeg_is_refused_also_after_the_pdf_report_loosened_pillow(owner):
    # WeasyPrint (the printable report) switches Pillow's refusal of truncated images off for the whole process
    # when it is imported; a worker that made a report before must still refuse a half photo.
    import weasyprint  # noqa: F401
    from PIL import ImageFile

    assert ImageFile.LOAD_TRUNCATED_IMAGES is True
    whole = hostile.photo("JPEG", size=(400, 300))
    errors = _form_errors(whole[: len(whole) // 2], "half.jpg", "image/jpeg", owner)
    assert list(errors) == ["file"]
    assert ImageFile.LOAD_TRUNCATED_IMAGES is True  # left as WeasyPrint wants it


def test_damaged_pdf_is_refused(owner):
    errors = _form_errors(b"%PDF-1.7\n" + b"\x00" * 200, "kapot.pdf", "application/pdf", owner)
    assert errors == {
        "file": [
            "We kunnen deze PDF niet lezen. Misschien is hij beschadigd of niet compleet. "
            "Sla hem opnieuw op en kies hem nog een keer."
        ]
    }


def test_pdf_with_a_password_is_refused(owner):
    errors = _form_errors(hostile.encrypted_pdf(), "geheim.pdf", "application/pdf", owner)
    assert errors == {"file": ["Deze PDF is beveiligd met een wachtwoord. Kies een PDF zonder wachtwoord."]}


def test_gps_position_and_all_other_exif_are_gone_after_storing(owner, stored_bytes):
    original = hostile.jpeg_with_gps()
    assert Image.open(io.BytesIO(original)).getexif().get_ifd(0x8825)  # the GPS block is there before
    upload = services.store_upload(as_upload(original, "IMG_0001.jpg", "image/jpeg"), owner=owner, purpose="test")
    for name in (upload.file.name, upload.thumbnail.name):
        kept = stored_bytes(name)
        image = Image.open(io.BytesIO(kept))
        assert not image.getexif()
        assert "exif" not in image.info
        assert b"Exif" not in kept
        assert b"SB-Testcam" not in kept


def test_orientation_is_applied_before_the_exif_is_dropped(owner, stored_bytes):
    # Orientation 6: the camera was held upright, so the 120 by 80 sensor image is shown as 80 by 120.
    upload = services.store_upload(
        as_upload(hostile.jpeg_with_gps(orientation=6), "staand.jpg"), owner=owner, purpose="test"
    )
    assert (upload.width, upload.height) == (80, 120)
    image = Image.open(io.BytesIO(stored_bytes(upload.file.name)))
    assert image.size == (80, 120)
    # The red corner was top-left on the sensor; turned a quarter clockwise it is top-right.
    red, _green, blue = image.convert("RGB").getpixel((75, 5))
    assert red > 200 and blue < 80


def test_heic_photo_is_stored_as_jpeg(owner, stored_bytes):
    original = hostile.heic_photo()
    assert original[4:12] == b"ftypheic"
    upload = services.store_upload(as_upload(original, "IMG_0002.HEIC", "image/heic"), owner=owner, purpose="test")
    assert (upload.kind, upload.mime_type) == (Kind.PHOTO, "image/jpeg")
    assert Image.open(io.BytesIO(stored_bytes(upload.file.name))).format == "JPEG"
    assert upload.original_name == "IMG_0002.jpg"


def test_transparent_png_keeps_its_transparency(owner, stored_bytes):
    upload = services.store_upload(as_upload(hostile.photo("PNG", alpha=True), "logo.png"), owner=owner, purpose="test")
    assert upload.mime_type == "image/png"
    assert Image.open(io.BytesIO(stored_bytes(upload.file.name))).mode == "RGBA"


def test_webp_is_accepted_and_large_photos_are_scaled_down(owner, settings):
    settings.UPLOADS_PHOTO_MAX_SIDE = 100
    upload = services.store_upload(
        as_upload(hostile.photo("WEBP", size=(400, 200)), "foto.webp"), owner=owner, purpose="test"
    )
    assert (upload.width, upload.height) == (100, 50)
    assert (upload.thumbnail_width, upload.thumbnail_height) == (100, 50)


def test_refused_file_leaves_nothing_behind(owner):
    before = _files_in_storage()
    with pytest.raises(UploadRefused):
        services.store_upload(as_upload(hostile.svg_with_script(), "x.svg"), owner=owner, purpose="test")
    assert not Upload.objects.exists()
    assert not AuditEvent.objects.filter(object_type="uploads.upload").exists()
    assert _files_in_storage() == before


def _files_in_storage() -> set[str]:
    root = Path(default_storage.location)
    return {str(path.relative_to(root)) for path in root.rglob("*") if path.is_file()}
