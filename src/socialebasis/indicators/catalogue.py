"""What we know about indicators before a file names them: Dutch labels, unit, and which way is better.

Keys of CBS columns are the CBS column key without its running number (`Eenzaam_28` -> `Eenzaam`).
A column that is not listed here is still imported, with its key as label and no "better" direction.
"""

import re

from .models import Unit

# Sources with their attribution lines (shown wherever their figures are shown).
SOURCES = {
    "cbs-50090ned": {
        "name": "CBS/RIVM/GGD'en, Gezondheid per wijk en buurt (50090NED)",
        "attribution": "Bron: CBS, RIVM/GGD'en (Gezondheidsmonitor), PDOK — CC BY 4.0",
        "licence": "CC BY 4.0",
        "url": "https://opendata.cbs.nl/statline/#/CBS/nl/dataset/50090NED",
    },
    "cbs-kwb": {
        "name": "CBS, Kerncijfers wijken en buurten",
        "attribution": "Bron: CBS, Kerncijfers wijken en buurten, PDOK — CC BY 4.0",
        "licence": "CC BY 4.0",
        "url": "https://opendata.cbs.nl/statline/",
    },
    "sociale-kaart": {
        "name": "Sociale kaart van de gemeente (eigen registratie)",
        "attribution": "Bron: sociale kaart van de gemeente, eigen registratie op het platform Sociale Basis",
        "licence": "",
        "url": "",
    },
    "zelftest-positieve-gezondheid": {
        "name": "Zelftest positieve gezondheid (bijdragen van inwoners)",
        "attribution": "Bron: zelftest positieve gezondheid op het platform, door inwoners zelf gegeven; "
        "een gespreksinstrument, geen meetinstrument",
        "licence": "",
        "url": "",
    },
    "sociale-kwaliteit": {
        "name": "Sociale kwaliteit per wijk (eigen beoordeling)",
        "attribution": "Bron: gemeente, sociale kwaliteit per wijk beoordeeld door professionals en inwoners samen",
        "licence": "",
        "url": "",
    },
    "seed-documents": {
        "name": "Cijfers uit de beleidsvisies van de gemeenten",
        "attribution": "Bron: beleidsvisies sociale basis van de gemeenten (bronvermelding per cijfer)",
        "licence": "",
        "url": "",
    },
}

_H = True
_L = False
# key: (label, higher_is_better, theme)
HEALTH = {
    "ErvarenGezondheidGoedZeerGoed": ("Ervaren gezondheid goed of zeer goed", _H, "Gezondheid"),
    "VoldoetAanBeweegrichtlijn": ("Voldoet aan de beweegrichtlijn", _H, "Leefstijl"),
    "WekelijkseSporters": ("Sport wekelijks", _H, "Leefstijl"),
    "Ondergewicht": ("Ondergewicht", None, "Leefstijl"),
    "NormaalGewicht": ("Normaal gewicht", _H, "Leefstijl"),
    "Overgewicht": ("Overgewicht", _L, "Leefstijl"),
    "ErnstigOvergewicht": ("Ernstig overgewicht", _L, "Leefstijl"),
    "Roker": ("Rookt", _L, "Leefstijl"),
    "VoldoetAanAlcoholRichtlijn": ("Voldoet aan de alcoholrichtlijn", _H, "Leefstijl"),
    "Drinker": ("Drinkt alcohol", None, "Leefstijl"),
    "ZwareDrinker": ("Zware drinker", _L, "Leefstijl"),
    "OvermatigeDrinker": ("Overmatige drinker", _L, "Leefstijl"),
    "EenOfMeerLangdurigeAandoeningen": ("Eén of meer langdurige aandoeningen", _L, "Gezondheid"),
    "BeperktVanwegeGezondheid": ("Beperkt vanwege gezondheid", _L, "Gezondheid"),
    "ErnstigBeperktVanwegeGezondheid": ("Ernstig beperkt vanwege gezondheid", _L, "Gezondheid"),
    "LangdurigeZiekteEnBeperkt": ("Langdurig ziek en beperkt", _L, "Gezondheid"),
    "EenOfMeerLichamelijkeBeperkingen": ("Eén of meer lichamelijke beperkingen", _L, "Gezondheid"),
    "BeperkingInHoren": ("Beperking in horen", _L, "Gezondheid"),
    "BeperkingInZien": ("Beperking in zien", _L, "Gezondheid"),
    "BeperkingInBewegen": ("Beperking in bewegen", _L, "Gezondheid"),
    "MatigHoogRisicoOpAngstOfDepressie": ("Matig of hoog risico op angst of depressie", _L, "Psychische gezondheid"),
    "HoogRisicoOpAngstOfDepressie": ("Hoog risico op angst of depressie", _L, "Psychische gezondheid"),
    "HeelVeelStressInAfgelopen4Weken": ("Heel veel stress in de afgelopen 4 weken", _L, "Psychische gezondheid"),
    "MatigVeelRegieOverEigenLeven": ("Matig of veel regie over eigen leven", _H, "Psychische gezondheid"),
    "Eenzaam": ("Eenzaam", _L, "Meedoen en verbinding"),
    "ErnstigZeerErnstigEenzaam": ("Ernstig of zeer ernstig eenzaam", _L, "Meedoen en verbinding"),
    "EmotioneelEenzaam": ("Emotioneel eenzaam", _L, "Meedoen en verbinding"),
    "SociaalEenzaam": ("Sociaal eenzaam", _L, "Meedoen en verbinding"),
    "Mantelzorger": ("Geeft mantelzorg", None, "Meedoen en verbinding"),
    "Vrijwilligerswerk": ("Doet vrijwilligerswerk", _H, "Meedoen en verbinding"),
    "LopenEnOfFietsenNaarSchoolOfWerk": ("Loopt of fietst naar school of werk", _H, "Leefstijl"),
    "LopenNaarSchoolOfWerk": ("Loopt naar school of werk", _H, "Leefstijl"),
    "FietsenNaarSchoolOfWerk": ("Fietst naar school of werk", _H, "Leefstijl"),
    "ErnstigeGeluidhinderDoorBuren": ("Ernstige geluidhinder door buren", _L, "Woonomgeving"),
    "MoeiteMetRondkomen": ("Moeite met rondkomen", _L, "Bestaanszekerheid"),
}

