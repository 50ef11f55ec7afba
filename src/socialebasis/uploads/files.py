"""Check an uploaded file and make it safe to keep: the type from the content, limits, re-encoding of photos.

Nothing here touches the database or the storage. `check_file` reads the bytes, decides from the content alone
whether they are a photo (JPEG, PNG, WebP, HEIC: opened and decoded by Pillow, HEIC through pillow-heif) or a
PDF document (its header, then a parse by pypdf), and refuses everything else with `UploadRefused`, a
ValidationError with a Dutch message that a form shows at the field.

A photo is never kept as it came in. Its pixels are decoded, turned upright by the EXIF orientation, converted to
sRGB, scaled down to UPLOADS_PHOTO_MAX_SIDE and written into a new image that carries no metadata at all: no
EXIF (so no GPS position), no comments, no ICC or XMP blocks. Whatever else the file smuggled along (a script in a
comment, a ZIP archive appended after the image data) is not part of the pixels and so is gone.
A PDF is kept as it is: it is a document, and changing it could change what it says. It is served so that a
browser downloads it and never shows it as a page of ours (views.py).
"""

import io
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import PurePath

import pillow_heif
import pypdf
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from PIL import Image, ImageCms, ImageFile, ImageOps

from .models import Kind

# HEIC photos (the iPhone's default) open through Pillow like any other format.
pillow_heif.register_heif_opener()

# Pillow's names of the formats we accept; Image.open tries only these, whatever the file is called.
PHOTO_FORMATS = ("JPEG", "PNG", "WEBP", "HEIF")
THUMBNAIL_SIDE = 480
JPEG_QUALITY = 85
PDF_MIME_TYPE = "application/pdf"
# Hints for the browser's file chooser only; the content decides.
ACCEPT = {
    Kind.PHOTO: "image/jpeg,image/png,image/webp,image/heic,image/heif,.heic,.heif",
    Kind.DOCUMENT: "application/pdf",
}
ALL_KINDS = (Kind.PHOTO, Kind.DOCUMENT)

REFUSED_TYPE = {
    frozenset(ALL_KINDS): gettext_lazy("We cannot use this file. Choose a photo (JPG, PNG, WebP, HEIC) or a PDF."),
    frozenset({Kind.PHOTO}): gettext_lazy("We cannot use this file. Choose a photo (JPG, PNG, WebP, HEIC)."),
    frozenset({Kind.DOCUMENT}): gettext_lazy("We cannot use this file. Choose a PDF."),
}


class UploadRefused(ValidationError):
    """The file cannot be used; the message says why, in words for the person who chose it."""


@dataclass(frozen=True)
class CheckedFile:
    """A file that passed every check, ready to store: for a photo, the re-encoded image and its thumbnail."""

    kind: Kind
    mime_type: str
    extension: str
    content: bytes
    original_name: str = ""
    width: int | None = None
    height: int | None = None
    thumbnail: bytes | None = None
    thumbnail_width: int | None = None
    thumbnail_height: int | None = None


def check_file(file, *, kinds=ALL_KINDS) -> CheckedFile:
    """Read `file` (an uploaded file, any file object, or bytes) and return it checked, or raise UploadRefused."""
    kinds = frozenset(kinds)
    original_name = _original_name(file)
    data = _read_within_limit(file)
    if not data:
        raise UploadRefused(_("This file is empty. Choose another file."), code="empty")
    if data.startswith(b"%PDF-"):
        if Kind.DOCUMENT not in kinds:
            raise UploadRefused(REFUSED_TYPE[kinds], code="type")
        return _checked_pdf(data, original_name)
    if Kind.PHOTO not in kinds:
        raise UploadRefused(REFUSED_TYPE[kinds], code="type")
    return _checked_photo(data, original_name, kinds)


def _original_name(file) -> str:
    name = getattr(file, "name", "") or ""
    return PurePath(str(name).replace("\\", "/")).name[:150]


def _read_within_limit(file) -> bytes:
    limit = settings.UPLOADS_MAX_BYTES
    if isinstance(file, bytes | bytearray):
        data = bytes(file)
    else:
        size = getattr(file, "size", None)
        if size is not None and size > limit:
            raise _too_large(limit)
        if hasattr(file, "seek"):
            file.seek(0)
        data = file.read(limit + 1)
    if len(data) > limit:
        raise _too_large(limit)
    return data


def _too_large(limit: int) -> UploadRefused:
    return UploadRefused(
        _("This file is too large. Choose a file of at most %(size)s.") % {"size": filesizeformat(limit)},
        code="too_large",
    )


def _checked_pdf(data: bytes, original_name: str) -> CheckedFile:
    refused = UploadRefused(
        _("We cannot read this PDF. It may be damaged or incomplete. Save it again and choose it once more."),
        code="damaged",
    )
    try:
        reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            raise UploadRefused(
                _("This PDF is protected with a password. Choose a PDF without a password."), code="encrypted"
            )
        pages = len(reader.pages)
    except UploadRefused:
        raise
    except Exception as exc:
        # A parser fed hostile bytes can fail in many ways; each of them means the file is not a usable PDF.
        raise refused from exc
    if pages < 1:
        raise refused
    stem = PurePath(original_name).stem or "document"
    return CheckedFile(Kind.DOCUMENT, PDF_MIME_TYPE, "pdf", data, original_name=f"{stem}.pdf")


