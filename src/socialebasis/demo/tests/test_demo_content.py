"""The demo's content comes from data/demo/ and loads twice without changes."""

from django.conf import settings

from socialebasis.demo import sociale_kaart
from socialebasis.directory.models import Activity

SOCIALE_KAART = settings.BASE_DIR / "data" / "demo" / "sociale-kaart.json"


def test_demo_content_loads_twice_without_changes(seed_areas):
    first = sociale_kaart.load(SOCIALE_KAART)
    assert first["activities"] > 10
    assert sociale_kaart.load(SOCIALE_KAART) == {"organisations": 0, "places": 0, "activities": 0}
    assert not Activity.objects.filter(is_demo=True).exclude(contact_email="").exists()
    wandel = Activity.objects.get(external_id="demo-activity-wandel")
    assert wandel.district is not None and wandel.district.municipality.statcode == "GM0797"


def test_the_demo_survey_took_place_last_month_so_its_results_are_published(seed_areas):
    from socialebasis.demo import health_and_surveys
    from socialebasis.frameworks import services as framework_services
    from socialebasis.surveys import results
    from socialebasis.surveys.models import Survey

    framework_services.load_presets(["GM0668"])
    health_and_surveys.load_surveys()
    survey = Survey.objects.get(is_demo=True)
    assert survey.responses.count() == health_and_surveys.RESPONSES
    assert results.are_published(survey) and results.question_results(survey)
