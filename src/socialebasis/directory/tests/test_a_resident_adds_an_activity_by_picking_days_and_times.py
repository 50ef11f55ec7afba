"""The contribution form made for residents (issue 12 point 4): days and times instead of a rule, the municipality
and wijk from the postcode, a new organiser or place named inline, the goals question, errors at the top and at
the field, and no automatic "outside" shown before a professional confirms."""

import io
from datetime import date, time

import pytest
from django.core.management import call_command
from django.urls import reverse

from socialebasis.areas.models import Municipality
from socialebasis.directory import simple_schedule
from socialebasis.directory.models import Activity, MeetingPlace, Organisation, Revision
from socialebasis.directory.schedule import next_dates
from socialebasis.directory.simple_schedule import Picked
from socialebasis.directory.vocabulary import Status

from .factories import ActivityFactory

pytestmark = pytest.mark.django_db
ADD = "/sociale-kaart/nieuw/activiteit/"


@pytest.fixture
def heusden(seed_areas):
    call_command("load_framework_presets", stdout=io.StringIO())
    return Municipality.objects.get(statcode="GM0797")


@pytest.fixture
def resident(user_factory, heusden):
    return user_factory(home_municipality=heusden)


def _form(**changes):
    return {
        "title": "Koffieochtend",
        "description": "Koffie met de buren.",
        "how_often": "weekly",
        "days": ["1"],
        "start_time": "10:00",
        "end_time": "12:00",
        "postcode": "5251 ab",
        "goals": ["meeting"],
        "cost": "free",
        **changes,
    }


def test_every_tuesday_from_ten_to_twelve_becomes_a_weekly_rule_in_the_wijk_of_the_postcode(client, resident):
    client.force_login(resident)
    page = client.get(ADD).content.decode().split("<main")[1].split("</main>")[0]
    assert "RRULE" not in page and "WK0797" not in page and "Ontmoeten en verbinden" in page
    response = client.post(ADD, _form(), follow=True)
    assert response.status_code == 200
    activity = Activity.objects.get()
    assert activity.recurrence == "FREQ=WEEKLY;BYDAY=TU"
    local = activity.starts_at.astimezone(activity.starts_at.tzinfo)
    assert activity.duration_minutes == 120 and next_dates(activity.starts_at, activity.recurrence, [], 1)
    assert next_dates(activity.starts_at, activity.recurrence, [], 1)[0].weekday() == 1 and local is not None
    assert activity.municipality.statcode == "GM0797" and activity.district is not None
    assert activity.district.municipality == activity.municipality and activity.postcode_area == "5251"
    assert activity.goals == ["meeting"] and activity.status == Status.SUBMITTED and activity.owner == resident
    assert activity.assessment["reasons"][0]["outcome"] == "met"


@pytest.mark.parametrize(
    ("picked", "rule"),
    [
        ({"how_often": "fortnightly", "days": ["1"]}, "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU"),
        ({"how_often": "monthly", "days": ["0"], "week_of_month": "1"}, "FREQ=MONTHLY;BYDAY=+1MO"),
        ({"how_often": "monthly", "days": ["4"], "week_of_month": "-1"}, "FREQ=MONTHLY;BYDAY=-1FR"),
        ({"how_often": "once", "days": [], "on_date": "2027-03-02"}, ""),
        ({"how_often": "no_fixed_times", "days": [], "start_time": "", "end_time": ""}, ""),
    ],
    ids=["om-de-week", "eerste-maandag", "laatste-vrijdag", "eenmalig", "geen-vaste-tijden"],
)
def test_the_other_schedules_become_their_rule(client, resident, picked, rule):
    client.force_login(resident)
    client.post(ADD, _form(**picked))
    activity = Activity.objects.get()
    assert activity.recurrence == rule
    if picked["how_often"] == "once":
        assert activity.starts_at.date() == date(2027, 3, 2)
    if picked["how_often"] == "no_fixed_times":
        assert activity.starts_at is None


def test_a_picked_schedule_reads_back_as_it_was_picked():
    for picked in [
        Picked("weekly", (1, 3), on=date(2027, 1, 5), start=time(10), end=time(12)),
        Picked("fortnightly", (1,), on=date(2027, 1, 5), start=time(10), end=time(12)),
        Picked("monthly", (0,), week=1, start=time(19, 30), end=time(21)),
        Picked("monthly", (4,), week=-1, start=time(19, 30), end=time(21)),
        Picked("once", on=date(2027, 3, 2), start=time(14), end=time(16, 30)),
    ]:
        starts_at, rule, minutes = simple_schedule.to_rule(picked, today=date(2027, 1, 1))
        read = simple_schedule.from_rule(starts_at, rule, minutes)
        assert (read.how_often, read.days, read.week, read.start, read.end) == (
            picked.how_often,
            picked.days,
            picked.week,
            picked.start,
            picked.end,
        )
    assert simple_schedule.from_rule(starts_at, "FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=1", 60).how_often == "keep"


