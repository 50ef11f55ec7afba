"""How Heusden and Oss run burenhulp, as data to load (`services.apply_preset`); a municipality changes it later.

Heusden (seed 000, "Vrijwilligers"): the volunteer platform "Heusden voor Elkaar", where "inwoners zich aanmelden als
vrijwilliger, hulpvragen plaatsen of met elkaar in contact komen voor burenhulp en ondersteuning": peer mode.
Personal care and money matters fall outside the sociale basis ("zorg of ondersteuning vanuit de Jeugdwet, Wmo of
Participatiewet", 000 §"Buiten de sociale basis"); Bijeen's "steunpunt mantelzorg of geldzakenspreekuur" is the
institutional sociale basis (000 §"De institutionele sociale basis") and is where those questions go.

Oss (seed 002 §4.2.3 "Vrijwilligers, inwonersinitiatieven en verenigingsleven"): volunteers are to be "goed worden
gefaciliteerd en ondersteund", with "een duidelijk aanspreekpunt bij de gemeente": moderated mode, a professional
of the wijk approves each request and proposes the match.
"""

from .vocabulary import Mode

# (key, Dutch name, for volunteers, directory theme for signposting, skills asked for)
COMMON = [
    ("boodschappen", "Boodschappen", True, "food", ()),
    ("vervoer", "Vervoer", True, "", ("driving",)),
    ("klusjes", "Klusjes in huis", True, "", ("diy",)),
    ("bezoek", "Bezoek en gezelschap", True, "meeting", ("company",)),
    ("digitaal", "Digitale hulp", True, "learning", ("digital",)),
    ("formulieren", "Formulieren en administratie", True, "learning", ("paperwork",)),
    ("tuin", "Tuin", True, "nature", ("gardening",)),
    ("respijt", "Even de zorg overnemen", True, "care", ("company",)),
]

PRESETS = {
    "GM0797": {
        "name": "Heusden voor Elkaar",
        "mode": Mode.PEER,
        "follow_up_days": 14,
        "unmatched_days": 7,
        "expiry_days": 60,
        "retention_months": 12,
        "source": "Beleidsvisie sociale basis Heusden, hoofdstuk Vrijwilligers (vrijwilligersplatform "
        "'Heusden voor Elkaar') en 'Buiten de sociale basis'",
        "not_for_volunteers": [
            (
                "verzorging",
                "Persoonlijke verzorging",
                "Hulp bij wassen, aankleden of medicijnen is zorg, geen burenhulp. Vraag de wijkverpleging of het "
                "Wmo-loket van de gemeente Heusden.",
            ),
            (
                "geldzaken",
                "Geldzaken en schulden",
                "Voor geldzaken en schulden is er het geldzakenspreekuur van Bijeen. Daar helpen mensen die er "
                "verstand van hebben.",
            ),
        ],
    },
    "GM0828": {
        "name": "Burenhulp Oss",
        "mode": Mode.MODERATED,
        "follow_up_days": 10,
        "unmatched_days": 5,
        "expiry_days": 45,
        "retention_months": 12,
        "source": "Visie sociale basis Oss §4.2.3 Vrijwilligers, inwonersinitiatieven en verenigingsleven",
        "not_for_volunteers": [
            (
                "verzorging",
                "Persoonlijke verzorging",
                "Hulp bij wassen, aankleden of medicijnen is zorg, geen burenhulp. Neem contact op met het Wmo-loket "
                "van de gemeente Oss of de wijkverpleging.",
            ),
            (
                "geldzaken",
                "Geldzaken en schulden",
                "Voor geldzaken en schulden helpt de schuldhulpverlening van de gemeente Oss u verder.",
            ),
        ],
    },
}
