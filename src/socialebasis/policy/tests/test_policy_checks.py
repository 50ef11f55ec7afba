"""Policy checks (issue 17 points 1, 5 and 7): the questions come from the framework in force, a finished check keeps
its own; only the right people write and sign off; versions, the read-only link and the PDF."""

import copy
from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from socialebasis.accounts.tests.factories import UserFactory
from socialebasis.areas.models import Municipality
from socialebasis.frameworks import selectors as framework_selectors
from socialebasis.frameworks import services as framework_services
from socialebasis.policy import selectors, services
from socialebasis.policy.models import Answer, CheckStatus, CheckVersion, PolicyCheck
from socialebasis.workflows.services import TransitionNotAllowed, transition

pytestmark = pytest.mark.django_db

OSS_PRINCIPLES = [
    "We werken gemeenschapsgericht",
    "We geven het initiatief van inwoners de ruimte en we helpen indien nodig",
    "We versterken (lerende) gemeenschappen",
    "Individuele ondersteuning en de sociale basis vullen elkaar aan",
    "We werken aan een inclusieve leefomgeving waar iedereen gelijkwaardig is",
    "De inrichting van de leefomgeving versterkt de sociale basis",
]


def _data(title="Subsidieregeling sociale basis"):
    return services.CheckData(title=title, summary="Een regeling voor organisaties.", owner="Team Samenleving")


def _names(check):
    return [q.name for q in selectors.questions(check)]


def test_the_questions_follow_the_framework_in_force_and_a_finished_check_keeps_its_own(oss, officer, colleague):
    finished = services.start_check(oss, _data(), officer)
    assert _names(finished) == OSS_PRINCIPLES
    transition(finished, CheckStatus.SUBMITTED, actor=officer)
    transition(finished, CheckStatus.APPROVED, actor=colleague)

    # The municipality adds a seventh principle and renames the first: a new version of its framework.
    document = copy.deepcopy(framework_selectors.version_in_force(oss).content)
    document["principles"][0]["name"] = "We werken altijd samen met inwoners"
    document["principles"].append(
        {
            "key": "digital",
            "name": "Iedereen kan digitaal meedoen",
            "description": "Ook zonder computer.",
            "source": "test",
        }
    )
    framework_services.create_version(oss, document, valid_from=timezone.localdate(), note="zevende uitgangspunt")

    new = services.start_check(oss, _data("Nieuw plan"), officer)
    assert _names(new) == ["We werken altijd samen met inwoners", *OSS_PRINCIPLES[1:], "Iedereen kan digitaal meedoen"]
    finished.refresh_from_db()
    assert _names(finished) == OSS_PRINCIPLES
    assert finished.framework_version.number < new.framework_version.number


def test_another_municipality_gets_its_own_questions(presets):
    vijfheerenlanden = Municipality.objects.get(statcode="GM1961")
    officer = UserFactory(policy_officer=True, municipalities=[vijfheerenlanden])
    check = services.start_check(vijfheerenlanden, _data(), officer)
    assert len(_names(check)) == 11
    assert _names(check)[0] == "Gelijkwaardigheid"


def test_a_framework_version_dated_in_the_future_does_not_change_the_questions_yet(oss, officer):
    document = copy.deepcopy(framework_selectors.version_in_force(oss).content)
    document["principles"] = document["principles"][:2]
    framework_services.create_version(oss, document, valid_from=timezone.localdate() + timedelta(days=30))
    assert len(_names(services.start_check(oss, _data(), officer))) == 6


def test_only_policy_officers_of_the_municipality_start_and_change_a_check(oss, officer, professional, presets):
    resident = UserFactory(resident=True)
    elsewhere = UserFactory(policy_officer=True, municipalities=[Municipality.objects.get(statcode="GM0797")])
    for person in (resident, professional, elsewhere):
        with pytest.raises(PermissionDenied):
            services.start_check(oss, _data(), person)
    check = services.start_check(oss, _data(), officer)
    with pytest.raises(PermissionDenied):
        services.save_check(check, _data(), {}, professional)
    assert PolicyCheck.objects.count() == 1


def test_the_author_cannot_sign_off_their_own_check_and_a_colleague_can(oss, officer, colleague, professional):
    check = services.start_check(oss, _data(), officer)
    transition(check, CheckStatus.SUBMITTED, actor=officer)
    for person in (officer, professional):
        with pytest.raises(TransitionNotAllowed):
            transition(check, CheckStatus.APPROVED, actor=person)
    with pytest.raises(ValidationError):
        transition(check, CheckStatus.RETURNED, actor=colleague)  # returning needs a note for the author
    transition(check, CheckStatus.APPROVED, actor=colleague)
    check.refresh_from_db()
    assert (check.status, check.reviewer) == (CheckStatus.APPROVED, colleague)
    # An approved check is no longer changed in place; a new version starts from it.
    with pytest.raises(PermissionDenied):
        services.save_check(check, _data(), {}, officer)
    transition(check, CheckStatus.DRAFT, actor=officer)
    check.refresh_from_db()
    assert (check.version, check.reviewer) == (2, None)


