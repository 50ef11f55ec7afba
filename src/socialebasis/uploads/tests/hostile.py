"""Files made by the tests themselves, friendly and hostile; nothing is copied from elsewhere."""

import io
import struct
import zipfile
import zlib

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import ExifTags, Image

SCRIPT = b"<script>alert('sb-upload-payload')</script>"
MARKER = b"sb-upload-payload"


def photo(fmt: str = "JPEG", size=(120, 80), colour=(20, 120, 200), **save) -> bytes:
    mode = "RGBA" if fmt == "PNG" and save.pop("alpha", False) else "RGB"
    image = Image.new(mode, size, colour if mode == "RGB" else (*colour, 128))
    # A little structure, so that orientation can be seen after storing: the top-left corner is red.
    image.paste((255, 0, 0) if mode == "RGB" else (255, 0, 0, 255), (0, 0, size[0] // 4, size[1] // 4))
    out = io.BytesIO()
    image.save(out, fmt, **save)
    return out.getvalue()


def jpeg_with_gps(orientation: int = 1) -> bytes:
    """A photo as a phone writes it: camera make, the place it was taken (Heusden) and an orientation."""
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "SB-Testcam"
    exif[ExifTags.Base.Orientation] = orientation
    exif[ExifTags.IFD.GPSInfo] = {
        ExifTags.GPS.GPSLatitudeRef: "N",
        ExifTags.GPS.GPSLatitude: (51.0, 41.0, 44.0),
        ExifTags.GPS.GPSLongitudeRef: "E",
        ExifTags.GPS.GPSLongitude: (5.0, 8.0, 3.0),
    }
    return photo("JPEG", exif=exif)


def jpeg_with_script_comment() -> bytes:
    """An HTML/JS polyglot: a valid JPEG whose comment segment is a script a browser might run if it sniffed."""
    return photo("JPEG", comment=b"*/" + SCRIPT + b"/*")


def png_with_zip_appended() -> bytes:
    """GIFAR-style: a valid PNG with a ZIP archive (think: a Java applet or an Office file) glued behind it."""
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("payload.html", SCRIPT)
    return photo("PNG") + archive.getvalue()


def svg_with_script() -> bytes:
    return (
        b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
        b'<rect width="10" height="10"/>' + SCRIPT + b"</svg>"
    )


def pdf(pages: int = 1, *, text: bytes = b"Aanvraag") -> bytes:
    """A small valid PDF, written by hand (objects, cross-reference table, trailer)."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    kids = " ".join(f"{3 + 2 * i} 0 R" for i in range(pages)).encode()
    objects.append(b"<< /Type /Pages /Kids [" + kids + b"] /Count " + str(pages).encode() + b" >>")
    for i in range(pages):
        stream = b"BT /F1 12 Tf 72 720 Td (" + text + b") Tj ET"
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents " + str(4 + 2 * i).encode() + b" 0 R >>"
        )
        objects.append(b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream")
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


def encrypted_pdf() -> bytes:
    import pypdf

    writer = pypdf.PdfWriter(clone_from=io.BytesIO(pdf()))
    writer.encrypt("geheim")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def png_bomb(width: int, height: int) -> bytes:
    """A PNG whose header claims a huge picture, with only a few rows of real data: decoding it would need
    width x height x 3 bytes of memory. Refusing it must happen on the header alone."""
    rows = zlib.compress((b"\x00" + b"\x00" * width * 3) * 4, 9)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
        + _png_chunk(b"IDAT", rows)
        + _png_chunk(b"IEND", b"")
    )


def heic_photo() -> bytes:
    import pillow_heif

    pillow_heif.register_heif_opener()
    return photo("HEIF", quality=60)


def as_upload(data: bytes, name: str, content_type: str = "application/octet-stream") -> SimpleUploadedFile:
    """A file as a browser sends it: any name, any claimed type."""
    return SimpleUploadedFile(name, data, content_type=content_type)
