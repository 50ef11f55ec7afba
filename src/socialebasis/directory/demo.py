"""Demo content for the four seed municipalities, drawn from what the seed documents name.

The names of initiatives come from the seeds (000 Heusden, 001 Vijfheerenlanden, 002 Oss, 003 West Maas en
Waal); everything else (times, places, coordinates, descriptions) is invented, stored with `is_demo=True`,
and shown as demo data. Demo entries carry no contact data at all, so nothing invented can pass for a real
phone number or address. Loading twice changes nothing: entries are keyed by their external id.
"""

from datetime import datetime
from zoneinfo import ZoneInfo

from django.db import transaction

from socialebasis.areas.models import Municipality

from . import services
from .models import Activity, MeetingPlace, Organisation
from .vocabulary import Status

AMSTERDAM = ZoneInfo("Europe/Amsterdam")

# (key, name, kind, description)
ORGANISATIONS = {
    "GM0797": [
        (
            "steunpunt",
            "Steunpunt Mantelzorg Heusden",
            "welfare_organisation",
            "Steun en ontmoeting voor mantelzorgers.",
        ),
        (
            "buurtbestuurt",
            "Buurt Bestuurt Vlijmen-Oost",
            "informal_group",
            "Comité van bewoners dat samen met politie en gemeente de buurt prettig houdt.",
        ),
        (
            "doorgeef",
            "Doorgeefwinkel Drunen",
            "foundation",
            "Vrijwilligers geven spullen door aan gezinnen die het nodig hebben.",
        ),
        ("voedselbank", "Voedselbank Heusden", "foundation", "Voedselpakketten voor huishoudens met een krap budget."),
    ],
    "GM0828": [
        ("urbanox", "Urban Ox Park Oss", "association", "Ossenaren die samen een urban sportpark maakten en beheren."),
        (
            "haren",
            "Kookclub Haren",
            "informal_group",
            "Inwoners koken eens per maand voor elkaar in gemeenschapshuis De Haar.",
        ),
        ("wijkhuizen", "Wijk- en dorpshuizen Oss", "foundation", "Beheer van de wijk- en dorpshuizen."),
    ],
    "GM0668": [
        (
            "vraagwijzer",
            "VraagWijzer West Maas en Waal",
            "municipality",
            "Vraagwijzer helpt met vragen over zorg, geld en meedoen.",
        ),
        (
            "mantelzorgwmw",
            "Steunpunt Mantelzorg West Maas en Waal",
            "welfare_organisation",
            "Ondersteuning voor mantelzorgers.",
        ),
        ("dorpshuis", "Dorpshuis Beneden-Leeuwen", "foundation", "Multifunctionele accommodatie (MFA) in het dorp."),
    ],
    "GM1961": [
        (
            "buurtver",
            "Buurtvereniging De Hagen Vianen",
            "association",
            "Buurtvereniging die feesten en ontmoetingen organiseert.",
        ),
        ("koor", "Gemengd koor Leerdam", "association", "Zingen in een koor, iedere stem welkom."),
        (
            "gebedshuis",
            "Geloofsgemeenschap Vianen",
            "religious_community",
            "Een gebedshuis dat de deur openzet voor de buurt.",
        ),
        ("taal", "Taalmaatjes Vijfheerenlanden", "informal_group", "Vrijwilligers oefenen Nederlands met nieuwkomers."),
    ],
}

# (key, name, kind, setting, street, city, latitude, longitude, organisation key)
PLACES = {
    "GM0797": [
        (
            "wijkcentrum",
            "Wijkcentrum De Voorde (demo)",
            "public_building",
            "indoor",
            "Voorstraat 1",
            "Vlijmen",
            51.6955,
            5.2150,
            "",
        ),
        (
            "drunen",
            "Ontmoetingsruimte Drunen (demo)",
            "public_building",
            "indoor",
            "Grotestraat 10",
            "Drunen",
            51.6862,
            5.1330,
            "doorgeef",
        ),
    ],
    "GM0828": [
        ("park", "Urban Ox Park", "open_space", "outdoor", "", "Oss", 51.7700, 5.5300, "urbanox"),
        ("dehaar", "Gemeenschapshuis De Haar", "public_building", "indoor", "", "Haren", 51.7750, 5.6060, "haren"),
        ("bosjes", "Geffense Bosjes", "open_space", "outdoor", "", "Geffen", 51.7380, 5.4630, ""),
    ],
    "GM0668": [
        (
            "mfa",
            "MFA Beneden-Leeuwen (demo)",
            "public_building",
            "indoor",
            "",
            "Beneden-Leeuwen",
            51.8880,
            5.5120,
            "dorpshuis",
        ),
    ],
    "GM1961": [
        ("kerk", "Gebedshuis Vianen (demo)", "public_building", "indoor", "", "Vianen", 51.9920, 5.0910, "gebedshuis"),
        ("leerdam", "Buurthuis Leerdam (demo)", "public_building", "indoor", "", "Leerdam", 51.8930, 5.0920, ""),
    ],
}

