import io
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from socialebasis.audit.models import AuditEvent
from socialebasis.directory import services
from socialebasis.directory.models import Activity
from socialebasis.directory.schedule import next_dates
from socialebasis.directory.vocabulary import Status

from .factories import ActivityFactory, OrganisationFactory

pytestmark = pytest.mark.django_db
AMSTERDAM = ZoneInfo("Europe/Amsterdam")


@pytest.fixture
def frameworks(seed_areas):
    call_command("load_framework_presets", stdout=io.StringIO())


def test_activity_requiring_referral_falls_outside_with_the_municipalitys_framework(frameworks):
    activity = ActivityFactory(goals=["meeting"], referral_needed=True)
    assert activity.assessment_verdict == "outside"
    decisive = [r["criterion"] for r in activity.assessment["reasons"] if r["decisive"]]
    assert "requires_referral" in decisive


def test_free_open_activity_of_volunteers_is_inside_in_heusden(frameworks):
    organisation = OrganisationFactory(kind="informal_group")
    activity = ActivityFactory(
        goals=["meeting"], organisation=organisation, answers={"individual_professional_support": False}
    )
    assert activity.assessment_verdict == "inside"
    assert activity.assessment["framework_version"] == 1


def test_without_a_framework_there_is_no_verdict(seed_areas):
    assert ActivityFactory(goals=["meeting"]).assessment == {}


def test_professional_overrides_the_verdict_with_a_note_and_it_is_audited(client, frameworks, user_factory, verified):
    activity = ActivityFactory(goals=["meeting"], referral_needed=True)
    professional = user_factory(professional=True, municipalities=[activity.municipality])
    verified(client, professional)
    url = reverse("directory:activity-verdict", args=[activity.pk])
    client.post(url, {"verdict": "grey", "note": "Verwijzing is alleen formeel."})
    activity.refresh_from_db()
    assert activity.verdict == "grey"
    assert activity.assessment_verdict == "outside"
    assert activity.verdict_confirmed_by == professional
    event = AuditEvent.objects.filter(object_type="directory.activity", object_id=str(activity.pk)).first()
    assert event.details["verdict"] == "grey"


def test_resident_cannot_override_a_verdict(client, frameworks, user_factory):
    activity = ActivityFactory(goals=["meeting"])
    client.force_login(user_factory())
    response = client.post(
        reverse("directory:activity-verdict", args=[activity.pk]), {"verdict": "inside", "note": "x"}
    )
    assert response.status_code == 403


def test_next_five_dates_skip_the_exceptions():
    start = datetime(2030, 1, 7, 10, tzinfo=AMSTERDAM)  # a Monday
    dates = next_dates(start, "FREQ=WEEKLY;BYDAY=MO", ["2030-01-14"], 5, after=start - timedelta(days=1))
    assert [d.date().isoformat() for d in dates] == [
        "2030-01-07",
        "2030-01-21",
        "2030-01-28",
        "2030-02-04",
        "2030-02-11",
    ]


def test_detail_page_shows_five_dates_and_ical_holds_the_rule(client, seed_areas):
    activity = ActivityFactory(title="Koor", starts_at=timezone.now() + timedelta(days=1), recurrence="FREQ=WEEKLY")
    page = client.get(reverse("directory:activity", args=[activity.pk])).content.decode()
    assert page.count('<li class="utrecht-unordered-list__item">') >= 5
    ical = client.get(reverse("directory:activity-calendar", args=[activity.pk]))
    assert ical["Content-Type"].startswith("text/calendar")
    body = ical.content.decode()
    assert "SUMMARY:Koor" in body and "RRULE:FREQ=WEEKLY" in body


def test_an_activity_without_planned_dates_has_no_past_event_in_its_calendar(client, seed_areas):
    over = ActivityFactory(title="Afgelopen markt", starts_at=timezone.now() - timedelta(days=30), recurrence="")
    ended = ActivityFactory(
        title="Zomerzang", starts_at=timezone.now() - timedelta(days=60), recurrence="FREQ=WEEKLY;COUNT=3"
    )
    coming = ActivityFactory(title="Kerstmarkt", starts_at=timezone.now() + timedelta(days=3), recurrence="")
    for activity in (over, ended):
        page = client.get(reverse("directory:activity", args=[activity.pk])).content.decode()
        assert "Er zijn geen data gepland." in page and "agenda.ics" not in page
        body = client.get(reverse("directory:activity-calendar", args=[activity.pk])).content.decode()
        assert "BEGIN:VCALENDAR" in body and "BEGIN:VEVENT" not in body
    body = client.get(reverse("directory:activity-calendar", args=[coming.pk])).content.decode()
    assert "SUMMARY:Kerstmarkt" in body
    feed = client.get(reverse("directory:search-calendar")).content.decode()
    assert "Kerstmarkt" in feed and "Afgelopen markt" not in feed and "Zomerzang" not in feed


def test_entries_unchecked_too_long_need_a_check_then_leave_the_public_view(seed_areas, settings, user_factory):
    settings.DIRECTORY_REMINDER_MONTHS = 6
    settings.DIRECTORY_HIDE_MONTHS = 12
    owner = user_factory()
    activity = ActivityFactory(owner=owner)
    Activity.objects.filter(pk=activity.pk).update(created_at=timezone.now() - timedelta(days=200))
    report = services.review_freshness()
    activity.refresh_from_db()
    assert activity.status == Status.NEEDS_CHECK
    assert activity in report["reminded"]
    assert Activity.objects.public().filter(pk=activity.pk).exists()
    services.review_freshness(now=timezone.now() + timedelta(days=200))
    activity.refresh_from_db()
    assert activity.status == Status.ARCHIVED
    assert not Activity.objects.public().filter(pk=activity.pk).exists()


def test_a_check_by_a_person_moves_only_checked_at(seed_areas, user_factory):
    activity = ActivityFactory()
    edited = activity.updated_at
    professional = user_factory(professional=True, municipalities=[activity.municipality])
    services.mark_checked(activity, actor=professional)
    activity.refresh_from_db()
    assert activity.checked_at is not None and activity.checked_by == professional
    assert activity.updated_at == edited
