"""The application's life cycle: every step by the right and the wrong role, questions back, decision, sending."""

import pytest
from django.core.exceptions import ValidationError

from socialebasis.audit.models import AuditEvent
from socialebasis.initiatives import selectors, services
from socialebasis.initiatives.models import Accountability, Budget, Question
from socialebasis.initiatives.vocabulary import ApplicationStatus as S
from socialebasis.notifications.models import Message
from socialebasis.workflows.services import TransitionNotAllowed, transition

pytestmark = pytest.mark.django_db


def _in_review(app, member):
    transition(app, S.SUBMITTED, actor=app.applicant)
    transition(app, S.IN_REVIEW, actor=member)
    return app


def test_only_the_applicant_sends_a_draft(make_application, member, outsider, policy_officer):
    app = make_application()
    for wrong in (member, outsider, policy_officer):
        with pytest.raises(TransitionNotAllowed):
            transition(app, S.SUBMITTED, actor=wrong)
    services.submit(app, app.applicant)
    app.refresh_from_db()
    assert app.status == S.SUBMITTED and app.submitted_at is not None
    # the table hears of it
    assert Message.objects.filter(recipient=member, kind="initiatives.submitted").count() == 1


def test_the_table_or_the_municipality_starts_the_review_never_the_applicant(
    make_application, member, outsider, policy_officer
):
    app = make_application()
    transition(app, S.SUBMITTED, actor=app.applicant)
    for wrong in (app.applicant, outsider):
        with pytest.raises(TransitionNotAllowed):
            transition(app, S.IN_REVIEW, actor=wrong)
    transition(app, S.IN_REVIEW, actor=policy_officer)
    assert app.status == S.IN_REVIEW


def test_a_question_back_waits_for_the_applicant_and_the_answer_resumes_the_review(make_application, member, outsider):
    app = _in_review(make_application(), member)
    with pytest.raises(ValidationError):  # the button alone cannot make it wait: there must be a question
        transition(app, S.WAITING, actor=member)
    with pytest.raises(Exception):  # noqa: B017  the applicant cannot ask the table's questions
        services.ask_question(app, app.applicant, "amount", "Waarom zoveel?")
    services.ask_question(app, member, "amount", "Kunt u het bedrag uitleggen?")
    services.ask_question(app, member, "where", "Heeft u toestemming voor het plein?")
    app.refresh_from_db()
    assert app.status == S.WAITING
    assert Message.objects.filter(recipient=app.applicant, kind="initiatives.question").count() == 2
    first, second = Question.objects.filter(application=app).order_by("pk")
    assert first.get_about_display() == "How much money do you ask?" or first.about == "amount"
    with pytest.raises(TransitionNotAllowed):
        transition(app, S.IN_REVIEW, actor=outsider)
    with pytest.raises(ValidationError):  # not all answered yet
        transition(app, S.IN_REVIEW, actor=app.applicant)
    with pytest.raises(Exception):  # noqa: B017  only the applicant answers
        services.answer_question(first, outsider, "Ik wel")
    services.answer_question(first, app.applicant, "Het springkussen kost € 300.")
    app.refresh_from_db()
    assert app.status == S.WAITING  # one still open
    services.answer_question(second, app.applicant, "Ja, van de gemeente.")
    app.refresh_from_db()
    assert app.status == S.IN_REVIEW
    assert Message.objects.filter(recipient=member, kind="initiatives.answered").count() == 1


def test_the_table_may_take_it_back_without_waiting(make_application, member, outsider):
    app = _in_review(make_application(), member)
    services.ask_question(app, member, "when", "Wanneer precies?")
    with pytest.raises(TransitionNotAllowed):
        transition(app, S.IN_REVIEW, actor=outsider)
    transition(app, S.IN_REVIEW, actor=member)
    assert app.status == S.IN_REVIEW


def test_deciding_needs_a_declaration_without_interest(make_application, member, applicant, outsider):
    app = _in_review(make_application(), member)
    with pytest.raises(TransitionNotAllowed):
        services.decide(app, member, "granted", None, "Past goed bij de buurt.")
    services.declare(app, member, True, "Mijn zus organiseert het.")
    with pytest.raises(TransitionNotAllowed):
        services.decide(app, member, "granted", None, "Past goed bij de buurt.")
    with pytest.raises(Exception):  # noqa: B017  the applicant is not on the table
        services.declare(app, applicant, False)
    with pytest.raises(TransitionNotAllowed):
        services.decide(app, outsider, "granted", None, "Past goed.")
    services.declare(app, member, False)
    services.decide(app, member, "granted", None, "Past goed bij de buurt.")
    app.refresh_from_db()
    assert app.status == S.DECIDED and app.granted == 800 and app.decided_by == member


