"""The wijk page is the hub of the wijk (issue 12 point 6): what there is to do, nearest first; how the wijk is doing;
the norms it meets or misses; the sociale agenda; and a place where later capabilities hang their part."""

import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from socialebasis.areas import hub
from socialebasis.areas.geometry import centre
from socialebasis.areas.models import District, Municipality
from socialebasis.directory.tests.factories import ActivityFactory, MeetingPlaceFactory
from socialebasis.directory.vocabulary import Status
from socialebasis.indicators.tests.conftest import health_data, health_subset  # noqa: F401  (shared fixtures)
from socialebasis.profiles import services as profile_services
from socialebasis.profiles.models import AgendaItem, AgendaStatus

pytestmark = pytest.mark.django_db
PAGE = "/gemeenten/GM0797/wijken/WK079701/?jaar=2023"


def _text(html: str) -> str:
    """What a reader sees: the page without its tags and attributes."""
    main = html.split("<main", 1)[1].split("</main>", 1)[0]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", main))


@pytest.fixture
def drunen(seed_areas):
    return District.objects.get(statcode="WK079701", year=2023)


def _wijk(code: str) -> District:
    return District.objects.get(statcode=code, year=2023)


def test_what_there_is_to_do_lists_the_wijk_first_then_the_nearest_and_only_what_anyone_may_see(client, drunen):
    latitude, longitude = centre(drunen.boundary)
    ActivityFactory(
        title="Ver weg in Vlijmen", district=_wijk("WK079705"), latitude=latitude + 0.03, longitude=longitude
    )
    ActivityFactory(
        title="Net over de grens", district=_wijk("WK079702"), latitude=latitude + 0.005, longitude=longitude
    )
    ActivityFactory(title="Aan de rand van Drunen", district=drunen, latitude=latitude + 0.02, longitude=longitude)
    ActivityFactory(title="Nog niet beoordeeld", district=drunen, status=Status.SUBMITTED)
    ActivityFactory(title="In Oss", municipality=Municipality.objects.get(statcode="GM0828"))
    MeetingPlaceFactory(name="Buurthuis De Schakel", latitude=latitude, longitude=longitude)
    text = _text(client.get(PAGE).content.decode())
    assert "Wat er te doen is" in text
    order = [text.index(title) for title in ("Aan de rand van Drunen", "Net over de grens", "Ver weg in Vlijmen")]
    assert order == sorted(order)
    assert "in deze wijk" in text
    assert "0,6 km van het midden van de wijk" in text  # 0.005° of latitude is 0.56 km
    assert "Nog niet beoordeeld" not in text and "In Oss" not in text
    assert "Buurthuis De Schakel" in text
    assert "Bekijk de 1 activiteit in deze wijk" in text


def test_a_visitor_reads_how_the_wijk_is_doing_and_which_norms_it_misses(client, health_data):  # noqa: F811
    profile_services.apply_preset(Municipality.objects.get(statcode="GM0797"))
    html = client.get(PAGE).content.decode()
    text = _text(html)
    assert "Hoe het met de wijk gaat" in text
    assert "Sterke punten" in text and "Zorgen" in text
    assert re.search(r"De wijk haalt \d van de 5 ondergrenzen van de gemeente\.", text)
    assert "Niet gehaald: In iedere wijk zijn ontmoetingsplekken beschikbaar" in text
    assert 'href="/gemeenten/GM0797/wijken/WK079701/profiel/?jaar=2023"' in html


def test_the_sociale_agenda_shows_what_is_being_worked_on_in_plain_words(client, drunen):
    AgendaItem.objects.create(
        district=drunen, title="Samen tegen eenzaamheid", evidence="Eenzaamheid 18+", owner_kind="organisation",
        owner_name="Welzijn Heusden", municipal_role="stimuleren", status=AgendaStatus.IN_PROGRESS,
    )  # fmt: skip
    AgendaItem.objects.create(
        district=drunen, title="Oud plan", evidence="-", owner_kind="municipality", owner_name="Gemeente",
        municipal_role="regie", status=AgendaStatus.DONE,
    )  # fmt: skip
    text = _text(client.get(PAGE).content.decode())
    assert "Samen tegen eenzaamheid · Welzijn Heusden · bezig" in text
    assert "Oud plan" not in text and "1 opgave is klaar of gestopt." in text
    for code in ("in_progress", "organisation", "stimuleren", "done"):
        assert f" {code} " not in text


def test_a_later_capability_hangs_its_part_on_the_wijk_page(drunen):
    seen = []
    hub.register_section("stories.test", "areas/map.html", lambda district, user: seen.append(district) or None)
    try:
        parts = hub.parts_for(drunen, None)
    finally:
        del hub._SECTIONS["stories.test"]
    assert seen == [drunen]  # asked for its part of this wijk; it had nothing, so it is left out
    assert "stories.test" not in [section.key for section, _part in parts]
    assert [section.key for section, _part in parts][:1] == ["directory.to_do"]


def test_the_municipality_page_links_the_hub_of_every_wijk(client, seed_areas):
    html = client.get("/gemeenten/GM0797/").content.decode()
    for district in District.objects.filter(municipality__statcode="GM0797", year=2023):
        assert f'href="/gemeenten/GM0797/wijken/{district.statcode}/?jaar=2023"' in html


def test_the_next_time_is_shown_from_the_schedule(client, drunen):
    tuesday = datetime(2026, 1, 6, 10, tzinfo=ZoneInfo("Europe/Amsterdam"))
    ActivityFactory(title="Koffie op dinsdag", district=drunen, starts_at=tuesday, recurrence="FREQ=WEEKLY;BYDAY=TU")
    assert re.search(r"Koffie op dinsdag · dinsdag \d+ \w+, 10:00", _text(client.get(PAGE).content.decode()))
