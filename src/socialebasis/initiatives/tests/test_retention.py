"""Applications leave with the archive rules (issue 15 point 8): a granted file after seven years, a declined or
withdrawn one after one year; the nightly round of the personal-data register does it."""

from datetime import timedelta

import pytest
from django.utils import timezone

from socialebasis.initiatives.models import Application
from socialebasis.privacy.services import apply_retention

pytestmark = pytest.mark.django_db


def _aged(application, *, days: int, **state) -> int:
    Application.objects.filter(pk=application.pk).update(updated_at=timezone.now() - timedelta(days=days), **state)
    return application.pk


def test_granted_files_stay_seven_years_and_declined_ones_one(make_application):
    granted_recent = _aged(make_application(title="Moestuin"), days=2 * 365, decision="granted")
    granted_old = _aged(make_application(title="Buurtfeest"), days=8 * 365, decision="granted")
    declined_old = _aged(make_application(title="Bankje"), days=2 * 365, decision="declined")
    declined_recent = _aged(make_application(title="Muurschildering"), days=100, decision="declined")

    report = apply_retention()

    kept = set(Application.objects.values_list("pk", flat=True))
    assert kept == {granted_recent, declined_recent}
    assert granted_old not in kept and declined_old not in kept
    assert report["initiatives.Application"] == 2