def test_a_decision_needs_a_reason_and_a_partial_amount_between_zero_and_the_request(make_application, member):
    app = _in_review(make_application(), member)
    services.declare(app, member, False)
    with pytest.raises(ValidationError) as error:
        services.decide(app, member, "partly", 900, "")
    assert set(error.value.error_dict) == {"granted", "reason"}
    app.refresh_from_db()
    assert app.status == S.IN_REVIEW and app.decision == ""


def test_decided_and_sent_are_separate_moments(make_application, member, outsider):
    app = _in_review(make_application(amount=2000), member)
    services.declare(app, member, False)
    services.decide(app, member, "partly", 1500, "We geven een deel: het springkussen niet.")
    app.refresh_from_db()
    assert app.published_at is None
    assert not Message.objects.filter(recipient=app.applicant, kind="initiatives.decision").exists()
    assert Budget.objects.get(fund=app.fund, district=app.district).granted == 1500
    for wrong in (app.applicant, outsider):
        with pytest.raises(TransitionNotAllowed):
            transition(app, S.PUBLISHED, actor=wrong)
    services.publish(app, member)
    app.refresh_from_db()
    assert app.status == S.PUBLISHED and app.published_at is not None
    assert Message.objects.filter(recipient=app.applicant, kind="initiatives.decision").count() == 1
    # € 1,500 is above the story tier of Oss (€ 1,000): a short activity report too
    assert Accountability.objects.get(application=app).tier == "report"
    steps = AuditEvent.objects.filter(object_type="initiatives.application", object_id=str(app.pk))
    assert {e.details.get("target") for e in steps} >= {"submitted", "in_review", "decided", "published"}


def test_a_declined_application_takes_nothing_from_the_budget(make_application, member):
    app = _in_review(make_application(), member)
    services.declare(app, member, False)
    services.decide(app, member, "declined", None, "Dit is een commercieel plan.")
    assert Budget.objects.get(fund=app.fund, district=app.district).granted == 0
    services.publish(app, member)
    assert not Accountability.objects.filter(application=app).exists()


def test_only_the_applicant_withdraws(make_application, member, outsider):
    app = make_application()
    for wrong in (member, outsider):
        with pytest.raises(TransitionNotAllowed):
            transition(app, S.WITHDRAWN, actor=wrong)
    transition(app, S.WITHDRAWN, actor=app.applicant)
    assert app.status == S.WITHDRAWN


def test_a_decision_above_the_remaining_budget_is_refused_with_a_clear_message(make_application, member):
    first = _in_review(make_application(amount=2500), member)
    second = _in_review(make_application(amount=1000), member)
    for app in (first, second):
        services.declare(app, member, False)
    services.decide(first, member, "granted", None, "Mooi plan.")
    with pytest.raises(services.BudgetExceeded) as refused:
        services.decide(second, member, "granted", None, "Ook mooi.")
    assert "€ 500" in " ".join(refused.value.messages)
    second.refresh_from_db()
    assert second.status == S.IN_REVIEW and second.decision == ""
    assert Budget.objects.get(fund=first.fund, district=first.district).granted == 2500


def test_payouts_are_recorded_by_the_policy_officer_up_to_the_grant(make_application, member, policy_officer):
    import datetime

    app = _in_review(make_application(), member)
    services.declare(app, member, False)
    services.decide(app, member, "granted", None, "Goed.")
    services.publish(app, member)
    with pytest.raises(Exception):  # noqa: B017  a table member does not record payouts
        services.record_payout(app, member, 800, datetime.date(2026, 3, 1), "BO-1")
    services.record_payout(app, policy_officer, 500, datetime.date(2026, 3, 1), "BO-1")
    with pytest.raises(ValidationError):
        services.record_payout(app, policy_officer, 301, datetime.date(2026, 3, 2), "BO-2")
    services.record_payout(app, policy_officer, 300, datetime.date(2026, 3, 2), "BO-2")
    assert sum(p.amount for p in app.payouts.all()) == 800


