"""Apps react after commit, on the worker (ADR 0027): an import recomputes the profiles of the municipalities it
touched once it commits, a rolled-back one queues nothing, and a new framework version reassesses activities."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction

from socialebasis.areas.models import Municipality
from socialebasis.core import page_cache as core_page_cache
from socialebasis.indicators import services as indicator_services
from socialebasis.profiles import page_cache, summaries
from socialebasis.profiles.models import ProfileSummary

pytestmark = pytest.mark.django_db

MONITOR = (
    "gebied;jaar;indicator;waarde;groep;label;eenheid;hoger_is_beter\n"
    "gemeente;2024;msk_totaal;7,4;;Monitor Sociale Kracht;score;ja\n"
    "WK196105;2024;msk_totaal;7,9;;Monitor Sociale Kracht;score;ja\n"
)


def _monitor(municipality):
    upload = SimpleUploadedFile("msk.csv", MONITOR.encode(), content_type="text/csv")
    return indicator_services.import_own_monitor(municipality, upload, monitor_name="Monitor Sociale Kracht")


def _tasks(queued):
    """The callbacks queued for after the commit, less the cached pages' new stamps (core/page_cache.py)."""
    stamps = (page_cache.changed, core_page_cache.changed)
    return [callback for callback in queued if getattr(callback, "func", None) not in stamps]


def _rows(codes):
    return sorted(
        ProfileSummary.objects.filter(area__municipality_code__in=codes).values_list(
            "area__code", "indicator__key", "group", "year", "value", "verdict_municipality", "trend"
        )
    )


def test_an_import_recomputes_only_its_municipalitys_profiles_and_only_after_commit(
    health_data, django_capture_on_commit_callbacks
):
    vijfheerenlanden = Municipality.objects.get(statcode="GM1961")
    heusden_before = _rows(["GM0797"])
    assert heusden_before  # the health table's import recomputed when it committed (fixture)
    # A mark on Heusden's rows: a recompute of Vijfheerenlanden must leave them alone.
    ProfileSummary.objects.filter(area__municipality_code="GM0797").update(trend="marked")

    with django_capture_on_commit_callbacks() as queued:
        _monitor(vijfheerenlanden)
        assert not ProfileSummary.objects.filter(indicator__key__startswith="msk").exists()  # nothing yet
    assert len(_tasks(queued)) == 1
    _tasks(queued)[0]()  # the transaction committed: the queued task runs (eagerly here, on the worker in production)

    assert ProfileSummary.objects.get(area__code="WK196105", indicator__key__startswith="msk").value == 7.9
    assert set(ProfileSummary.objects.filter(area__municipality_code="GM0797").values_list("trend", flat=True)) == {
        "marked"
    }


def test_an_import_that_rolls_back_queues_no_recompute(seed_areas, django_capture_on_commit_callbacks):
    vijfheerenlanden = Municipality.objects.get(statcode="GM1961")
    with django_capture_on_commit_callbacks() as queued, pytest.raises(RuntimeError), transaction.atomic():
        _monitor(vijfheerenlanden)
        raise RuntimeError("something later in the same transaction fails")
    assert queued == []  # not even new stamps for the cached pages
    assert not ProfileSummary.objects.filter(indicator__key__startswith="msk").exists()


def test_the_import_names_the_municipalities_it_touched(seed_areas):
    from socialebasis.indicators.models import ImportRun

    _monitor(Municipality.objects.get(statcode="GM1961"))
    assert indicator_services.changed_municipalities(ImportRun.objects.latest("at")) == ["GM1961"]


def test_a_municipalitys_recompute_gives_the_rows_a_national_recompute_gives(health_data):
    summaries.recompute()
    national = _rows(["GM0797", "GM1961", "GM0828", "GM0668"])
    ProfileSummary.objects.all().delete()
    for code in ("GM0797", "GM1961", "GM0828", "GM0668"):
        summaries.recompute([code])
    assert _rows(["GM0797", "GM1961", "GM0828", "GM0668"]) == national
    assert summaries.recompute([]) == 0


def test_a_new_framework_version_reassesses_that_municipalitys_activities_after_commit(
    seed_areas, django_capture_on_commit_callbacks
):
    from django.utils import timezone

    from socialebasis.directory.models import Activity
    from socialebasis.directory.tests.factories import ActivityFactory
    from socialebasis.frameworks import selectors
    from socialebasis.frameworks import services as framework_services

    framework_services.load_presets(["GM0797"])
    heusden = Municipality.objects.get(statcode="GM0797")
    activity = ActivityFactory(goals=["meeting"])
    Activity.objects.filter(pk=activity.pk).update(assessment={}, assessment_verdict="")  # as if never assessed

    document = selectors.version_in_force(heusden).content
    with django_capture_on_commit_callbacks(execute=True) as queued:
        framework_services.create_version(heusden, document, valid_from=timezone.localdate(), note="herzien")
        assert Activity.objects.get(pk=activity.pk).assessment_verdict == ""  # not inside the transaction
    assert len(_tasks(queued)) == 1
    assert Activity.objects.get(pk=activity.pk).assessment_verdict != ""
