"""Demo content of the policy app (issue 17 point 6), written through its services and marked as demo.

Oss checks its planned subsidieregeling sociale basis (seed 002 §4.1.1) against its six principles (002 §3.1);
Vijfheerenlanden assesses the building blocks of the theory of change in two years; Heusden has a small map tied to
real indicators of its wijk Drunen; a few Oss wijken have social-quality scores. The scores, texts and dates are
invented for the demo. Loading twice adds nothing.
"""

from datetime import date

from socialebasis.areas.models import District, Municipality
from socialebasis.indicators.models import Indicator
from socialebasis.policy import selectors, services
from socialebasis.policy.forms import ArrowForm, BoxForm
from socialebasis.policy.models import ChangeMap, PolicyCheck, SelfAssessment, SocialQualityScore

SEED_002 = "Beleidsvisie sociale basis Oss (002), §4.1.1"

OSS_ANSWERS = {
    "community_oriented": (
        "meets",
        "De regeling vraagt organisaties te laten zien hoe zij met inwoners samenwerken.",
        "",
    ),
    "room_for_initiative": (
        "partly",
        "De regeling is voor (semi-)professionele organisaties; inwonersinitiatieven vallen er niet onder.",
        "Een eenvoudige, snelle bijdrage voor inwonersinitiatieven naast de regeling.",
    ),
    "learning_communities": ("meets", "Subsidie gaat samen met een jaarlijks leergesprek per wijk.", ""),
    "individual_support_complements": (
        "partly",
        "De aansluiting met het wijkteam staat nog niet in de voorwaarden.",
        "Vraag in de aanvraag hoe de organisatie samenwerkt met het wijkteam.",
    ),
    "inclusive_environment": ("meets", "De regeling vraagt dat activiteiten voor iedereen toegankelijk zijn.", ""),
    "living_environment": ("na", "De regeling gaat niet over de inrichting van de openbare ruimte.", ""),
}

VIJFHEERENLANDEN_SCORES = {
    2024: {
        "livelihood_security": 2,
        "ownership": 3,
        "room_and_places": 3,
        "informal_care": 2,
        "volunteering": 3,
        "inclusion": 2,
        "predictable_funding": 1,
        "equal_partnership": 3,
        "responsiveness": 2,
        "asking_and_inviting": 2,
    },
    2025: {
        "livelihood_security": 3,
        "ownership": 3,
        "room_and_places": 4,
        "informal_care": 3,
        "volunteering": 3,
        "inclusion": 2,
        "predictable_funding": 2,
        "equal_partnership": 4,
        "responsiveness": 3,
        "asking_and_inviting": 3,
    },
}

OSS_SOCIAL_QUALITY = {
    "WK082801": {"social_inclusion": 6, "social_cohesion": 7, "social_empowerment": 6, "socioeconomic_security": 5},
    "WK082806": {"social_inclusion": 7, "social_cohesion": 6, "social_empowerment": 7, "socioeconomic_security": 7},
    "WK082807": {"social_inclusion": 5, "social_cohesion": 6, "social_empowerment": 5, "socioeconomic_security": 4},
}


def load() -> dict[str, int]:
    counts = {"beleidstoetsen": 0, "zelfevaluaties": 0, "kaarten": 0, "sociale kwaliteit": 0}
    municipalities = {m.statcode: m for m in Municipality.objects.filter(statcode__in=["GM0828", "GM1961", "GM0797"])}
    if "GM0828" in municipalities:
        counts["beleidstoetsen"] = _oss_check(municipalities["GM0828"])
        counts["sociale kwaliteit"] = _oss_social_quality(municipalities["GM0828"])
    if "GM1961" in municipalities:
        counts["zelfevaluaties"] = _vijfheerenlanden(municipalities["GM1961"])
    if "GM0797" in municipalities:
        counts["kaarten"] = _heusden_map(municipalities["GM0797"])
    return counts


def _publish(municipality, **parts):
    current = municipality.policy_publication if hasattr(municipality, "policy_publication") else None
    values = {"policy_checks": False, "theory_of_change": False, "social_quality": False}
    if current:
        values = {name: getattr(current, name) for name in values}
    values.update(parts)
    services.save_publication(municipality, actor=None, **values)


def _oss_check(oss) -> int:
    title = "Subsidieregeling sociale basis"
    if PolicyCheck.objects.filter(municipality=oss, title=title, is_demo=True).exists():
        return 0
    data = services.CheckData(
        title=title,
        summary=(
            "Een subsidieregeling voor (semi-)professionele organisaties die inwoners ondersteunen elkaar te helpen "
            "en meedoen voor iedereen mogelijk maken, op basis van de ambitie en uitgangspunten van de sociale basis."
        ),
        owner="Team Samenleving (demo)",
        target_groups="Organisaties in de sociale basis; inwoners die elkaar helpen",
        spheres=["social_infrastructure"],
        budget=450000,
    )
    check = services.start_check(oss, data, None, is_demo=True)
    answers = {
        key: {
            "answer": answer,
            "explanation": explanation,
            "what_would_help": helps,
            "evidence": [{"kind": "document", "reference": SEED_002, "label": "De plannen voor de regeling"}],
        }
        for key, (answer, explanation, helps) in OSS_ANSWERS.items()
    }
    services.save_check(check, data, answers, None)
    from socialebasis.policy.models import CheckStatus

    # Waiting for a colleague's sign-off: the demo shows the step, the reviewer is a person.
    PolicyCheck.objects.filter(pk=check.pk).update(status=CheckStatus.SUBMITTED)
    return 1


