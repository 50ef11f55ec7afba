"""ADR 0040 (privacy review): the description of a signal is free text that may name the reporter or a neighbour. It
is in the reporter's data export; a year after the signal was raised (SIGNALLING_REPORTER_RETENTION_DAYS, when the
reporter is made anonymous) a handled signal loses it; erasing the reporter's account blanks it at once. The same
holds for the outcome, staff's note back, which may name the same people. The signal itself stays, so it is still
counted."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from socialebasis.accounts.tests.factories import UserFactory
from socialebasis.privacy.services import apply_retention, erase_account, export_personal_data
from socialebasis.signalling.factories import SignalFactory, a_district
from socialebasis.signalling.models import ReporterContact, Signal, SignalStatus

pytestmark = pytest.mark.django_db

TEXT = "Mevrouw De Vries op nummer 3 komt de deur niet meer uit."
OUTCOME = "De ouderenadviseur is bij mevrouw De Vries langs geweest."


def test_the_reporter_finds_the_description_in_their_export(seed_areas):
    reporter = UserFactory()
    SignalFactory(reporter=reporter, description=TEXT, outcome=OUTCOME)
    SignalFactory(reporter=UserFactory(), description="Iets van een ander", outcome="Iets anders")

    section = next(s for s in export_personal_data(reporter) if s["model"] == "signalling.Signal")

    assert [(row["description"], row["outcome"]) for row in section["rows"]] == [(TEXT, OUTCOME)]


def test_a_handled_signal_loses_its_description_a_year_after_it_was_raised(seed_areas):
    long_ago = timezone.now() - timedelta(days=366)
    handled = SignalFactory(
        reporter=UserFactory(), description=TEXT, outcome=OUTCOME, status=SignalStatus.CLOSED, created_at=long_ago
    )
    still_open = SignalFactory(
        reporter=UserFactory(), description=TEXT, status=SignalStatus.IN_PROGRESS, created_at=long_ago
    )
    recent = SignalFactory(reporter=UserFactory(), description=TEXT, status=SignalStatus.CLOSED)

    apply_retention()

    assert Signal.objects.filter(pk=handled.pk, description="", outcome="").exists()
    assert Signal.objects.get(pk=still_open.pk).description == TEXT  # still being worked on
    assert Signal.objects.get(pk=recent.pk).description == TEXT
    assert ReporterContact.objects.get(signal=handled).user is None
    assert apply_retention().get("signalling.Signal", 0) == 0  # a second round changes nothing


def test_erasing_the_reporter_blanks_the_description_and_the_signal_stays(seed_areas):
    reporter = UserFactory()
    signal = SignalFactory(reporter=reporter, description=TEXT, outcome=OUTCOME)

    erase_account(reporter, actor=reporter)

    assert Signal.objects.filter(pk=signal.pk, description="", outcome="").exists()


def test_staff_read_that_the_description_was_removed(seed_areas, client, verified):
    staff = UserFactory(professional=True, municipalities=[a_district("GM0828").municipality])
    signal = SignalFactory(reporter=UserFactory(), description="", status=SignalStatus.CLOSED)
    verified(client, staff)

    page = client.get(reverse("signalling:detail", args=[signal.pk]))

    assert "De tekst van dit signaal is weggehaald" in page.content.decode()
