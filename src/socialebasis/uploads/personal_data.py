"""Personal data of uploads, declared for the register (socialebasis/privacy).

Photos and documents are personal data of the person who uploaded them, and a photo may show others. They live as
long as the object they belong to; a file that nothing took up is removed after a day (`delete_orphans`).
"""

from django.utils.translation import gettext_lazy as _

from socialebasis.core.personal_data_register import LegalBasis, Processing, Retention, declare


def _export(user) -> list[dict]:
    from django.urls import reverse

    from .models import Upload

    return [
        {
            "original_name": upload.original_name,
            "kind": upload.get_kind_display(),
            "alt_text": upload.alt_text,
            "created_at": upload.created_at.isoformat(),
            "file": reverse("uploads:file", args=[upload.pk]),
        }
        for upload in Upload.objects.filter(owner=user).order_by("created_at")
    ]


def _erase(user) -> int:
    from . import services

    return services.erase_uploads_of(user)


def _expire(now) -> int:
    from . import services

    return services.delete_orphans(now)


declare(
    Processing(
        model="uploads.Upload",
        fields=("owner", "original_name", "alt_text", "file", "thumbnail"),
        person="owner",
        purpose=_("Photos and documents you add to what you share (a story, an initiative, an application)."),
        legal_basis=LegalBasis.AGREEMENT,
        subjects=_("people who upload a photo or document, and people shown in a photo"),
        retention=Retention(
            description=_("as long as what it belongs to exists; a file that was never used is removed after a day")
        ),
        export=_export,
        erase=_erase,
        expire=_expire,
    )
)
