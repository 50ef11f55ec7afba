"""The demo's stories and signals (issue 14 point 9): for the four municipalities, marked as demo, one completed
round in Oss that shows in Oss's yearly report; loading twice adds nothing."""

import pytest
from django.conf import settings
from django.urls import reverse

from socialebasis.demo import verhalen
from socialebasis.frameworks import services as frameworks
from socialebasis.signalling.models import Signal
from socialebasis.stories.models import Round, RoundStatus, Story

pytestmark = pytest.mark.django_db
DATA = settings.BASE_DIR / "data" / "demo" / "verhalen-en-signalen.json"


def test_the_demo_has_stories_and_signals_in_every_municipality_and_a_completed_round_in_oss(seed_areas, client):
    frameworks.load_presets()
    verhalen.load(DATA)
    assert verhalen.load(DATA) == {"verhalen": 0, "signalen": 0, "rondes": 0}
    codes = {"GM0797", "GM1961", "GM0828", "GM0668"}
    assert set(Story.objects.values_list("municipality__statcode", flat=True)) == codes
    assert set(Signal.objects.values_list("municipality__statcode", flat=True)) == codes
    assert not Story.objects.filter(is_demo=False).exists() and not Signal.objects.filter(is_demo=False).exists()
    [round_] = Round.objects.filter(status=RoundStatus.COMPLETED)
    assert round_.panel.municipality.statcode == "GM0828" and round_.selections.count() == 2
    page = client.get(reverse("yearly:municipality", args=["GM0828"])).content.decode()
    assert "Een bankje om samen op te zitten" in page
    assert "Iemand die het merkte" not in page  # the teller kept it for the panel
