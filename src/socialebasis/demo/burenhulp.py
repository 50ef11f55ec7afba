"""The demo's burenhulp (issue 13 point 8): Heusden as "Heusden voor Elkaar" in peer mode, Oss moderated, with
invented requests, offers, volunteers and vacancies, all marked as demo and written through the services.

The demo accounts "inwoner" (a resident of Vlijmen) and "vrijwilliger" (a volunteer in Drunen) try both sides; the
invented neighbours have no password. Loading twice adds nothing.
"""

from django.contrib.auth import get_user_model

from socialebasis.areas.models import Municipality
from socialebasis.directory.models import Organisation
from socialebasis.neighbourhelp import services
from socialebasis.neighbourhelp.models import HelpCategory, HelpRequest
from socialebasis.neighbourhelp.vocabulary import mask_of_parts

MORNINGS = [f"{day}-0" for day in range(5)]
AFTERNOONS = [f"{day}-1" for day in range(5)]

NEIGHBOURS = [
    # username, first name, municipality, postcode, categories they help with (None: asks only)
    ("demo-buur-ans", "Ans", "GM0797", "5151", None),
    ("demo-buur-henk", "Henk", "GM0797", "5252", None),
    ("demo-buur-fatima", "Fatima", "GM0797", "5253", ["boodschappen", "bezoek", "digitaal"]),
    ("demo-buur-jan", "Jan", "GM0797", "5254", ["vervoer", "klusjes", "tuin"]),
    ("demo-buur-piet", "Piet", "GM0828", "5341", None),
    ("demo-buur-lies", "Lies", "GM0828", "5342", ["boodschappen", "vervoer", "bezoek"]),
]

REQUESTS = [
    ("inwoner", "bezoek", "Ik zou het fijn vinden als iemand af en toe een kopje koffie komt drinken.", "5251"),
    ("demo-buur-ans", "boodschappen", "Ik kan door mijn knie even niet naar de winkel. Wie neemt iets mee?", "5151"),
    ("demo-buur-henk", "vervoer", "Ik moet op dinsdag naar het ziekenhuis in Den Bosch en heb geen auto.", "5252"),
    ("demo-buur-henk", "digitaal", "Mijn nieuwe telefoon doet niet wat ik wil. Wie legt het rustig uit?", "5252"),
    ("demo-buur-piet", "boodschappen", "Wekelijks boodschappen voor mij en mijn vrouw.", "5341"),
    ("demo-buur-piet", "tuin", "De heg moet gesnoeid worden, dat lukt mij niet meer.", "5341"),
]


def _neighbour(username: str, first_name: str):
    user, created = get_user_model().objects.get_or_create(
        username=username, defaults={"first_name": first_name, "email": f"{username}@demo.socialebasis.local"}
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


def load() -> dict[str, int]:
    for code in ("GM0797", "GM0828"):
        municipality = Municipality.objects.filter(statcode=code).first()
        if municipality is not None:
            services.apply_preset(municipality)
    if HelpRequest.objects.filter(is_demo=True).exists():
        return {"hulpvragen": 0}
    users = {u.username: u for u in get_user_model().objects.filter(username__in=["inwoner", "vrijwilliger"])}
    for username, first_name, _code, _postcode, _keys in NEIGHBOURS:
        users[username] = _neighbour(username, first_name)

    def categories(code, keys):
        return list(HelpCategory.objects.filter(municipality__statcode=code, key__in=keys))

    volunteers = 0
    if "vrijwilliger" in users:
        services.save_volunteer_profile(
            users["vrijwilliger"],
            postcode="5151",
            categories=categories("GM0797", ["boodschappen", "vervoer", "bezoek", "digitaal"]),
            skills=["driving", "digital", "company"],
            parts=mask_of_parts(MORNINGS + AFTERNOONS[:2]),
            max_km=10,
            languages=["nl", "en"],
            is_demo=True,
        )
        volunteers += 1
    for username, _name, code, postcode, keys in NEIGHBOURS:
        if keys:
            services.save_volunteer_profile(
                users[username],
                postcode=postcode,
                categories=categories(code, keys),
                skills=["driving"],
                parts=mask_of_parts(AFTERNOONS),
                max_km=8,
                languages=["nl"],
                is_demo=True,
            )
            volunteers += 1
    requests = 0
    for username, key, text, postcode in REQUESTS:
        if username not in users:
            continue
        code = "GM0828" if postcode.startswith("53") else "GM0797"
        services.create_request(
            users[username],
            category=HelpCategory.objects.get(municipality__statcode=code, key=key),
            text=text,
            postcode=postcode,
            when="flexible",
            parts=mask_of_parts(MORNINGS),
            is_demo=True,
        )
        requests += 1
    services.create_offer(
        users["demo-buur-jan"],
        category=HelpCategory.objects.get(municipality__statcode="GM0797", key="klusjes"),
        text="Ik heb gereedschap en tijd: een lamp ophangen of een kastje in elkaar zetten.",
        postcode="5254",
        when="flexible",
        parts=mask_of_parts(AFTERNOONS),
        is_demo=True,
    )
    vacancies = 0
    admin = get_user_model().objects.filter(is_superuser=True).first()
    for code, title, task, hours in (
        (
            "GM0797",
            "Chauffeur voor de boodschappenbus",
            "Rijd op donderdag ouderen naar de supermarkt en terug.",
            "3 uur per week",
        ),
        (
            "GM0828",
            "Gastvrouw of gastheer bij de koffieochtend",
            "Zet koffie en maak een praatje met bezoekers.",
            "2 uur per week",
        ),
    ):
        organisation = (
            Organisation.objects.filter(municipality__statcode=code, status="published").order_by("pk").first()
        )
        if organisation is None or admin is None:
            continue
        services.create_vacancy(
            admin, organisation=organisation, title=title, task=task, hours=hours, skills=["driving"], is_demo=True
        )
        vacancies += 1
    return {"vrijwilligers": volunteers, "hulpvragen": requests, "vacatures": vacancies}