# (key, title, description, organisation, place, themes, target groups, goals, cost, rule, first time)
ACTIVITIES = {
    "GM0797": [
        (
            "mantelzorgcafe",
            "Mantelzorgcafé",
            "Praat met andere mantelzorgers bij een kop koffie.",
            "steunpunt",
            "wijkcentrum",
            ["care", "meeting"],
            ["carers"],
            ["meeting", "network"],
            "free",
            "FREQ=MONTHLY;BYDAY=1WE",
            (2026, 1, 7, 10),
        ),
        (
            "geldzaken",
            "Geldzakenspreekuur",
            "Vrijwilligers helpen met post, rekeningen en formulieren.",
            "steunpunt",
            "wijkcentrum",
            ["money", "learning"],
            ["everyone", "low_income"],
            ["self_reliance"],
            "free",
            "FREQ=WEEKLY;BYDAY=TH",
            (2026, 1, 8, 14),
        ),
        (
            "buurtschouw",
            "Buurtschouw Buurt Bestuurt",
            "Samen door de buurt lopen en kijken wat beter kan.",
            "buurtbestuurt",
            "",
            ["neighbourhood"],
            ["everyone"],
            ["looking_out", "participation"],
            "free",
            "FREQ=MONTHLY;BYDAY=2SA",
            (2026, 1, 10, 10),
        ),
        (
            "doorgeven",
            "Doorgeefwinkel open",
            "Kom langs voor kleding en spullen, of breng iets dat u niet meer nodig hebt.",
            "doorgeef",
            "drunen",
            ["money", "meeting"],
            ["parents", "low_income"],
            ["meeting", "participation"],
            "free",
            "FREQ=WEEKLY;BYDAY=TU,SA",
            (2026, 1, 6, 13),
        ),
        (
            "samenoplopen",
            "Samen Oplopen",
            "Een vrijwilliger loopt een tijdje op met uw gezin.",
            "doorgeef",
            "",
            ["care"],
            ["parents", "children"],
            ["network", "self_reliance"],
            "free",
            "",
            (2026, 2, 2, 19),
        ),
        (
            "voedsel",
            "Uitgifte voedselpakketten",
            "Pakketten ophalen met een verwijzing.",
            "voedselbank",
            "drunen",
            ["food"],
            ["low_income"],
            ["self_reliance"],
            "free",
            "FREQ=WEEKLY;BYDAY=FR",
            (2026, 1, 9, 15),
        ),
        (
            "wandel",
            "Wandelgroep Vlijmen",
            "Iedere week samen wandelen door de wijk, rustig tempo.",
            "buurtbestuurt",
            "wijkcentrum",
            ["sport", "meeting"],
            ["elderly", "everyone"],
            ["meeting", "positive_health"],
            "free",
            "FREQ=WEEKLY;BYDAY=MO",
            (2026, 1, 5, 10),
        ),
    ],
    "GM0828": [
        (
            "skate",
            "Skaten en pumptrack in Urban Ox Park",
            "Vrij skaten en fietsen op de pumptrack; vrijwilligers houden het park schoon.",
            "urbanox",
            "park",
            ["sport"],
            ["youth", "children"],
            ["meeting", "participation"],
            "free",
            "FREQ=WEEKLY;BYDAY=WE,SA",
            (2026, 1, 7, 14),
        ),
        (
            "heksje",
            "Heksje Route voor kinderen",
            "Een wandelroute voor kinderen door de Geffense Bosjes.",
            "",
            "bosjes",
            ["nature", "sport"],
            ["children", "parents"],
            ["meeting"],
            "free",
            "FREQ=WEEKLY;BYDAY=SU",
            (2026, 1, 4, 11),
        ),
        (
            "kookclub",
            "Kookclub Haren: restaurant voor één avond",
            "Eens per maand koken inwoners voor elkaar.",
            "haren",
            "dehaar",
            ["food", "meeting"],
            ["everyone", "lonely"],
            ["meeting", "network"],
            "contribution",
            "FREQ=MONTHLY;BYDAY=-1FR",
            (2026, 1, 30, 18),
        ),
        (
            "inloop",
            "Inloop in het wijkhuis",
            "Koffie, een praatje en de krant.",
            "wijkhuizen",
            "dehaar",
            ["meeting"],
            ["everyone"],
            ["meeting"],
            "free",
            "FREQ=WEEKLY;BYDAY=TU",
            (2026, 1, 6, 10),
        ),
    ],
    "GM0668": [
        (
            "vraagwijzer",
            "Spreekuur VraagWijzer in het dorpshuis",
            "Met vragen over zorg, geld of meedoen kunt u hier terecht.",
            "vraagwijzer",
            "mfa",
            ["learning", "money"],
            ["everyone"],
            ["self_reliance"],
            "free",
            "FREQ=WEEKLY;BYDAY=WE",
            (2026, 1, 7, 9),
        ),
        (
            "mantelzorg",
            "Mantelzorgontmoeting",
            "Even op adem komen met andere mantelzorgers.",
            "mantelzorgwmw",
            "mfa",
            ["care", "meeting"],
            ["carers"],
            ["meeting", "network"],
            "free",
            "FREQ=MONTHLY;BYDAY=3TH",
            (2026, 1, 15, 14),
        ),
        (
            "preventiecafe",
            "Sport- en preventiecafé",
            "Bewegen en praten over gezond leven.",
            "dorpshuis",
            "mfa",
            ["sport", "health"],
            ["adults", "elderly"],
            ["meeting", "positive_health"],
            "contribution",
            "FREQ=MONTHLY;BYDAY=2TU",
            (2026, 1, 13, 19),
        ),
    ],
    "GM1961": [
        (
            "koor",
            "Koorrepetitie",
            "Wekelijks zingen; geen ervaring nodig.",
            "koor",
            "leerdam",
            ["culture", "meeting"],
            ["everyone"],
            ["meeting", "network"],
            "membership",
            "FREQ=WEEKLY;BYDAY=TH",
            (2026, 1, 8, 20),
        ),
        (
            "inloopkerk",
            "Inloopochtend in het gebedshuis",
            "Iedereen is welkom voor koffie en een gesprek.",
            "gebedshuis",
            "kerk",
            ["meeting", "faith"],
            ["everyone", "lonely"],
            ["meeting", "looking_out"],
            "free",
            "FREQ=WEEKLY;BYDAY=WE",
            (2026, 1, 7, 10),
        ),
        (
            "taalmaatjes",
            "Taalmaatjes: samen Nederlands oefenen",
            "Een vrijwilliger oefent met u de Nederlandse taal.",
            "taal",
            "leerdam",
            ["language"],
            ["newcomers"],
            ["network"],
            "free",
            "FREQ=WEEKLY;BYDAY=MO",
            (2026, 1, 5, 19),
        ),
        (
            "buurtfeest",
            "Buurtbarbecue De Hagen",
            "Jaarlijkse barbecue voor de hele buurt.",
            "buurtver",
            "",
            ["meeting", "neighbourhood"],
            ["everyone"],
            ["meeting", "looking_out"],
            "contribution",
            "FREQ=YEARLY;BYMONTH=6;BYDAY=2SA",
            (2026, 6, 13, 16),
        ),
    ],
}


