"""Dates the platform cannot handle are refused wherever they enter, and no stored row breaks a list (issue 10
points 2 and 6): the window of core/dates.py in every form, the API, the imports and a database constraint."""

import json
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.management import CommandError, call_command
from django.db import IntegrityError, connection, transaction
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from socialebasis.areas.models import Municipality
from socialebasis.core.dates import FIRST_YEAR, LAST_YEAR
from socialebasis.directory import hsds
from socialebasis.directory.bulk_import import BulkImportError, import_activities
from socialebasis.directory.hsds_import import import_document
from socialebasis.directory.models import Activity
from socialebasis.directory.schedule import calendar_of

from .factories import ActivityFactory

pytestmark = pytest.mark.django_db
AMSTERDAM = ZoneInfo("Europe/Amsterdam")
WINDOW_ERROR = f"Kies een jaar tussen {FIRST_YEAR} en {LAST_YEAR}."


def _activity_form(municipality, **fields):
    return {"municipality": municipality.pk, "title": "Koffieochtend", "cost": "free", "duration_minutes": 90, **fields}


@pytest.mark.parametrize("start", ["0001-01-01T00:00", "9999-12-31T23:59", "1899-12-31T23:00", "2101-01-01T00:00"])
def test_a_start_outside_the_window_gets_a_dutch_field_error_and_nothing_is_stored(
    client, seed_areas, user_factory, verified, start
):
    # The first time as a moment and the raw rule are the expert's fields (a resident picks days, ADR 0032).
    heusden = Municipality.objects.get(statcode="GM0797")
    verified(client, user_factory(professional=True, municipalities=[heusden]))
    response = client.post(
        reverse("directory:create", args=["activiteit"]),
        _activity_form(heusden, starts_at=start, recurrence="FREQ=DAILY"),
    )
    assert response.status_code == 200
    assert response.context["form"].errors["starts_at"] == [WINDOW_ERROR]
    assert not Activity.objects.exists()


def test_exception_dates_outside_the_window_are_refused(client, seed_areas, user_factory):
    client.force_login(user_factory())
    heusden = Municipality.objects.get(statcode="GM0797")
    response = client.post(
        reverse("directory:create", args=["activiteit"]),
        _activity_form(heusden, starts_at="2026-09-01T14:00", exception_dates="2026-12-25, 9999-01-01"),
    )
    assert response.status_code == 200
    assert WINDOW_ERROR in response.context["form"].errors["exception_dates"]


def test_the_database_refuses_a_start_outside_the_window_whatever_the_path(seed_areas):
    activity = ActivityFactory()
    for moment in (datetime(1, 1, 2, tzinfo=UTC), datetime(9999, 12, 30, tzinfo=UTC)):
        with pytest.raises(IntegrityError), transaction.atomic():
            Activity.objects.filter(pk=activity.pk).update(starts_at=moment)
    Activity.objects.filter(pk=activity.pk).update(starts_at=datetime(FIRST_YEAR, 1, 1, tzinfo=AMSTERDAM))
    Activity.objects.filter(pk=activity.pk).update(starts_at=datetime(LAST_YEAR, 12, 31, 23, 59, tzinfo=AMSTERDAM))


