"""A stored report PDF holds what its readers could read that day (stories with the teller's name, for one): the
register's retention round deletes it after its period, and a withdrawn story takes the stored PDFs of its areas
with it at once."""

from datetime import timedelta

import pytest
from django.utils import timezone

from socialebasis.core.personal_data_register import processing_of
from socialebasis.privacy import services as privacy_services
from socialebasis.profiles import services
from socialebasis.profiles.models import ReportPdf, ReportStatus

pytestmark = pytest.mark.django_db


def _pdf(code: str, html: str) -> ReportPdf:
    report = services.request_report_pdf(code=code, division_year=2024, html=html, base_url="http://testserver/")
    ReportPdf.objects.filter(pk=report.pk).update(status=ReportStatus.READY, html="", pdf=b"%PDF-1.7 Anna")
    return report


def test_report_pdfs_are_declared_in_the_register():
    assert processing_of(ReportPdf) is not None


def test_the_retention_round_deletes_report_pdfs_after_their_period(settings, django_capture_on_commit_callbacks):
    settings.REPORT_PDF_RETENTION_DAYS = 7
    now = timezone.now()
    with django_capture_on_commit_callbacks(execute=False):
        old = _pdf("WK082801", "<p>Verhaal van Anna</p>")
        new = _pdf("WK082801", "<p>Verhaal van Bram</p>")
    ReportPdf.objects.filter(pk=old.pk).update(requested_at=now - timedelta(days=8))

    report = privacy_services.apply_retention(now)

    assert report["profiles.ReportPdf"] == 1
    assert list(ReportPdf.objects.values_list("pk", flat=True)) == [new.pk]
    assert "profiles.ReportPdf" not in privacy_services.apply_retention(now)


def test_dropping_the_pdfs_of_areas_leaves_other_areas(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        _pdf("WK082801", "<p>wijk</p>")
        _pdf("GM0828", "<p>gemeente</p>")
        other = _pdf("GM0797", "<p>elders</p>")

    assert services.drop_report_pdfs(["WK082801", "GM0828"]) == 2
    assert list(ReportPdf.objects.values_list("pk", flat=True)) == [other.pk]