def _upsert(model, municipality, key, values):
    external_id = f"demo-{key}"
    entry = model.objects.filter(municipality=municipality, external_id=external_id).first()
    if entry is None:
        entry = model(municipality=municipality, external_id=external_id)
    changed = entry.pk is None
    for name, value in values.items():
        if getattr(entry, name) != value:
            setattr(entry, name, value)
            changed = True
    if changed:
        services.save_entry(entry, via="load_demo")
    return entry, changed


@transaction.atomic
def load_demo_directory() -> dict[str, int]:
    """Create or refresh the demo entries; the count says how many were new or changed."""
    counts = {"organisations": 0, "places": 0, "activities": 0}
    for code in ORGANISATIONS:
        municipality = Municipality.objects.filter(statcode=code).first()
        if municipality is None:
            continue
        organisations = {}
        for key, name, kind, description in ORGANISATIONS[code]:
            organisations[key], changed = _upsert(
                Organisation, municipality, f"org-{key}",
                {"name": name, "kind": kind, "description": description, "is_demo": True, "status": Status.PUBLISHED},
            )  # fmt: skip
            counts["organisations"] += changed
        places = {}
        for key, name, kind, setting, street, city, lat, lon, org in PLACES[code]:
            places[key], changed = _upsert(
                MeetingPlace, municipality, f"place-{key}",
                {"name": name, "kind": kind, "setting": setting, "street": street, "city": city, "latitude": lat,
                 "longitude": lon, "organisation": organisations.get(org), "is_demo": True,
                 "status": Status.PUBLISHED},
            )  # fmt: skip
            counts["places"] += changed
        for key, title, description, org, place, themes, groups, goals, cost, rule, start in ACTIVITIES[code]:
            _entry, changed = _upsert(
                Activity, municipality, f"activity-{key}",
                {"title": title, "description": description, "organisation": organisations.get(org),
                 "place": places.get(place), "themes": themes, "target_groups": groups, "goals": goals,
                 "cost": cost, "recurrence": rule, "starts_at": datetime(*start, tzinfo=AMSTERDAM),
                 "referral_needed": key == "voedsel", "is_demo": True, "status": Status.PUBLISHED,
                 "languages": ["nl"]},
            )  # fmt: skip
            counts["activities"] += changed
    services.reassess_all()
    return counts
