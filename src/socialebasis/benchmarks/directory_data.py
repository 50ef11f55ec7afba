"""A national-scale synthetic sociale kaart for `make bench-directory` (issue 4 point 7).

342 municipalities, 3,420 wijken, ~14,500 buurten and 1,000,000 activities with Dutch titles and
descriptions, generated from a fixed seed and bulk-loaded with COPY into a separate database. Nothing here
runs in the application; it only feeds the benchmark command.
"""

import json
import random
from datetime import UTC, datetime

GRID_COLUMNS, GRID_ROWS = 19, 18  # 342 cells over the Netherlands' bounding box
LAT0, LAT1, LON0, LON1 = 50.80, 53.40, 3.50, 7.10
DISTRICTS_PER_MUNICIPALITY = 10

PREFIXES = ["Ber", "Dal", "Hoog", "Laag", "Nieuw", "Oud", "Wes", "Oost", "Zuid", "Noord", "Vel", "Mid", "Ter",
            "Zand", "Bos", "Heuvel", "Wal", "Broek", "Maas", "Rijn"]  # fmt: skip
SUFFIXES = ["dam", "dijk", "veen", "wijk", "hoven", "drecht", "sum", "rode", "loo", "horst", "beek", "haven",
            "meer", "burg", "land", "mond", "zijl"]  # fmt: skip
DISTRICT_WORDS = ["Centrum", "De Linde", "Het Hof", "Molenwijk", "Kerkbuurt", "De Akkers", "Stationsbuurt",
                  "Oude Dorp", "De Weide", "Buitengebied", "Vogelwijk", "Bloemenbuurt"]  # fmt: skip

# (title, description sentences, themes, target groups)
ACTIVITIES = [
    ("Wandelgroep", ["Iedere week lopen we samen een rondje door de wijk.", "Rustig tempo, koffie na afloop."],
     ["sport", "meeting"], ["elderly", "everyone"]),
    ("Koffieochtend", ["Gezellig koffie drinken en een praatje maken.", "Iedereen is welkom, ook nieuwe buren."],
     ["meeting"], ["everyone", "lonely"]),
    ("Taalcafé", ["Oefen Nederlands praten met vrijwilligers.", "Voor nieuwkomers en anderstaligen."],
     ["language", "meeting"], ["newcomers"]),
    ("Kookclub", ["Samen koken en samen eten.", "We koken met verse groenten uit de moestuin."],
     ["food", "meeting"], ["everyone", "lonely"]),
    ("Zangkoor", ["Zingen in een koor, geen ervaring nodig.", "We repeteren in het buurthuis."],
     ["culture"], ["adults", "elderly"]),
    ("Yoga voor ouderen", ["Rustige oefeningen op een stoel.", "Goed voor balans en ontspanning."],
     ["sport", "health"], ["elderly"]),
    ("Moestuin", ["Samen tuinieren in de buurtmoestuin.", "De oogst delen we met de voedselbank."],
     ["nature", "food"], ["everyone"]),
    ("Spreekuur geldzaken", ["Hulp bij post, rekeningen en formulieren.", "Vrijwilligers helpen u op weg."],
     ["money", "learning"], ["low_income", "everyone"]),
    ("Mantelzorgcafé", ["Ontmoeting voor mantelzorgers.", "Even op adem komen met lotgenoten."],
     ["care", "meeting"], ["carers"]),
    ("Bingo", ["Gezellige bingomiddag met mooie prijzen.", "Kom alleen of met een buurvrouw."],
     ["meeting"], ["elderly"]),
    ("Fietsmaatjes", ["Samen fietsen op een duofiets.", "Vrijwilligers fietsen met u mee."],
     ["sport", "nature"], ["elderly", "disability"]),
    ("Computerhulp", ["Hulp met uw telefoon, tablet of computer.", "Stel al uw vragen over internet."],
     ["learning"], ["elderly", "everyone"]),
    ("Huiswerkbegeleiding", ["Hulp bij huiswerk voor kinderen.", "Vrijwilligers helpen met rekenen en taal."],
     ["learning", "language"], ["children", "youth"]),
    ("Repair café", ["Samen kapotte spullen repareren.", "Breng uw lamp, fiets of kleding mee."],
     ["neighbourhood", "volunteering"], ["everyone"]),
    ("Buurtmaaltijd", ["Een warme maaltijd voor een klein bedrag.", "Samen aan tafel in het wijkcentrum."],
     ["food", "meeting"], ["lonely", "elderly"]),
    ("Peuterochtend", ["Spelen en zingen met peuters.", "Ouders ontmoeten elkaar bij een kop koffie."],
     ["meeting"], ["parents", "children"]),
    ("Jongereninloop", ["Chillen, gamen en praten met jongerenwerkers.", "Een plek voor tieners."],
     ["meeting"], ["youth"]),
    ("Klaverjassen", ["Kaarten op dinsdagmiddag.", "Nieuwe spelers zijn van harte welkom."],
     ["meeting", "culture"], ["elderly"]),
    ("Schilderclub", ["Samen schilderen en tekenen.", "Materiaal is aanwezig."],
     ["culture"], ["adults"]),
    ("Beweegtuin", ["Buiten bewegen met een beweegcoach.", "Oefeningen voor kracht en balans."],
     ["sport", "health"], ["elderly", "adults"]),
]  # fmt: skip
QUALIFIERS = ["De Linde", "Het Anker", "De Brug", "Buurthuis", "Wijkcentrum", "De Kastanje", "Het Trefpunt",
              "De Schakel", "Dorpshuis", "De Ontmoeting"]  # fmt: skip
