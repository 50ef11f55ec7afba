"""The field and the include other apps use: a plain file input that works without JavaScript, Dutch errors at the
field, a required description for photos, and a thumbnail that points at the permission-checked address."""

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from socialebasis.uploads import services
from socialebasis.uploads.forms import UploadField, UploadForm
from socialebasis.uploads.models import Kind, Upload

from . import hostile
from .hostile import as_upload

pytestmark = pytest.mark.django_db


def test_field_is_a_plain_file_input_with_utrecht_classes_and_a_hint_for_the_chooser():
    with translation.override("nl"):
        field = UploadField(kinds=[Kind.PHOTO])
        html = field.widget.render("photo", None)
        help_text = str(field.help_text)
    assert 'type="file"' in html
    assert "utrecht-textbox" in html
    assert 'accept="image/jpeg,image/png,image/webp,image/heic,image/heif,.heic,.heif"' in html
    assert help_text == "Een foto (JPG, PNG, WebP of HEIC), maximaal 10,0\xa0MB."  # a space that does not break


def test_form_asks_what_a_photo_shows(owner):
    with translation.override("nl"):
        form = UploadForm({}, {"file": as_upload(hostile.photo(), "foto.jpg")}, owner=owner, purpose="test")
        assert not form.is_valid()
        assert form.errors == {"alt_text": ["Beschrijf wat er op de foto staat, voor mensen die hem niet kunnen zien."]}
    assert not Upload.objects.exists()


def test_form_without_a_file_says_so_at_the_field(owner):
    with translation.override("nl"):
        form = UploadForm({"alt_text": "Iets"}, {}, owner=owner, purpose="test")
        assert not form.is_valid()
        assert form.errors == {"file": ["Kies een bestand."]}


def test_form_stores_a_photo_with_its_description(owner):
    form = UploadForm(
        {"alt_text": "Twee buren op een bankje"},
        {"file": as_upload(hostile.jpeg_with_gps(), "IMG_0003.jpg", "image/jpeg")},
        owner=owner,
        purpose="story-photo",
    )
    assert form.is_valid(), form.errors
    upload = form.save()
    assert (upload.owner, upload.purpose, upload.alt_text) == (owner, "story-photo", "Twee buren op een bankje")


def test_document_form_has_no_description_field(owner):
    form = UploadForm(
        {}, {"file": as_upload(hostile.pdf(), "brief.pdf")}, owner=owner, purpose="grant", kinds=[Kind.DOCUMENT]
    )
    assert "alt_text" not in form.fields
    assert form.is_valid(), form.errors
    assert form.save().kind == Kind.DOCUMENT


def test_include_shows_the_thumbnail_with_its_description_through_the_checked_address(owner):
    upload = services.store_upload(hostile.photo(size=(800, 600)), owner=owner, purpose="test", alt_text="De moestuin")
    html = render_to_string("uploads/_upload.html", {"upload": upload, "caption": "Zomer 2026"})
    assert f'src="{reverse("uploads:thumbnail", args=[upload.pk])}"' in html
    assert f'href="{reverse("uploads:file", args=[upload.pk])}"' in html
    assert 'alt="De moestuin"' in html
    assert 'width="480" height="360"' in html
    assert "Zomer 2026" in html
    assert upload.file.name not in html


def test_include_shows_a_document_as_a_download_link(owner):
    upload = services.store_upload(as_upload(hostile.pdf(), "Begroting 2026.pdf"), owner=owner, purpose="test")
    with translation.override("nl"):
        html = render_to_string("uploads/_upload.html", {"upload": upload})
    assert f'href="{reverse("uploads:file", args=[upload.pk])}"' in html
    assert "Begroting 2026.pdf" in html
    assert "PDF," in html