def _oss_social_quality(oss) -> int:
    added = 0
    for code, scores in OSS_SOCIAL_QUALITY.items():
        district = District.objects.filter(municipality=oss, statcode=code).order_by("-year").first()
        if district is None or SocialQualityScore.objects.filter(district=district, year=2025).exists():
            continue
        services.save_social_quality(
            district,
            2025,
            {
                key: {
                    "score": score,
                    "explanation": "Demo: ingevuld in een wijkgesprek van opbouwwerk en bewoners.",
                    "evidence": [
                        {"kind": "indicator", "reference": ref, "label": ""}
                        for ref in selectors.suggested_indicators(key)[:2]
                    ],
                }
                for key, score in scores.items()
            },
            participants="Opbouwwerkers en het bewonerspanel van de wijk (demo)",
            actor=None,
            is_demo=True,
        )
        added += 1
    _publish(oss, social_quality=True)
    return added


def _vijfheerenlanden(municipality) -> int:
    blocks = {b.key: b for b in selectors.blocks_for(municipality)}
    added = 0
    for year, scores in VIJFHEERENLANDEN_SCORES.items():
        if SelfAssessment.objects.filter(municipality=municipality, year=year).exists():
            continue
        services.save_self_assessment(
            municipality,
            year,
            participants="Beleidsmedewerkers, welzijnsorganisaties en de adviesraad sociaal domein (demo)",
            summary="",
            scores={
                blocks[key].pk: {"score": score, "explanation": "Demo: score uit de jaarlijkse bespreking."}
                for key, score in scores.items()
            },
            actor=None,
            is_demo=True,
        )
        added += 1
    _publish(municipality, theory_of_change=True)
    return added


HEUSDEN_BOXES = [
    ("input", "Budget voor opbouwwerk en ontmoeting", [], ""),
    ("activity", "Huiskamer van de wijk in Drunen", [], ""),
    ("output", "Elke week een open inloop", [], ""),
    ("outcome", "Minder inwoners voelen zich eenzaam", ["Eenzaam", "SociaalEenzaam"], "eenzaamheid, ontmoeting"),
    ("outcome", "Meer samenhang in de buurt", ["msk_sociale_samenhang_buurt", "ervaren_sociale_steun"], ""),
    ("impact", "Inwoners redden zich samen", ["monitor_sociale_kracht_totaal"], ""),
]
HEUSDEN_ARROWS = [
    (0, 1, "Met een opbouwwerker erbij komt de huiskamer van de grond.", date(2026, 6, 1)),
    (1, 2, "Vrijwilligers houden de inloop elke week open.", None),
    (2, 3, "Wie komt, ontmoet anderen en voelt zich minder alleen.", date(2026, 12, 1)),
    (2, 4, "Bewoners die elkaar in de huiskamer leren kennen, helpen elkaar ook daarbuiten.", None),
    (4, 5, "Samenhang maakt dat inwoners elkaar vinden als het nodig is.", date(2027, 6, 1)),
]


def _heusden_map(heusden) -> int:
    title = "Huiskamer van de wijk Drunen"
    if ChangeMap.objects.filter(municipality=heusden, title=title, is_demo=True).exists():
        return 0
    district = District.objects.filter(municipality=heusden, statcode="WK079701").order_by("-year").first()
    change_map = ChangeMap.objects.create(municipality=heusden, district=district, title=title, is_demo=True)
    known = dict(Indicator.objects.values_list("key", "pk"))
    boxes = []
    for kind, box_title, indicators, tags in HEUSDEN_BOXES:
        form = BoxForm(
            {
                "kind": kind,
                "title": box_title,
                "indicators": [known[k] for k in indicators if k in known],
                "story_tags": tags,
            }
        )
        if not form.is_valid():
            raise ValueError(form.errors.as_text())
        boxes.append(services.save_map_part(form, None, change_map))
    for source, target, assumption, test_by in HEUSDEN_ARROWS:
        data = {"source": boxes[source].pk, "target": boxes[target].pk, "assumption": assumption}
        if test_by:
            data["test_by"] = test_by.isoformat()
        form = ArrowForm(data, change_map=change_map)
        if not form.is_valid():
            raise ValueError(form.errors.as_text())
        services.save_map_part(form, None, change_map)
    _publish(heusden, theory_of_change=True)
    return 1