# Figures quoted in the seed documents (data/seed_figures.csv).
SEED = {
    "monitor_sociale_kracht_totaal": ("Monitor Sociale Kracht, totaalscore", _H, "Meedoen en verbinding"),
    "msk_sociale_samenhang_buurt": (
        "Monitor Sociale Kracht, sociale samenhang in de buurt",
        _H,
        "Meedoen en verbinding",
    ),
    "msk_zelfredzaamheid": ("Monitor Sociale Kracht, zelfredzaamheid", _H, "Meedoen en verbinding"),
    "grijze_druk": ("Grijze druk", None, "Bevolking"),
    "ervaren_sociale_steun": ("Ervaart sociale steun", _H, "Meedoen en verbinding"),
    "zeer_lage_of_lage_veerkracht": ("Zeer lage of lage veerkracht", _L, "Psychische gezondheid"),
    "fietsgebruik": ("Fietsgebruik", _H, "Leefstijl"),
    "mobiliteitsbeperking": ("Mobiliteitsbeperking", _L, "Gezondheid"),
    "mantelzorgpotentieel": ("Mantelzorgpotentieel (inwoners 50-64 per inwoner 85+)", _H, "Bevolking"),
    "huishoudens_met_voorziening_wmo_pw_jw": (
        "Huishoudens met een voorziening Wmo, Participatiewet of Jeugdwet",
        None,
        "Bestaanszekerheid",
    ),
}

# CBS Kerncijfers wijken en buurten: the columns a profile uses most; all other numeric columns are imported
# too, with the CBS title as label.
KWB = {
    "AantalInwoners": ("Aantal inwoners", None, "Bevolking", Unit.COUNT),
    "Bevolkingsdichtheid": ("Bevolkingsdichtheid (inwoners per km²)", None, "Bevolking", Unit.NUMBER),
    "k_65JaarOfOuder": ("Inwoners van 65 jaar of ouder", None, "Bevolking", Unit.COUNT),
    "HuishoudensTotaal": ("Aantal huishoudens", None, "Bevolking", Unit.COUNT),
    "Eenpersoonshuishoudens": ("Eenpersoonshuishoudens", None, "Bevolking", Unit.COUNT),
    "GemiddeldeHuishoudensgrootte": ("Gemiddelde huishoudensgrootte", None, "Bevolking", Unit.NUMBER),
    "Mannen": ("Mannen", None, "Bevolking", Unit.COUNT),
    "Vrouwen": ("Vrouwen", None, "Bevolking", Unit.COUNT),
    "Woningvoorraad": ("Woningvoorraad", None, "Wonen", Unit.COUNT),
    "OppervlakteTotaal": ("Oppervlakte totaal (ha)", None, "Oppervlakte", Unit.NUMBER),
    "OppervlakteLand": ("Oppervlakte land (ha)", None, "Oppervlakte", Unit.NUMBER),
    "OppervlakteWater": ("Oppervlakte water (ha)", None, "Oppervlakte", Unit.NUMBER),
}

_RUNNING_NUMBER = re.compile(r"^(?P<key>.+)_(?P<number>\d+)$")


def key_of_column(column: str) -> str:
    """`AantalInwoners_5` -> `AantalInwoners`; a key without running number stays as it is."""
    match = _RUNNING_NUMBER.match(column)
    return match.group("key") if match else column


def humanize(key: str) -> str:
    text = key.replace("_", " ")
    text = re.sub(r"(?<=[a-z])(?=[A-Z0-9])", " ", text)
    return text[:1].upper() + text[1:].lower()


def is_known(code: str) -> bool:
    """Whether a code is an indicator of this catalogue: what a framework's goal may cite (docs/frameworks.md)."""
    return code in HEALTH or code in SEED or code in KWB


def known_indicators() -> list[tuple[str, str, str]]:
    """Every code a framework's goal may cite, as (code, Dutch label, theme), by theme and then label."""
    rows = [(code, entry[0], entry[2]) for table in (HEALTH, SEED, KWB) for code, entry in table.items()]
    return sorted(rows, key=lambda row: (row[2], row[1].lower()))


def label_of(code: str) -> str:
    """The Dutch label of a catalogue code (for a figure that is not loaded yet), else the code made readable."""
    for table in (HEALTH, SEED, KWB):
        if code in table:
            return table[code][0]
    return humanize(code)