_STRICT = threading.Lock()


@contextmanager
def _refusing_truncated_images():
    """Decode with Pillow's refusal of truncated data switched on, whatever another library set.

    The switch is one global of Pillow, and WeasyPrint (the PDF report) turns it off for good when it is imported:
    from then on a truncated upload would decode with grey where the data stops. The lock keeps two uploads in this
    process from restoring each other's value; a PDF made at the same moment refuses a truncated image of its own
    for that instant, which our reports (their charts are our own SVG) never hold.
    """
    with _STRICT:
        before = ImageFile.LOAD_TRUNCATED_IMAGES
        ImageFile.LOAD_TRUNCATED_IMAGES = False
        try:
            yield
        finally:
            ImageFile.LOAD_TRUNCATED_IMAGES = before


def _checked_photo(data: bytes, original_name: str, kinds: frozenset) -> CheckedFile:
    not_usable = UploadRefused(REFUSED_TYPE[kinds], code="type")
    damaged = UploadRefused(
        _("We cannot open this photo. It may be damaged or incomplete. Choose the photo once more."), code="damaged"
    )
    try:
        image = Image.open(io.BytesIO(data), formats=PHOTO_FORMATS)
    except Image.DecompressionBombError as exc:
        raise _too_many_pixels() from exc
    except Exception as exc:
        # Not one of our formats (an SVG, a GIF, HTML, a document with a photo's name), or its header is broken.
        raise not_usable from exc
    # The header tells the size; a "decompression bomb" (a small file that decodes to a huge image) is refused
    # here, before a single pixel is decoded.
    if image.width * image.height > settings.UPLOADS_MAX_PIXELS:
        raise _too_many_pixels()
    try:
        with _refusing_truncated_images():
            image.verify()
            image = Image.open(io.BytesIO(data), formats=PHOTO_FORMATS)
            clean = _clean_pixels(image)
    except Image.DecompressionBombError as exc:
        raise _too_many_pixels() from exc
    except Exception as exc:
        # Truncated data, a broken stream, a checksum that does not match: the photo cannot be decoded safely.
        raise damaged from exc
    has_alpha = clean.mode == "RGBA"
    extension, mime_type = ("png", "image/png") if has_alpha else ("jpg", "image/jpeg")
    content = _encode(clean, extension)
    thumbnail = clean.copy()
    thumbnail.thumbnail((THUMBNAIL_SIDE, THUMBNAIL_SIDE), Image.Resampling.LANCZOS)
    stem = PurePath(original_name).stem or "foto"
    return CheckedFile(
        Kind.PHOTO,
        mime_type,
        extension,
        content,
        original_name=f"{stem}.{extension}",
        width=clean.width,
        height=clean.height,
        thumbnail=_encode(thumbnail, extension),
        thumbnail_width=thumbnail.width,
        thumbnail_height=thumbnail.height,
    )


def _too_many_pixels() -> UploadRefused:
    return UploadRefused(
        _("This photo has too many pixels. Choose a smaller photo (at most %(megapixels)s megapixels).")
        % {"megapixels": settings.UPLOADS_MAX_PIXELS // 1_000_000 or 1},
        code="too_many_pixels",
    )


def _clean_pixels(image: Image.Image) -> Image.Image:
    """The photo's pixels, upright, in sRGB, at most UPLOADS_PHOTO_MAX_SIDE, in a new image without metadata."""
    side = settings.UPLOADS_PHOTO_MAX_SIDE
    if image.format == "JPEG" or image.format == "MPO":
        # Let the JPEG decoder scale down while decoding: far less memory for a large phone photo.
        image.draft("RGB", (side, side))
    image.seek(0)  # the first picture of an animated or multi-picture file
    image.load()
    image = ImageOps.exif_transpose(image)
    image = _to_srgb(image)
    image.thumbnail((side, side), Image.Resampling.LANCZOS)
    # Copy only the pixels: Pillow would otherwise write some of what it read back out (a JPEG's comment, a
    # PNG's or WebP's EXIF and ICC profile).
    return Image.frombytes(image.mode, image.size, image.tobytes())


def _to_srgb(image: Image.Image) -> Image.Image:
    has_alpha = image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info)
    mode = "RGBA" if has_alpha else "RGB"
    profile = image.info.get("icc_profile")
    if profile and image.mode in ("RGB", "RGBA", "CMYK", "L"):
        try:
            source = ImageCms.ImageCmsProfile(io.BytesIO(profile))
            target = ImageCms.createProfile("sRGB")
            return ImageCms.profileToProfile(image, source, target, outputMode=mode)
        except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
            pass  # a broken or unusual profile: keep the pixels as they are
    return image.convert(mode)


def _encode(image: Image.Image, extension: str) -> bytes:
    out = io.BytesIO()
    if extension == "png":
        image.save(out, "PNG", optimize=True)
    else:
        image.save(out, "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True)
    return out.getvalue()
