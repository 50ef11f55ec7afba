"""Whatever bytes arrive, storing them either gives a photo or PDF of a safe type, or our own refusal; never a
crash of a decoder, a parser or the storage (issue 11 point 10)."""

import io

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from PIL import Image

from socialebasis.uploads import services
from socialebasis.uploads.files import UploadRefused
from socialebasis.uploads.models import Kind

from . import hostile
from .hostile import as_upload

pytestmark = pytest.mark.django_db

SAFE_TYPES = {(Kind.PHOTO, "image/jpeg"), (Kind.PHOTO, "image/png"), (Kind.DOCUMENT, "application/pdf")}

# Random bytes rarely look like anything; starting some of them with a real header, or cutting a real file
# short and flipping bytes in it, sends them deep into the decoders and the PDF parser.
_headers = st.sampled_from(
    [
        b"",
        b"%PDF-1.7\n",
        b"\x89PNG\r\n\x1a\n",
        b"\xff\xd8\xff\xe0",
        b"RIFF\x00\x00\x00\x00WEBPVP8 ",
        b"\x00\x00\x00\x18ftypheic",
        b"<svg",
        b"GIF89a",
    ]
)
_real_files = st.sampled_from([hostile.photo("JPEG"), hostile.photo("PNG"), hostile.photo("WEBP"), hostile.pdf()])


@st.composite
def _damaged(draw) -> bytes:
    data = bytearray(draw(_real_files))
    cut = draw(st.one_of(st.none(), st.integers(min_value=1, max_value=len(data))))
    data = data[:cut]
    for _ in range(draw(st.sampled_from([0, 0, 1, 4, 8]))):
        position = draw(st.integers(min_value=0, max_value=len(data) - 1))
        data[position] = draw(st.integers(min_value=0, max_value=255))
    return bytes(data)


arbitrary_files = st.one_of(st.builds(lambda head, tail: head + tail, _headers, st.binary(max_size=2048)), _damaged())


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=arbitrary_files, name=st.sampled_from(["foto.jpg", "brief.pdf", "x.svg", "", "../../etc/passwd"]))
def test_storing_any_bytes_gives_a_safe_type_or_our_refusal(owner, stored_bytes, data, name):
    try:
        upload = services.store_upload(as_upload(data, name or "bestand"), owner=owner, purpose="test")
    except UploadRefused as refused:
        assert refused.messages and all(refused.messages)
        event(f"refused: {refused.code}")
        return
    event(f"stored: {upload.mime_type}")
    assert (upload.kind, upload.mime_type) in SAFE_TYPES
    assert ".." not in upload.file.name and "passwd" not in upload.file.name
    if upload.kind == Kind.PHOTO:
        image = Image.open(io.BytesIO(stored_bytes(upload.file.name)))
        image.load()
        assert Image.MIME[image.format] == upload.mime_type
    else:
        assert stored_bytes(upload.file.name).startswith(b"%PDF-")