def test_answers_name_the_principles_at_risk_and_every_save_is_kept(oss, officer):
    check = services.start_check(oss, _data(), officer)
    answers = {
        "community_oriented": {"answer": Answer.MEETS, "explanation": "Samen opgesteld."},
        "room_for_initiative": {
            "answer": Answer.NOT,
            "what_would_help": "Een snelle, kleine subsidie voor inwonersinitiatieven.",
            "evidence": [{"kind": "indicator", "reference": "Vrijwilligerswerk", "label": ""}, {"kind": "bad"}],
        },
        "living_environment": {"answer": Answer.PARTLY, "what_would_help": "Ruimte in het omgevingsplan."},
    }
    services.save_check(check, _data(), answers, officer)
    result = selectors.result_of(selectors.questions(check))
    assert [q.key for q in result.at_risk] == ["room_for_initiative", "living_environment"]
    assert len(result.unanswered) == 3
    assert check.answers.get(principle_key="room_for_initiative").evidence == [
        {"kind": "indicator", "reference": "Vrijwilligerswerk", "label": ""}
    ]
    assert list(CheckVersion.objects.filter(check_item=check).values_list("number", flat=True)) == [2, 1]
    assert check.versions.first().content["answers"][1]["answer"] == "not"
    with pytest.raises(ValidationError):
        services.save_check(check, _data(), {"unknown_principle": {"answer": Answer.MEETS}}, officer)
    assert check.versions.count() == 2


def test_the_edit_form_asks_what_would_help_and_writes_nothing_half(client, verified, oss, officer):
    check = services.start_check(oss, _data(), officer)
    verified(client, officer)
    data = {"title": "Andere titel", "summary": "x", "owner": "Team", "room_for_initiative-answer": "not"}
    response = client.post(f"/gemeenten/GM0828/beleid/toetsen/{check.pk}/bewerken/", data)
    assert response.status_code == 200
    assert "Zeg wat zou helpen" in response.content.decode()
    check.refresh_from_db()
    assert check.title == "Subsidieregeling sociale basis"
    data["room_for_initiative-what_would_help"] = "Kleine subsidies"
    response = client.post(f"/gemeenten/GM0828/beleid/toetsen/{check.pk}/bewerken/", data)
    assert response.status_code == 302
    check.refresh_from_db()
    assert check.title == "Andere titel"


def test_the_read_only_link_and_the_pdf(client, verified, oss, officer):
    check = services.start_check(oss, _data(), officer)
    # Not published, not approved: nobody outside the municipality sees it, except with the link.
    assert client.get(f"/gemeenten/GM0828/beleid/toetsen/{check.pk}/").status_code == 404
    shared = client.get(f"/beleidstoets/{check.token}/")
    assert shared.status_code == 200
    html = shared.content.decode()
    assert "Subsidieregeling sociale basis" in html
    assert "bewerken" not in html
    assert client.get("/beleidstoets/niet-te-raden/").status_code == 404
    assert len(check.token) >= 40
    verified(client, officer)
    pdf = client.get(f"/gemeenten/GM0828/beleid/toetsen/{check.pk}/toets.pdf")
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")


def test_the_public_sees_approved_checks_only_where_the_municipality_publishes_them(
    client, verified, oss, officer, colleague
):
    draft = services.start_check(oss, _data("Concept"), officer)
    approved = services.start_check(oss, _data("Goedgekeurd"), officer)
    transition(approved, CheckStatus.SUBMITTED, actor=officer)
    transition(approved, CheckStatus.APPROVED, actor=colleague)
    assert client.get("/api/v1/policy-checks").json()["results"] == []
    services.save_publication(oss, policy_checks=True, theory_of_change=False, social_quality=False, actor=officer)
    rows = client.get("/api/v1/policy-checks?municipality=GM0828").json()["results"]
    assert [r["title"] for r in rows] == ["Goedgekeurd"]
    assert len(rows[0]["answers"]) == 6
    assert client.get(f"/api/v1/policy-checks/{draft.pk}").status_code == 404
    assert client.get(f"/gemeenten/GM0828/beleid/toetsen/{approved.pk}/").status_code == 200
    # A colleague signed in sees the draft as well.
    verified(client, colleague)
    titles = [r["title"] for r in client.get("/api/v1/policy-checks").json()["results"]]
    assert sorted(titles) == ["Concept", "Goedgekeurd"]