def test_lists_stay_up_with_an_activity_at_the_edge_of_the_window(client, seed_areas, user_factory, verified):
    ActivityFactory(title="Oudejaarsavond 2100", starts_at=datetime(2100, 12, 31, 23, 59, tzinfo=AMSTERDAM))
    ActivityFactory(title="Nieuwjaar 1900", starts_at=datetime(1900, 1, 1, 0, 0, tzinfo=AMSTERDAM))
    professional = user_factory(professional=True, municipalities=[Municipality.objects.get(statcode="GM0797")])
    verified(client, professional)
    for url in (
        reverse("directory:list"),
        reverse("directory:search-calendar"),
        "/api/v1/activities",
        "/api/v1/hsds/services",
        reverse("directory:moderation"),
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "2100" in response.content.decode() or url == reverse("directory:moderation"), url


def test_one_activity_that_cannot_be_written_leaves_the_others_in_the_calendar_and_the_hsds_list(seed_areas):
    good = ActivityFactory(title="Gewone koffieochtend")
    broken = ActivityFactory(title="Kapotte rij")
    broken.duration_minutes = 10**12  # adding it to the start overflows
    body = calendar_of([broken, good], lambda a: f"https://example.invalid/{a.pk}").decode()
    assert "Gewone koffieochtend" in body and "Kapotte rij" not in body
    schedules = hsds.documents_of([broken, good], hsds.schedule_document)
    assert [s["service_id"] for s in schedules] == [hsds.uid("activity", good.pk)]


def test_a_bulk_import_row_with_the_year_1_is_refused_with_row_and_column(seed_areas):
    content = (
        "extern_id;gemeente;titel;start;herhaling;uitzonderingen\n"
        "x1;GM0797;Wandelen;0001-01-01 10:00;FREQ=DAILY;\n"
        "x2;GM0797;Zingen;2026-01-05 10:00;FREQ=WEEKLY;9999-01-01\n"
    )
    with pytest.raises(BulkImportError) as caught:
        import_activities(content.encode(), "a.csv")
    messages = [str(error) for error in caught.value.errors]
    assert "rij 2, kolom start: kies een jaar tussen 1900 en 2100" in messages
    assert "rij 3, kolom uitzonderingen: 9999-01-01: kies een jaar tussen 1900 en 2100" in messages
    assert not Activity.objects.exists()


def test_an_hsds_schedule_in_the_year_1_is_reported_and_not_stored(seed_areas):
    heusden = Municipality.objects.get(statcode="GM0797")
    service = {
        "id": "svc-1",
        "name": "Wandelen",
        "status": "active",
        "schedules": [{"id": "sch-1", "dtstart": "0001-01-01", "opens_at": "10:00", "freq": "WEEKLY"}],
    }
    report = import_document(service, heusden)
    activity = Activity.objects.get(external_id="hsds:svc-1")
    assert activity.starts_at is None and activity.recurrence == ""
    assert any("kies een jaar tussen 1900 en 2100" in problem for problem in report.problems)


def test_the_framework_page_api_and_command_refuse_a_valid_from_outside_the_window(
    client, seed_areas, user_factory, verified, tmp_path
):
    from socialebasis.frameworks import selectors as framework_selectors
    from socialebasis.frameworks import services as framework_services

    framework_services.load_presets()
    heusden = Municipality.objects.get(statcode="GM0797")
    document = framework_selectors.latest_version(heusden).content
    verified(client, user_factory(policy_officer=True, municipalities=[heusden]))
    page = client.post(
        "/gemeenten/GM0797/kader/bewerken/json/", {"valid_from": "0001-01-01", "document": json.dumps(document)}
    )
    assert page.status_code == 200
    assert page.context["form"].errors["valid_from"] == [WINDOW_ERROR]
    api = client.post(
        "/api/v1/municipalities/GM0797/framework/versions",
        json.dumps({"valid_from": "9999-12-31", "document": document}),
        content_type="application/json",
    )
    assert api.status_code == 400
    assert api["Content-Type"] == "application/problem+json"
    assert [p["name"] for p in api.json()["invalid_params"]] == ["valid_from"]
    path = tmp_path / "kader.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(CommandError, match="kies een jaar tussen 1900 en 2100"):
        call_command("import_framework", str(path), "--municipality", "GM0797", "--valid-from", "0001-01-01")
    assert framework_selectors.latest_version(heusden).number == 1


# Hypothesis per form that takes a date: arbitrary dates and strings give a page with a field error or a saved
# form, never a server error (the test client raises any exception a view lets through).

far_dates = st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31))
date_texts = st.one_of(
    far_dates.map(date.isoformat),
    st.datetimes(min_value=datetime(1, 1, 1), max_value=datetime(9999, 12, 31)).map(
        lambda moment: moment.strftime("%Y-%m-%dT%H:%M")
    ),
    st.text(max_size=30),
    st.sampled_from(["0001-01-01T00:00", "9999-12-31T23:59", "0000-01-01", "10000-01-01", "2026-02-30", "-1"]),
)


def _has_nul(*texts: str) -> bool:
    return any("\x00" in text for text in texts)


def _year_outside(text: str) -> bool:
    try:
        value = datetime.fromisoformat(text) if "T" in text else date.fromisoformat(text)
    except ValueError:
        return False
    return not FIRST_YEAR <= value.year <= LAST_YEAR


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(start=date_texts, exceptions=date_texts)
def test_the_activity_form_answers_every_date_with_a_page(
    client, seed_areas_once, user_factory, verified, start, exceptions
):
    heusden = Municipality.objects.get(statcode="GM0797")
    verified(client, user_factory(professional=True, municipalities=[heusden]))
    response = client.post(
        reverse("directory:create", args=["activiteit"]),
        _activity_form(heusden, starts_at=start, exception_dates=exceptions, recurrence="FREQ=WEEKLY"),
    )
    if _has_nul(start, exceptions):  # refused before any form sees it (core.middleware, issue 10 point 6)
        assert response.status_code == 400
        return
    assert response.status_code in (200, 302)
    if _year_outside(start.strip()):
        assert response.status_code == 200 and "starts_at" in response.context["form"].errors


@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@given(valid_from=date_texts)
def test_the_framework_form_answers_every_date_with_a_page(client, seed_areas_once, user_factory, verified, valid_from):
    from socialebasis.frameworks import selectors as framework_selectors
    from socialebasis.frameworks import services as framework_services

    heusden = Municipality.objects.get(statcode="GM0797")
    if framework_selectors.latest_version(heusden) is None:
        framework_services.load_presets()
    verified(client, user_factory(policy_officer=True, municipalities=[heusden]))
    document = json.dumps(framework_selectors.latest_version(heusden).content)
    response = client.post("/gemeenten/GM0797/kader/bewerken/json/", {"valid_from": valid_from, "document": document})
    if _has_nul(valid_from):
        assert response.status_code == 400
        return
    assert response.status_code in (200, 302)
    if _year_outside(valid_from.strip()):
        assert response.status_code == 200 and "valid_from" in response.context["form"].errors


