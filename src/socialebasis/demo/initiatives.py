"""Initiatives and funds in the demo (issue 15 point 10), written through the initiatives' services.

The two fund presets derived from the seeds (Heusden's initiatieventafel, seed 000; Oss's fonds sociale basis,
seed 002 §4.2.3); initiatives the seeds name (Buurt Bestuurt, Samen Oplopen, the doorgeefwinkel in Heusden; the
Heksje Route in Oss); a round of the Oss fund with an application in every state; and the Heusden budget divided over
its wijken by the need-weighted formula from the real CBS figures that `load_indicators` loaded. Idempotent: a
second load finds the demo applications by title and adds nothing.
"""

from datetime import date

from django.db import transaction
from django.utils import timezone

from socialebasis.accounts import services as account_services
from socialebasis.accounts.models import User
from socialebasis.areas.models import Municipality
from socialebasis.directory.models import Activity
from socialebasis.initiatives import selectors, services
from socialebasis.initiatives.models import Application, Initiative, Round
from socialebasis.initiatives.vocabulary import ApplicationStatus as S
from socialebasis.initiatives.vocabulary import InitiativeStatus
from socialebasis.workflows.services import transition

ACCOUNTS = [
    {"username": "beleid-oss", "role": "policy_officer", "first_name": "Beleidsmedewerker Oss",
     "works_for": ["GM0828"]},
    {"username": "tafel-oss", "role": "resident", "first_name": "Lid initiatieventafel", "works_for": [],
     "lives_in": "GM0828", "postcode": "5342"},
    {"username": "aanvrager", "role": "resident", "first_name": "Aanvrager", "works_for": [],
     "lives_in": "GM0828", "postcode": "5341"},
]  # fmt: skip

INITIATIVES = [
    ("GM0797", "Buurt Bestuurt Vlijmen-Oost", "buurtschouw", InitiativeStatus.ACTIVE,
     "Bewoners bepalen zelf waar de kers op de taart nodig is in hun buurt, samen met politie en gemeente.",
     "Alle bewoners van de buurt", ["meeting", "looking_out"]),
    ("GM0797", "Samen Oplopen", "samenoplopen", InitiativeStatus.ACTIVE,
     "Vrijwilligers lopen een tijd op met gezinnen en helpen ze verder.", "Gezinnen die steun kunnen gebruiken",
     ["network", "self_reliance"]),
    ("GM0797", "Doorgeefwinkel", "doorgeven", InitiativeStatus.ACTIVE,
     "Spullen die je niet meer nodig hebt, geef je door aan iemand die ze wel kan gebruiken.", "Iedereen",
     ["meeting", "participation"]),
    ("GM0828", "Kookclub Haren", "kookclub", InitiativeStatus.IDEA,
     "Eén avond per maand koken buren voor buren, in het dorpshuis.", "Ouderen en iedereen die graag samen eet",
     ["meeting"]),
    ("GM0828", "Heksje Route", "heksje", InitiativeStatus.DONE,
     "Een speelroute voor kinderen in de Geffense Bosjes, bedacht en gemaakt door buurtbewoners.", "Kinderen en ouders",
     []),
]  # fmt: skip

APPLICATION = {
    "what": "Een middag voor de buren op het plein, met koffie en muziek.",
    "for_whom": "Alle buren, jong en oud",
    "where": "Het plein in de wijk",
    "when": "Een zaterdag in het voorjaar",
    "spending": "Koffie, thee, muziek en een springkussen",
    "helpers": "Zes buren",
    "goals": [],
    "answers": {},
}
# An application in every state of the round, by title.
ROUND_APPLICATIONS = [
    ("Burendag op het plein", 600, S.DRAFT),
    ("Moestuin achter de flat", 900, S.SUBMITTED),
    ("Taalcafé in het wijkhuis", 1500, S.IN_REVIEW),
    ("Kookclub voor ouderen", 2400, S.WAITING),
    ("Jeu-de-boulesbaan", 4000, S.DECIDED),
    ("Kookclub Haren: restaurant voor één avond", 800, S.PUBLISHED),
    ("Feestverlichting in de straat", 1200, "declined"),
    ("Skatewedstrijd", 700, S.WITHDRAWN),
]
HEUSDEN_TERMS = [("AantalInwoners", 1.0), ("MoeiteMetRondkomen", 2.0), ("Eenzaam", 1.0)]


