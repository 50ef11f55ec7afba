"""The age-friendly neighbourhood: the eight domains and the seven steps of "ouderen bereiken en betrekken", both
from the Movisie workshop (seed 004). The questionnaire items are our own (two per domain, plain Dutch), answered on
a scale of five from "helemaal mee oneens" to "helemaal mee eens"."""

DOMAINS = (
    ("outdoor", "Buitenruimte en bebouwing"),
    ("transport", "Vervoer"),
    ("housing", "Huisvesting"),
    ("social", "Sociale participatie"),
    ("respect", "Respect en sociale inclusie"),
    ("civic", "Burgerparticipatie en werk"),
    ("communication", "Communicatie en informatie"),
    ("care", "Zorg en welzijn"),
)
DOMAIN_LABELS = dict(DOMAINS)

STEPS = (
    (1, "Werkgroep vormen en vraag vaststellen"),
    (2, "Analyse van feiten en cijfers"),
    (3, "Vragenlijst opstellen"),
    (4, "In gesprek met ouderen"),
    (5, "Verwerken van resultaten"),
    (6, "Van uitkomst naar actie"),
    (7, "Aan de slag"),
)
STEP_LABELS = dict(STEPS)

SCALE = [
    {"key": "1", "label": "Helemaal mee oneens"},
    {"key": "2", "label": "Mee oneens"},
    {"key": "3", "label": "Niet eens, niet oneens"},
    {"key": "4", "label": "Mee eens"},
    {"key": "5", "label": "Helemaal mee eens"},
]

ITEMS = (
    ("outdoor", "outdoor_walk", "Ik kan in mijn buurt veilig een rondje lopen, ook met een rollator."),
    ("outdoor", "outdoor_bench", "Er zijn genoeg bankjes en plekken om even uit te rusten."),
    ("transport", "transport_shops", "Ik kom zonder auto bij de winkel, de huisarts en de apotheek."),
    ("transport", "transport_lift", "Als ik zelf niet kan rijden, weet ik hoe ik vervoer regel."),
    ("housing", "housing_stay", "Ik kan in mijn huis blijven wonen als ik minder goed ter been ben."),
    ("housing", "housing_choice", "In mijn dorp of wijk zijn woningen die passen bij ouderen."),
    ("social", "social_meet", "Ik weet waar ik in de buurt andere mensen kan ontmoeten."),
    ("social", "social_join", "Er zijn activiteiten in de buurt waar ik graag naartoe ga."),
    ("respect", "respect_count", "Ik merk dat mensen in mijn buurt rekening houden met ouderen."),
    ("respect", "respect_belong", "Ik hoor erbij in mijn buurt, ook nu ik ouder ben."),
    ("civic", "civic_voice", "De gemeente vraagt ouderen om mee te denken over de buurt."),
    ("civic", "civic_volunteer", "Ik kan vrijwilligerswerk doen als ik dat wil."),
    ("communication", "communication_find", "Ik weet waar ik informatie vind over wat er in de buurt is."),
    ("communication", "communication_paper", "Informatie is er ook op papier of via een persoon, niet alleen online."),
    ("care", "care_ask", "Ik weet bij wie ik terecht kan als ik hulp of zorg nodig heb."),
    ("care", "care_near", "Hulp en zorg zijn dichtbij genoeg voor mij."),
)