def test_the_tier_decides_what_is_asked_and_a_reminder_comes_once_when_it_is_due(make_application, member):
    import datetime

    app = _in_review(make_application(amount=600), member)
    services.declare(app, member, False)
    services.decide(app, member, "granted", None, "Goed.")
    services.publish(app, member)
    accountability = Accountability.objects.get(application=app)
    assert accountability.tier == "story"
    assert services.remind_accountability(accountability.due_on - datetime.timedelta(days=1)) == 0
    assert services.remind_accountability(accountability.due_on) == 1
    assert services.remind_accountability(accountability.due_on) == 0
    assert Message.objects.filter(recipient=app.applicant, kind="initiatives.accountability_due").count() == 1
    with pytest.raises(ValidationError):
        services.submit_accountability(accountability, app.applicant, story="", public=True)
    services.submit_accountability(accountability, app.applicant, story="Het was gezellig.", public=False)
    from socialebasis.initiatives.yearly import accountability_stories

    # without the initiator's consent the story is not public and does not count for the yearly report
    assert accountability_stories(app.district, accountability.submitted_at.year) == []


def test_the_yearly_report_shows_the_grant_and_the_story_the_initiator_agreed_to_show(client, make_application, member):
    app = _in_review(make_application(amount=600), member)
    services.declare(app, member, False)
    services.decide(app, member, "granted", None, "Goed.")
    services.publish(app, member)
    accountability = Accountability.objects.get(application=app)
    services.submit_accountability(accountability, app.applicant, story="We kookten elke week samen.", public=True)
    district = app.district
    page = client.get(f"/gemeenten/{district.municipality.statcode}/wijken/{district.statcode}/tellen-en-vertellen/")
    html = page.content.decode()
    assert page.status_code == 200 and "We kookten elke week samen." in html and "€ 600" in html


def test_the_initiator_tells_the_story_on_the_page_and_the_tier_decides_the_questions(client, make_application, member):
    app = _in_review(make_application(amount=600), member)
    services.declare(app, member, False)
    services.decide(app, member, "granted", None, "Goed.")
    services.publish(app, member)
    client.force_login(app.applicant)
    page = client.get(f"/initiatieven/aanvragen/{app.pk}/").content.decode()
    assert 'name="v-story"' in page and 'name="v-activity_report"' not in page  # up to the first tier: a story
    url = f"/initiatieven/aanvragen/{app.pk}/verantwoording/"
    refused = client.post(url, {"v-story": ""})
    assert refused.status_code == 400  # the page again, the message at the field (test_sub_form_errors_…)
    assert 'id="id_v-story_error"' in refused.content.decode()
    assert Accountability.objects.get(application=app).submitted_at is None  # nothing half-written
    assert client.post(url, {"v-story": "Twintig buren kookten mee.", "v-public": "on"}).status_code == 302
    accountability = Accountability.objects.get(application=app)
    assert accountability.story == "Twintig buren kookten mee." and accountability.public


def test_a_financial_statement_stays_with_the_file_when_the_story_is_public(
    client, make_application, member, settings, tmp_path
):
    """The story and its photos may be public; the financial statement (names, bank accounts, receipts) is for the
    applicant, the initiative table and the municipality only, like the application it belongs to."""
    from django.urls import reverse

    from socialebasis.uploads.services import store_upload
    from socialebasis.uploads.tests.hostile import as_upload, pdf, photo

    settings.MEDIA_ROOT = tmp_path
    app = _in_review(make_application(amount=600), member)
    services.declare(app, member, False)
    services.decide(app, member, "granted", None, "Goed.")
    services.publish(app, member)
    accountability = Accountability.objects.get(application=app)
    picture = store_upload(as_upload(photo(), "feest.jpg", "image/jpeg"), owner=app.applicant,
                           purpose="initiative-story", alt_text="Het feest")  # fmt: skip
    statement = store_upload(as_upload(pdf(), "bonnetjes.pdf", "application/pdf"), owner=app.applicant,
                             purpose="initiative-statement")  # fmt: skip
    services.submit_accountability(
        accountability, app.applicant, story="Het was gezellig.", public=True, photos=[picture], statement=statement
    )

    assert client.get(reverse("uploads:thumbnail", args=[picture.pk])).status_code == 200
    assert client.get(reverse("uploads:file", args=[statement.pk])).status_code == 404
    client.force_login(member)
    assert client.get(reverse("uploads:file", args=[statement.pk])).status_code == 200
    page = client.get(f"/initiatieven/aanvragen/{app.pk}/").content.decode()
    assert reverse("uploads:file", args=[statement.pk]) in page
    assert selectors.has_statement(accountability)