@transaction.atomic
def load() -> dict[str, int]:
    users = {u.username: u for u in account_services.create_demo_accounts(ACCOUNTS)}
    heusden = Municipality.objects.get(statcode="GM0797")
    oss = Municipality.objects.get(statcode="GM0828")
    tafel = services.load_fund_preset(heusden, "heusden-initiatieventafel")
    fonds = services.load_fund_preset(oss, "oss-fonds-sociale-basis")
    counts = {"initiatives": _initiatives(users), "applications": 0}
    year = timezone.localdate().year
    beleid = User.objects.filter(username="beleid").first()
    if beleid is not None and not tafel.allocations.exists():
        terms = [selectors.Term(key, weight, selectors.default_group(key, heusden)) for key, weight in HEUSDEN_TERMS]
        services.save_allocation(tafel, beleid, year=year, total=60_000, base_share=1_000, terms=terms)
    if not fonds.allocations.exists():
        terms = [selectors.Term("AantalInwoners", 1.0, selectors.default_group("AantalInwoners", oss))]
        services.save_allocation(fonds, users["beleid-oss"], year=year, total=120_000, base_share=2_000, terms=terms)
    services.seat_member(fonds, users["tafel-oss"], actor=users["beleid-oss"])
    if not Round.objects.filter(fund=fonds).exists():
        services.add_round(fonds, users["beleid-oss"], f"Najaar {year}", date(year, 9, 1), date(year, 12, 31))
    counts["applications"] = _round(fonds, users, year)
    return counts


def _initiatives(users) -> int:
    added = 0
    for code, title, activity_key, status, what, for_whom, goals in INITIATIVES:
        if Initiative.objects.filter(title=title, is_demo=True).exists():
            continue
        municipality = Municipality.objects.get(statcode=code)
        activities = list(Activity.objects.filter(municipality=municipality, external_id__endswith=activity_key))
        districts = [a.district for a in activities if a.district_id] or list(
            selectors.latest_districts(municipality)[:1]
        )
        initiative = services.save_initiative(
            users["aanvrager"],
            {"municipality": municipality, "title": title, "what": what, "for_whom": for_whom, "goals": goals,
             "districts": districts, "activities": activities},
            is_demo=True,
        )  # fmt: skip
        if status in (InitiativeStatus.ACTIVE, InitiativeStatus.DONE):
            transition(initiative, InitiativeStatus.ACTIVE, actor=users["aanvrager"])
        if status == InitiativeStatus.DONE:
            transition(initiative, InitiativeStatus.DONE, actor=users["aanvrager"])
        added += 1
    return added


def _round(fund, users, year) -> int:
    applicant, table, officer = users["aanvrager"], users["tafel-oss"], users["beleid-oss"]
    budgets = list(selectors.budgets_of(fund, year).order_by("-amount"))
    kookclub = Initiative.objects.filter(title__startswith="Kookclub", is_demo=True).first()
    added = 0
    for index, (title, amount, state) in enumerate(ROUND_APPLICATIONS):
        if Application.objects.filter(fund=fund, title=title, is_demo=True).exists():
            continue
        district = budgets[index % len(budgets)].district
        lines = [{"what": "Koffie en thee", "amount": amount // 2}, {"what": "Muziek", "amount": amount - amount // 2}]
        app = services.save_draft(
            applicant, fund,
            {**APPLICATION, "title": title, "amount": amount, "district": district, "year": year,
             "lines": lines if amount > fund.story_up_to else []},
            is_demo=True,
        )  # fmt: skip
        added += 1
        if state == S.DRAFT:
            continue
        if state == S.WITHDRAWN:
            transition(app, S.WITHDRAWN, actor=applicant, note="We doen het volgend jaar.")
            continue
        services.submit(app, applicant)
        if state == S.SUBMITTED:
            continue
        transition(app, S.IN_REVIEW, actor=table)
        services.assign(app, table, officer)
        services.declare(app, table, False)
        if state == S.IN_REVIEW:
            services.add_note(app, table, "Past goed bij de buurt; navragen of het wijkhuis vrij is.")
            continue
        if state == S.WAITING:
            services.ask_question(app, table, "spending", "Kunt u zeggen wat de boodschappen per keer kosten?")
            continue
        if state == "declined":
            services.decide(app, table, "declined", None, "Feestverlichting valt buiten het fonds: het brengt buren "
                            "niet echt samen. Probeer het eens met een buurtmiddag.")  # fmt: skip
            services.publish(app, table)
            continue
        services.decide(app, table, "granted", None, "Een mooi plan dat buren samenbrengt.")
        if state == S.DECIDED:
            continue
        services.publish(app, table)
        if kookclub is not None:
            Application.objects.filter(pk=app.pk).update(initiative=kookclub)
            app.refresh_from_db()
        services.record_payout(app, officer, amount, timezone.localdate(), f"DEMO-{app.pk}")
        services.submit_accountability(
            app.accountability, applicant,
            story="Veertig buren kookten en aten samen. Iedereen nam een gerecht mee; er zijn nieuwe vriendschappen.",
            public=True,
        )  # fmt: skip
    return added