def test_mistakes_are_listed_at_the_top_and_at_each_field(client, resident):
    client.force_login(resident)
    response = client.post(
        ADD, _form(days=[], start_time="12:00", end_time="10:00", postcode="9999", goals=[], title="")
    )
    page = response.content.decode()
    assert response.status_code == 200 and not Activity.objects.exists()
    summary = page.split('id="error-summary-heading"')[1].split("</div>")[0]
    for message in ["Kies de dag of dagen", "eindtijd moet na de begintijd", "Titel"]:
        assert message.lower() in summary.lower(), message
    assert 'href="#id_days_0"' in summary
    assert 'id="id_days_error"' in page and 'id="id_end_time_error"' in page and 'id="id_postcode_error"' in page


def test_a_new_organiser_and_place_are_named_inline_and_wait_for_moderation(client, resident):
    client.force_login(resident)
    client.post(
        ADD,
        _form(new_organisation="Buren van de Vliet", new_organisation_kind="informal_group", new_place="Bij Ans"),
    )
    activity = Activity.objects.select_related("organisation", "place").get()
    assert activity.organisation.name == "Buren van de Vliet" and activity.place.name == "Bij Ans"
    for entry in (activity.organisation, activity.place):
        assert entry.status == Status.SUBMITTED and entry.owner == resident
        assert entry.municipality.statcode == "GM0797"
    assert activity.place.postcode == "5251 AB"


def test_the_resident_sees_that_the_entry_is_being_looked_at_never_an_automatic_outside(client, resident):
    client.force_login(resident)
    client.post(ADD, _form(goals=["dont_know"]))
    activity = Activity.objects.get()
    assert activity.goals == [] and activity.assessment_verdict == "outside"
    page = client.get(reverse("directory:activity", args=[activity.pk])).content.decode()
    assert "wordt bekeken" in page or "bekijkt" in page
    assert "buiten" not in page.lower() and "outside" not in page


def test_goals_of_another_municipality_are_asked_again_for_the_municipality_of_the_postcode(client, resident):
    client.force_login(resident)
    page = client.get(ADD).content.decode()
    assert '<input type="hidden" name="goals_from" value="GM0797">' in page  # Heusden, where she lives
    response = client.post(ADD, _form(postcode="5341", goals=["meeting"], goals_from="GM0797"))  # in Oss
    page = response.content.decode()
    assert not Activity.objects.exists()
    assert "kies uit de doelen van Oss" in page and "De doelen van de sociale basis van Oss" in page


def test_a_postcode_outside_the_municipalities_and_a_year_outside_the_window_are_refused_at_the_field(client, resident):
    client.force_login(resident)
    response = client.post(ADD, _form(postcode="4201", how_often="once", on_date="0001-01-01"))
    errors = response.context["form"].errors
    assert "postcode" in errors and "on_date" in errors and not Activity.objects.exists()


def test_a_residents_edit_of_a_published_activity_waits_as_a_revision_with_dutch_old_and_new(client, resident, heusden):
    activity = ActivityFactory(owner=resident, goals=["meeting"], postcode_area="5251")
    client.force_login(resident)
    form = client.get(reverse("directory:edit", args=["activiteit", activity.pk])).context["form"]
    assert form.initial["how_often"] == "weekly" and form.initial["days"] == ["0"]
    client.post(
        reverse("directory:edit", args=["activiteit", activity.pk]),
        _form(title=activity.title, description=activity.description, days=["3"], new_organisation="Buurtclub"),
    )
    activity.refresh_from_db()
    assert activity.recurrence == "FREQ=WEEKLY;BYDAY=MO"  # unchanged until checked
    revision = Revision.objects.get()
    assert "days" in revision.changed and "organisation" in revision.changed
    assert Organisation.objects.get(name="Buurtclub").status == Status.SUBMITTED
    assert not MeetingPlace.objects.exists()


def test_a_professional_keeps_the_rule_field(client, user_factory, heusden, verified):
    professional = user_factory(professional=True, municipalities=[heusden])
    verified(client, professional)
    page = client.get(ADD).content.decode()
    assert 'name="recurrence"' in page and 'name="how_often"' not in page