COSTS = ["free"] * 6 + ["contribution"] * 3 + ["membership", "price"]
DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
THEME_LABELS = {"sport": "sport bewegen", "meeting": "ontmoeten", "language": "taal", "food": "eten koken",
                "culture": "cultuur muziek", "health": "gezondheid", "nature": "natuur buiten",
                "money": "geldzaken", "learning": "leren advies", "care": "mantelzorg",
                "neighbourhood": "buurt", "volunteering": "vrijwilligerswerk"}  # fmt: skip


def municipality_cells():
    """(statcode, name, lat0, lon0, dlat, dlon) of every synthetic municipality."""
    dlat = (LAT1 - LAT0) / GRID_ROWS
    dlon = (LON1 - LON0) / GRID_COLUMNS
    cells = []
    for index in range(GRID_ROWS * GRID_COLUMNS):
        row, column = divmod(index, GRID_COLUMNS)
        name = f"{PREFIXES[index % len(PREFIXES)]}{SUFFIXES[(index // len(PREFIXES)) % len(SUFFIXES)]}"
        cells.append((f"GM{index + 1:04d}", f"{name} {index + 1}", LAT0 + row * dlat, LON0 + column * dlon, dlat, dlon))
    return cells


def district_cells(cell):
    """The 10 wijken of a municipality: its cell split into 5 by 2 parts."""
    statcode, _name, lat0, lon0, dlat, dlon = cell
    number = int(statcode[2:])
    for index in range(DISTRICTS_PER_MUNICIPALITY):
        row, column = divmod(index, 5)
        yield (
            f"WK{number:04d}{index:02d}",
            f"{DISTRICT_WORDS[index % len(DISTRICT_WORDS)]} {index + 1}",
            lat0 + row * dlat / 2,
            lon0 + column * dlon / 5,
            dlat / 2,
            dlon / 5,
        )


