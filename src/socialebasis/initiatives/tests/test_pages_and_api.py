"""The pages and the API: the one-page form with its check, the table's page, the letter, who sees what."""

import pytest

from socialebasis.audit.models import AuditEvent
from socialebasis.initiatives import services
from socialebasis.initiatives.models import Application, Question
from socialebasis.initiatives.vocabulary import ApplicationStatus as S
from socialebasis.workflows.services import transition

pytestmark = pytest.mark.django_db

FORM = {
    "title": "Buurtfeest Schadewijk",
    "what": "Een feest op het plein voor alle buren.",
    "for_whom": "Alle buren, jong en oud",
    "where": "Het plein bij de school",
    "when": "Zaterdag 6 juni",
    "amount": "800",
    "spending": "Koffie, thee en muziek",
    "helpers": "Vijf buren",
    "goals": ["meeting"],
    "c_accessible": "yes",
}


def test_a_resident_saves_a_draft_sees_the_check_and_sends_it(client, fund, wijk, applicant, budget):
    client.force_login(applicant)
    form = client.get(f"/initiatieven/fondsen/{fund.pk}/aanvragen/")
    assert form.status_code == 200
    assert "Eenvoud voor de aanvrager" in form.content.decode()  # the municipality's principles
    refused = client.post(
        f"/initiatieven/fondsen/{fund.pk}/aanvragen/", {**FORM, "district": wijk.pk, "amount": "9000"}
    )
    assert refused.status_code == 400 and not Application.objects.exists()
    assert refused.context["form"].errors["amount"]
    response = client.post(f"/initiatieven/fondsen/{fund.pk}/aanvragen/", {**FORM, "district": wijk.pk})
    application = Application.objects.get()
    assert response.status_code == 302 and application.status == S.DRAFT
    page = client.get(application.get_absolute_url())
    assert page.context["check"] is not None
    assert page.context["check"].reasons[0].source  # reasons carry their source
    assert [s.target for s in page.context["steps"]] == [S.SUBMITTED, S.WITHDRAWN]
    step = client.post(f"/stap/initiatives.application/{application.pk}/", {"to": S.SUBMITTED})
    assert step.status_code == 302
    application.refresh_from_db()
    assert application.status == S.SUBMITTED


def test_above_the_first_tier_the_costs_come_line_by_line(client, fund, wijk, applicant, budget):
    client.force_login(applicant)
    data = {**FORM, "district": wijk.pk, "amount": "2000"}
    page = client.post(f"/initiatieven/fondsen/{fund.pk}/aanvragen/", data)
    assert page.context["form"].errors["lines"]
    client.post(f"/initiatieven/fondsen/{fund.pk}/aanvragen/", {**data, "lines": "springkussen 1200\nkoffie: 800"})
    assert Application.objects.get().lines == [
        {"what": "springkussen", "amount": 1200},
        {"what": "koffie", "amount": 800},
    ]


def test_the_table_asks_the_applicant_answers_with_a_file_and_the_table_decides(
    client, make_application, member, verified
):
    from socialebasis.uploads.tests.hostile import photo

    application = make_application()
    transition(application, S.SUBMITTED, actor=application.applicant)
    transition(application, S.IN_REVIEW, actor=member)
    client.force_login(member)
    url = application.get_absolute_url()
    assert client.get(url).context["check"] is not None  # the table sees the same check
    client.post(f"{url}vraag/", {"q-about": "where", "q-text": "Mag het op het plein?"})
    question = Question.objects.get()
    client.force_login(application.applicant)
    page = client.get(url)
    assert "notes" in page.context and page.context["notes"] == []  # internal notes stay internal
    upload = photo()
    client.post(
        f"{url}vraag/{question.pk}/antwoord/",
        {
            f"a{question.pk}-answer": "Ja, hier is de brief.",
            f"a{question.pk}-attachment": upload,
            f"a{question.pk}-alt_text": "De brief",
        },
    )
    question.refresh_from_db()
    application.refresh_from_db()
    assert question.answer == "Ja, hier is de brief." and application.status == S.IN_REVIEW
    client.force_login(member)
    client.post(f"{url}notitie/", {"n-text": "Ziet er goed uit."})
    client.post(f"{url}belang/", {"d-has_conflict": "no"})
    client.post(f"{url}besluit/", {"b-decision": "granted", "b-reason": "Een mooi plan voor de buurt."})
    application.refresh_from_db()
    assert application.status == S.DECIDED and application.granted == 800
    letter = client.get(f"{url}besluit.pdf")
    assert letter.status_code == 200 and letter.content.startswith(b"%PDF")
    client.force_login(application.applicant)
    assert client.get(f"{url}besluit.pdf").status_code == 404  # decided, not yet sent
    assert AuditEvent.objects.filter(object_type="initiatives.note").exists()


def test_applications_are_seen_by_the_applicant_the_table_and_the_municipality_only(
    client, make_application, member, outsider, policy_officer, verified
):
    application = make_application()
    for user, seen in ((application.applicant, True), (member, True), (outsider, False)):
        client.force_login(user)
        assert client.get(application.get_absolute_url()).status_code == (200 if seen else 404)
        ids = [a["id"] for a in client.get("/api/v1/applications").json()["results"]]
        assert ids == ([application.pk] if seen else [])
        assert client.get(f"/api/v1/applications/{application.pk}").status_code == (200 if seen else 404)
    verified(client, policy_officer)
    assert client.get(f"/api/v1/applications/{application.pk}").status_code == 200
    client.logout()
    assert client.get("/api/v1/applications").json()["results"] == []


