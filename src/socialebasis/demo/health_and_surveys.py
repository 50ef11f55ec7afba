"""Demo content of positive health and surveys (issue 16 point 8), written through the apps' services, marked as
demo. West Maas en Waal (seed 003, programme 4 "Vitaal ouder worden"): contributed self-checks of last year in four
wijken (enough to publish in two, too few in the two others, which are then hidden together) and a filled
age-friendly survey with a project through the seven steps. The scores and answers are invented, drawn from a fixed
seed so every load is the same."""

import random
from datetime import timedelta

from django.utils import timezone

from socialebasis.areas.models import District, Municipality
from socialebasis.health import services as health
from socialebasis.health.dimensions import KEYS
from socialebasis.health.models import Contribution
from socialebasis.surveys import age_friendly
from socialebasis.surveys import services as surveys
from socialebasis.surveys.models import Entry, Project

MUNICIPALITY = "GM0668"
# Contributions per wijk (the first four wijken of the newest division): 14 and 9 are shown; 3 and 3 are hidden.
PER_WIJK = (14, 9, 3, 3)
RESPONSES = 24


def _wijken():
    municipality = Municipality.objects.filter(statcode=MUNICIPALITY).first()
    if municipality is None:
        return None, []
    return municipality, list(District.objects.of_year(None).filter(municipality=municipality).order_by("statcode")[:4])


def load_health() -> str:
    municipality, wijken = _wijken()
    for each in Municipality.objects.all():
        health.apply_goal_presets(each)
    if municipality is None or Contribution.objects.filter(is_demo=True).exists():
        return "positieve gezondheid: al geladen"
    draw = random.Random(16)
    last_year = timezone.localdate().year - 1
    for district, n in zip(wijken, PER_WIJK, strict=False):
        for _ in range(n):
            scores = {key: round(min(10, max(0, draw.gauss(6.5, 1.6))), 1) for key in KEYS}
            health.contribute(municipality, district, scores, is_demo=True, period=last_year)
    health.publish_period(last_year)
    return f"positieve gezondheid: {sum(PER_WIJK[: len(wijken)])} bijdragen (demo) in {len(wijken)} wijken"


def load_surveys(staff=None) -> str:
    _municipality, wijken = _wijken()
    if not wijken or Project.objects.filter(is_demo=True).exists():
        return "peilingen: al geladen"
    district = wijken[0]
    project = surveys.start_project(district, "Vitaal ouder worden", is_demo=True)
    surveys.update_project(
        project,
        1,
        {
            "working_group": "Seniorenraad, ouderenadviseur, opbouwwerk, huisartsenpraktijk, twee bewoners (demo)",
            "question": "Hoe kunnen ouderen in deze wijk langer prettig thuis wonen en mee blijven doen?",
        },
    )
    surveys.update_project(project, 2, {"analysis": "Meer 75-plussers dan in de gemeente; weinig bankjes (demo)."})
    today = timezone.localdate()
    survey = surveys.make_questionnaire(project, today - timedelta(days=30), today + timedelta(days=30), is_demo=True)
    draw = random.Random(4)
    entries = [Entry.ONLINE, Entry.PAPER, Entry.ASSISTED]
    for number in range(RESPONSES):
        given = {key: [str(draw.choice([2, 3, 4, 4, 5]))] for _domain, key, _text in age_friendly.ITEMS}
        given["walking_aid"] = [draw.choice(["yes", "no", "no"])]
        if given["walking_aid"] == ["yes"]:
            given["walking_aid_hard"] = "De stoep bij de supermarkt is te hoog (demo)."
        given["wish"] = draw.sample([key for key, _label in age_friendly.DOMAINS], 2)
        entry = entries[number % 3] if staff is not None else Entry.ONLINE
        surveys.submit_response(
            survey, given, district=district, entry=entry, entered_by=None if entry == Entry.ONLINE else staff,
            is_demo=True,
        )  # fmt: skip
    # The working group closed the survey yesterday, so its results are published (ADR 0042), as a visitor of the
    # demo should see them.
    surveys.close_survey(survey, actor=staff)
    surveys.update_project(project, 4, {"conversations": "Twee koffieochtenden in het dorpshuis, 18 ouderen (demo)."})
    if staff is not None:
        surveys.add_action(
            survey,
            {
                "what_residents_said": "Er zijn te weinig bankjes om even uit te rusten.",
                "title": "Bankjes langs de looproute naar het dorpshuis",
                "actions": "Samen met de seniorenraad drie plekken kiezen.",
                "owner_kind": "municipality",
                "owner_name": "Gemeente West Maas en Waal",
                "municipal_role": "financieren",
            },
            question=survey.questions.get(key="outdoor_bench"),
            actor=staff,
        )
    return f"peilingen: {survey.title} met {RESPONSES} antwoorden (demo)"