@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@given(valid_from=date_texts)
def test_the_framework_api_answers_every_date_with_a_problem_or_a_version(
    client, seed_areas_once, user_factory, verified, valid_from
):
    from django.core.cache import cache

    from socialebasis.frameworks import selectors as framework_selectors
    from socialebasis.frameworks import services as framework_services

    cache.clear()  # no quota between examples
    heusden = Municipality.objects.get(statcode="GM0797")
    if framework_selectors.latest_version(heusden) is None:
        framework_services.load_presets()
    verified(client, user_factory(policy_officer=True, municipalities=[heusden]))
    body = {"valid_from": valid_from, "document": framework_selectors.latest_version(heusden).content}
    response = client.post(
        "/api/v1/municipalities/GM0797/framework/versions", json.dumps(body), content_type="application/json"
    )
    assert response.status_code in (200, 201, 400)
    if _year_outside(valid_from.strip()):
        assert response.status_code == 400


AGENDA = {
    "title": "Minder eenzaamheid onder ouderen",
    "evidence": "Eenzaam (65+) ligt boven de gemeente.",
    "owner_kind": "residents",
    "owner_name": "Buurtcomité Drunen",
    "municipal_role": "stimuleren",
    "status": "agreed",
}


@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
@given(start=date_texts, end=date_texts)
def test_the_agenda_form_answers_every_date_with_a_page(client, seed_areas_once, user_factory, verified, start, end):
    heusden = Municipality.objects.get(statcode="GM0797")
    verified(client, user_factory(professional=True, municipalities=[heusden]))
    response = client.post(
        "/gemeenten/GM0797/wijken/WK079701/agenda/nieuw/", {**AGENDA, "start_date": start, "end_date": end}
    )
    if _has_nul(start, end):
        assert response.status_code == 400
        return
    assert response.status_code in (200, 302)
    for name, text in (("start_date", start), ("end_date", end)):
        if _year_outside(text.strip()):
            assert response.status_code == 200 and name in response.context["form"].errors


@pytest.mark.django_db(transaction=True)
def test_the_migration_clears_a_start_outside_the_window_and_sends_the_entry_back_to_moderation():
    """The migration's operations, applied to the table as it is now without the constraint: its repair, then its
    constraint, which would fail on a start it left. Not by migrating the project back and forth (unapplying
    directory 0005 unapplies every app that came after it, half a minute)."""
    from django.db.migrations.loader import MigrationLoader

    from socialebasis.audit.models import AuditEvent

    loader = MigrationLoader(connection)
    migration = loader.get_migration("directory", "0005_start_within_date_window")
    (constraint,) = [c for c in Activity._meta.constraints if c.name == "activity_starts_within_date_window"]
    without = loader.project_state(loader.graph.leaf_nodes())
    without.remove_constraint("directory", "activity", constraint.name)
    with connection.schema_editor() as editor:
        editor.remove_constraint(without.apps.get_model("directory", "Activity"), constraint)
    try:
        municipality = Municipality.objects.create(statcode="GM0797", name="Heusden")
        activity = Activity.objects.create(
            municipality=municipality,
            title="Uit het jaar 1",
            status="published",
            starts_at=datetime(2026, 1, 5, tzinfo=UTC),
        )
        broken = "0001-01-01 10:00:00+00 BC" if connection.vendor == "postgresql" else "0001-01-01 10:00:00"
        with connection.cursor() as cursor:
            cursor.execute("UPDATE directory_activity SET starts_at = %s WHERE id = %s", [broken, activity.pk])
        with connection.schema_editor(atomic=migration.atomic) as editor:
            migration.apply(without.clone(), editor)
    except BaseException:
        with connection.schema_editor() as editor:  # whatever failed, the next test finds the table as it should be
            if constraint.name not in connection.introspection.get_constraints(
                connection.cursor(), "directory_activity"
            ):
                Activity.objects.filter(pk__in=Activity.objects.values("pk")).update(starts_at=None)
                editor.add_constraint(Activity, constraint)
        raise
    repaired = Activity.objects.values_list("starts_at", "status").get(pk=activity.pk)
    assert repaired == (None, "submitted")
    event = AuditEvent.objects.get(object_type="directory.activity", object_id=str(activity.pk))
    assert event.details["status"] == "submitted" and event.municipality == "GM0797"
    assert constraint.name in connection.introspection.get_constraints(connection.cursor(), "directory_activity")


def test_a_stored_start_at_the_window_edge_still_gives_its_next_dates(seed_areas):
    activity = ActivityFactory(starts_at=datetime(2100, 12, 31, 20, tzinfo=AMSTERDAM), recurrence="FREQ=DAILY")
    from socialebasis.directory.schedule import next_dates

    dates = next_dates(activity.starts_at, activity.recurrence, [], 3, after=activity.starts_at - timedelta(days=1))
    assert [d.date().isoformat() for d in dates] == ["2100-12-31", "2101-01-01", "2101-01-02"]