def test_the_public_overview_shows_what_was_granted_and_what_came_of_it(client, make_application, member, fund):
    application = make_application(title="Samen Oplopen")
    transition(application, S.SUBMITTED, actor=application.applicant)
    transition(application, S.IN_REVIEW, actor=member)
    services.declare(application, member, False)
    services.decide(application, member, "granted", None, "Goed plan.")
    overview = client.get("/initiatieven/", {"gemeente": "GM0828"})
    assert "Samen Oplopen" not in overview.content.decode()  # decided, not yet sent
    services.publish(application, member)
    services.submit_accountability(
        application.accountability, application.applicant, story="Dertig buren liepen mee.", public=True
    )
    overview = client.get("/initiatieven/", {"gemeente": "GM0828", "wijk": application.district.statcode})
    body = overview.content.decode()
    assert "Samen Oplopen" in body and "Dertig buren liepen mee." in body
    assert client.get(f"/initiatieven/fondsen/{fund.pk}/").status_code == 200
    assert client.get("/api/v1/funds").json()["results"][0]["key"] == "fonds-sociale-basis"
    from socialebasis.initiatives.yearly import accountability_stories

    stories = accountability_stories(application.district, application.accountability.submitted_at.year)
    assert [s.text for s in stories] == ["Dertig buren liepen mee."]


def test_an_initiative_is_owned_by_its_initiator_and_others_join(client, oss, wijk, applicant, outsider):
    client.force_login(applicant)
    response = client.post(
        "/initiatieven/nieuw/",
        {
            "gemeente": "GM0828",
            "title": "Doorgeefwinkel",
            "what": "Spullen doorgeven.",
            "for_whom": "Iedereen",
            "districts": [wijk.pk],
        },
    )
    assert response.status_code == 302
    from socialebasis.initiatives.models import Initiative

    initiative = Initiative.objects.get()
    assert initiative.owner == applicant and initiative.status == "idea"
    client.force_login(outsider)
    client.post(f"/initiatieven/{initiative.pk}/meedoen/")
    assert list(initiative.members.all()) == [outsider]
    assert initiative.owner == applicant
    assert client.get("/api/v1/initiatives").json()["results"][0]["title"] == "Doorgeefwinkel"
    hub = client.get(f"/gemeenten/GM0828/wijken/{wijk.statcode}/")
    assert hub.status_code == 200 and "Doorgeefwinkel" in hub.content.decode()


def test_mijn_werk_lists_the_applications_waiting_for_staff(client, make_application, policy_officer, verified):
    application = make_application(title="Buurtmoestuin")
    transition(application, S.SUBMITTED, actor=application.applicant)
    verified(client, policy_officer)
    page = client.get("/account/werk/")
    assert page.status_code == 200 and "Buurtmoestuin" in page.content.decode()


def test_the_initiator_links_the_activities_they_added_and_the_initiative_shows_the_published_ones(
    client, oss, wijk, applicant, outsider
):
    from socialebasis.directory.tests.factories import ActivityFactory
    from socialebasis.initiatives.models import Initiative

    own = ActivityFactory(municipality=oss, district=wijk, owner=applicant, title="Ruilmiddag")
    ActivityFactory(municipality=oss, district=wijk, owner=outsider, title="Andermans kookclub")
    client.force_login(applicant)
    form = client.get("/initiatieven/nieuw/?gemeente=GM0828").content.decode()
    assert "Ruilmiddag" in form and "Andermans kookclub" not in form
    client.post(
        "/initiatieven/nieuw/",
        {"gemeente": "GM0828", "title": "Doorgeefwinkel", "what": "Spullen doorgeven.", "for_whom": "Iedereen",
         "districts": [wijk.pk], "activities": [own.pk]},
    )  # fmt: skip
    initiative = Initiative.objects.get()
    assert list(initiative.activities.all()) == [own]
    client.logout()
    assert "Ruilmiddag" in client.get(initiative.get_absolute_url()).content.decode()


def test_the_overview_has_a_map_of_the_initiatives_as_an_enhancement_with_titles_as_text(client, oss, wijk, applicant):
    from socialebasis.initiatives import services as initiative_services

    wijk.boundary = {
        "type": "Polygon",
        "coordinates": [[[5.5, 51.7], [5.6, 51.7], [5.6, 51.8], [5.5, 51.8], [5.5, 51.7]]],
    }
    wijk.save()
    initiative_services.save_initiative(
        applicant, {"municipality": oss, "title": "Ruil <b>winkel</b>", "what": "Ruilen", "for_whom": "Buren",
                    "districts": [wijk]},
    )  # fmt: skip
    html = client.get("/initiatieven/?gemeente=GM0828").content.decode()
    data = html.split('id="directory-map-data" type="application/json">', 1)[1].split("</script>", 1)[0]
    assert '"lat": 51.75' in data and "Ruil \\u003Cb\\u003Ewinkel" in data and "<b>" not in data
    assert "Ruil &lt;b&gt;winkel" in html  # the list says the same without the map