def activity_rows(count: int, municipalities: list, districts: dict, seed: int):
    """Rows for COPY: municipalities is [(id, cell)], districts maps municipality id → [(id, name, cell)]."""
    rng = random.Random(seed)
    now = datetime(2026, 11, 1, tzinfo=UTC)
    start = datetime(2026, 1, 5, 10, tzinfo=UTC)
    # Grouped by municipality, as a directory fills up: one municipality's import at a time.
    per_municipality, rest = divmod(count, len(municipalities))
    owners = [m for index, (m, _cell) in enumerate(municipalities) for _ in range(per_municipality + (index < rest))]
    for municipality_id in owners:
        district_id, district_name, (_c, _n, la0, lo0, dla, dlo) = rng.choice(districts[municipality_id])
        title, sentences, themes, groups = rng.choice(ACTIVITIES)
        title = f"{title} {rng.choice(QUALIFIERS)}"
        description = " ".join(rng.sample(sentences, len(sentences)))
        days = sorted(rng.sample(range(7), rng.choice((1, 1, 2))))
        mask = sum(1 << d for d in days)
        search_document = f"{description}\n{district_name}\n" + " ".join(THEME_LABELS.get(t, t) for t in themes)
        published = rng.random() > 0.05
        yield (
            municipality_id,
            "published" if published else "submitted",
            "",
            False,
            now,
            now,
            now if rng.random() > 0.3 else None,
            title,
            description,
            district_id,
            la0 + rng.random() * dla,
            lo0 + rng.random() * dlo,
            json.dumps(groups),
            json.dumps(themes),
            json.dumps(["meeting"]),
            "{}",
            "",
            rng.choice(COSTS),
            "",
            rng.random() < 0.2,
            rng.random() < 0.03,
            "[]",
            '["nl"]',
            "",
            "",
            "",
            start,
            90,
            "FREQ=WEEKLY;BYDAY=" + ",".join(DAYS[d] for d in days),
            "[]",
            mask,
            rng.random() < 0.4,
            search_document,
            "{}",
            "",
            "",
            "",
            "",  # postcode_area: the synthetic activities have coordinates, no postcode
        )


ACTIVITY_COLUMNS = (
    "municipality_id, status, external_id, is_demo, created_at, updated_at, checked_at, title, description, "
    "district_id, latitude, longitude, target_groups, themes, goals, answers, sphere, cost, cost_note, "
    "registration_needed, referral_needed, accessibility, languages, contact_name, contact_email, contact_phone, "
    "starts_at, duration_minutes, recurrence, exceptions, weekdays, accessible, search_document, assessment, "
    "assessment_verdict, verdict_override, verdict_note, postcode_area"
)

QUERY_WORDS = ["wandelen", "koffie", "taal", "koken", "zingen", "yoga", "moestuin", "geldzaken", "mantelzorg",
               "bingo", "fietsen", "computer", "huiswerk", "repareren", "maaltijd", "peuters", "jongeren",
               "kaarten", "schilderen", "bewegen", "buurthuis", "wandelgroap", "koffieochtnd",
               "samen eten"]  # fmt: skip
THEMES = list(THEME_LABELS)


def query_mix(count: int, cells: list, seed: int) -> list[tuple[str, dict]]:
    """The search API calls of the benchmark: text with a municipality, facets, a wijk, and near me."""
    rng = random.Random(seed + 1)
    queries = []
    for number in range(count):
        cell = rng.choice(cells)
        statcode, _name, lat0, lon0, dlat, dlon = cell
        kind = number % 5
        if kind == 0:
            queries.append(("text + municipality", {"q": rng.choice(QUERY_WORDS), "municipality": statcode}))
        elif kind == 1:
            queries.append(
                (
                    "text + facets",
                    {
                        "q": rng.choice(QUERY_WORDS),
                        "municipality": statcode,
                        "theme": rng.choice(THEMES),
                        "weekday": rng.randrange(7),
                    },
                )
            )
        elif kind == 2:
            district = f"WK{int(statcode[2:]):04d}{rng.randrange(DISTRICTS_PER_MUNICIPALITY):02d}"
            queries.append(("area (wijk)", {"district": district, "q": rng.choice(QUERY_WORDS)}))
        elif kind == 3:
            lat, lon = lat0 + rng.random() * dlat, lon0 + rng.random() * dlon
            queries.append(("near me + text", {"lat": round(lat, 5), "lon": round(lon, 5), "radius": 3,
                                               "q": rng.choice(QUERY_WORDS)}))  # fmt: skip
        else:
            lat, lon = lat0 + rng.random() * dlat, lon0 + rng.random() * dlon
            queries.append(("near me + facets", {"lat": round(lat, 5), "lon": round(lon, 5), "radius": 2,
                                                 "cost": "free", "accessible": "true"}))  # fmt: skip
    return queries
