"""Signals (issue 14 point 5): feedback to the reporter at every step through the real SMTP server, reopening when
not satisfied, combining into one agenda action that every reporter hears about, the contact details kept apart."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from socialebasis.accounts.tests.factories import UserFactory
from socialebasis.audit.models import AuditEvent
from socialebasis.notifications.models import Message
from socialebasis.notifications.tests.conftest import text_of
from socialebasis.privacy.services import apply_retention
from socialebasis.signalling import services
from socialebasis.signalling.factories import SignalFactory, ThemeFactory, a_district
from socialebasis.signalling.models import ReporterContact, ReporterKind, Signal, SignalStatus
from socialebasis.workflows.services import TransitionNotAllowed, transition

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(seed_areas):
    oss = a_district("GM0828").municipality
    return UserFactory(professional=True, municipalities=[oss], email="prof@example.nl")


def _report(reporter, **extra):
    wijk = a_district("GM0828")
    theme = ThemeFactory(municipality=wijk.municipality, name="Vragen over post", target_days=10)
    data = {
        "theme": theme, "district": wijk, "description": "Veel buren snappen de brieven van de gemeente niet.",
        "reporter_kind": ReporterKind.RESIDENT, **extra,
    }  # fmt: skip
    return services.report_signal(data, reporter=reporter, municipality=wijk.municipality)


def test_each_step_reaches_the_reporter_by_mail_and_a_reporter_reopens_when_not_satisfied(staff, smtp_server, commit):
    reporter = UserFactory(email="melder@example.nl")
    signal = _report(reporter)
    assert signal.due_at.date() == (signal.created_at + timedelta(days=10)).date()  # the theme's target time
    with commit():
        transition(signal, SignalStatus.IN_PROGRESS, actor=staff)
    with commit():
        transition(signal, SignalStatus.CLOSED, actor=staff, note="De bibliotheek houdt nu een spreekuur.")
    subjects = [mail["Subject"] for mail in smtp_server.received]
    assert all(mail["To"] == "melder@example.nl" for mail in smtp_server.received)
    assert subjects == [
        'Uw signaal over "Vragen over post": In behandeling',
        'Uw signaal over "Vragen over post": Afgehandeld',
    ]
    assert "De bibliotheek houdt nu een spreekuur." in text_of(smtp_server.received[-1])
    signal.refresh_from_db()
    assert signal.outcome == "De bibliotheek houdt nu een spreekuur."

    # Not satisfied: the reporter asks to look again (with a reason); staff hear it on the list, the reporter by mail.
    with commit():
        transition(signal, SignalStatus.IN_PROGRESS, actor=reporter, note="Het spreekuur is vol.")
    signal.refresh_from_db()
    assert signal.status == SignalStatus.IN_PROGRESS and signal.times_reopened == 1
    assert len(smtp_server.received) == 3
    # Someone else cannot reopen or handle it.
    with pytest.raises(TransitionNotAllowed):
        transition(signal, SignalStatus.CLOSED, actor=UserFactory(), note="x")


def test_combining_signals_puts_one_action_on_the_agenda_and_every_reporter_hears_it(staff, smtp_server, commit):
    reporters = [UserFactory(email=f"melder{i}@example.nl") for i in range(3)]
    signals = [_report(r) for r in reporters]
    agenda = {
        "title": "Hulp bij post in de wijk", "evidence": "Drie signalen.", "actions": "Spreekuur in de buurtkamer.",
        "owner_kind": "organisation", "owner_name": "Bibliotheek Oss", "municipal_role": "stimuleren",
    }  # fmt: skip
    with commit():
        item = services.combine_into_agenda(signals, actor=staff, agenda_data=agenda, note="Samen opgepakt.")
    assert item.district == signals[0].district and item.title == "Hulp bij post in de wijk"
    for signal in signals:
        signal.refresh_from_db()
        assert signal.status == SignalStatus.ON_AGENDA and signal.agenda_item == item
    assert sorted(mail["To"] for mail in smtp_server.received) == sorted(r.email for r in reporters)
    assert all("Hulp bij post in de wijk" in text_of(mail) for mail in smtp_server.received)


def test_combining_refuses_signals_of_two_wijken_and_writes_nothing(staff):
    one = SignalFactory(district=a_district("GM0828"))
    other_wijk = (
        type(one.district)
        .objects.filter(municipality=one.municipality, year=one.district.year)
        .exclude(pk=one.district.pk)[0]
    )
    two = SignalFactory(district=other_wijk)
    agenda = {"title": "X", "evidence": "Y", "owner_kind": "organisation", "owner_name": "Z", "municipal_role": "regie"}
    with pytest.raises(Exception) as refused:
        services.combine_into_agenda([one, two], actor=staff, agenda_data=agenda, note="n")
    assert "één wijk" in str(refused.value) or "one wijk" in str(refused.value)
    assert Signal.objects.filter(agenda_item__isnull=False).count() == 0


def test_contact_details_open_only_for_staff_and_not_when_anonymous_and_every_opening_is_audited(
    staff, client, verified
):
    reporter = UserFactory()
    open_one = _report(reporter, may_contact=True, contact_name="Ans", contact_email="ans@example.nl")
    anonymous = _report(reporter, anonymous=True, may_contact=True, contact_email="geheim@example.nl")
    assert ReporterContact.objects.get(signal=anonymous).contact_email == ""  # anonymous keeps nothing to contact
    verified(client, staff)
    page = client.get(reverse("signalling:contact", args=[open_one.pk]))
    assert "ans@example.nl" in page.content.decode()
    assert AuditEvent.objects.filter(actor=staff, action="view", object_type__endswith="reportercontact").count() == 1
    assert client.get(reverse("signalling:contact", args=[anonymous.pk])).status_code == 404
    with pytest.raises(PermissionDenied):
        services.open_contact(open_one, actor=reporter)
    # The signal page and the API never name the reporter.
    assert "ans@example.nl" not in client.get(reverse("signalling:detail", args=[open_one.pk])).content.decode()
    assert "ans@example.nl" not in client.get(f"/api/v1/signals/{open_one.pk}").content.decode()


def test_the_api_gives_staff_their_municipality_and_a_reporter_only_their_own(staff, client, verified):
    reporter, someone = UserFactory(), UserFactory()
    own = _report(reporter)
    other = _report(someone)
    elsewhere = SignalFactory(district=a_district("GM0797"))
    ids = lambda: {row["id"] for row in client.get("/api/v1/signals").json()["results"]}  # noqa: E731
    assert ids() == set()
    client.force_login(reporter)
    assert ids() == {own.pk}
    assert client.get(f"/api/v1/signals/{other.pk}").status_code == 404
    client.logout()
    verified(client, staff)
    assert ids() == {own.pk, other.pk}
    assert elsewhere.pk not in ids()


def test_reporters_are_anonymised_after_the_retention_period(staff, settings):
    settings.SIGNALLING_REPORTER_RETENTION_DAYS = 365
    reporter = UserFactory()
    signal = _report(reporter, may_contact=True, contact_name="Ans", contact_phone="0612345678")
    Signal.objects.filter(pk=signal.pk).update(created_at=timezone.now() - timedelta(days=366))
    young = _report(reporter, may_contact=True, contact_name="Bert", contact_phone="0687654321")
    apply_retention()
    old = ReporterContact.objects.get(signal=signal)
    assert (old.user, old.contact_name, old.contact_phone, old.anonymous) == (None, "", "", True)
    assert ReporterContact.objects.get(signal=young).contact_name == "Bert"
    assert Signal.objects.filter(pk=signal.pk).exists()  # the signal itself stays, counted
    assert not Message.objects.exists()
