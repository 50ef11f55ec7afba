"""Issue 13 points 1, 3, 4 and 5: moderated approval and a proposed match, on behalf of a resident, follow-up after
the municipality's days, escalation, expiry and reopening, hours, and retention per municipality."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from socialebasis.neighbourhelp import selectors, services
from socialebasis.neighbourhelp.models import FollowUp, HelpRequest, HelpSettings, Match, Message, VolunteerProfile
from socialebasis.neighbourhelp.vocabulary import MatchStatus, RequestStatus
from socialebasis.notifications.models import Message as Notice
from socialebasis.privacy.services import apply_retention
from socialebasis.workflows.services import transition

from .factories import OSS, category, help_request, volunteer

pytestmark = pytest.mark.django_db


def test_moderated_request_waits_for_a_professional_who_proposes_a_volunteer(
    help_presets, user_factory, django_capture_on_commit_callbacks
):
    professional = user_factory(professional=True, municipalities=[help_presets[OSS]])
    request = help_request(code=OSS, postcode="5341")
    assert request.status == RequestStatus.PENDING
    assert selectors.dispatcher_queue(professional)["pending"] == [request]
    assert Notice.objects.filter(recipient=professional, kind="neighbourhelp.for_staff").count() == 1
    transition(request, RequestStatus.OPEN, actor=professional)
    helper = volunteer(code=OSS, postcode="5342")
    assert [r.obj.user for r in selectors.suggestions_for(request)] == [helper]
    match = services.propose_match(professional, request, helper)
    with django_capture_on_commit_callbacks(execute=True):  # the request follows its match after commit
        transition(match, MatchStatus.ACCEPTED, actor=request.owner)
    request.refresh_from_db()
    assert request.status == RequestStatus.MATCHED
    assert VolunteerProfile.objects.get(user=helper).open_matches == 1


def test_not_for_volunteers_shows_where_to_go_instead(help_presets):
    with pytest.raises(ValidationError) as refused:
        help_request(key="geldzaken")
    assert "geldzakenspreekuur van Bijeen" in str(refused.value)
    assert not HelpRequest.objects.exists()


def test_a_professional_asks_on_behalf_of_a_resident_with_consent(help_presets, user_factory):
    professional = user_factory(professional=True, municipalities=[help_presets["GM0797"]])
    with pytest.raises(ValidationError):
        help_request(professional, on_behalf_of="Mevrouw Jansen")
    request = help_request(professional, on_behalf_of="Mevrouw Jansen", resident_consents=True)
    assert request.resident_consent_at is not None
    resident = user_factory()
    with pytest.raises(Exception):  # noqa: B017 (PermissionDenied: only professionals ask for someone else)
        help_request(resident, on_behalf_of="Buurman")


def test_follow_up_after_the_municipalitys_days_then_hours_recorded(
    help_presets, user_factory, django_capture_on_commit_callbacks
):
    request = help_request()
    helper = volunteer()
    match = services.offer_help(helper, request, "Hallo")
    with django_capture_on_commit_callbacks(execute=True):
        transition(match, MatchStatus.ACCEPTED, actor=request.owner)
    days = HelpSettings.objects.get(municipality__statcode="GM0797").follow_up_days
    assert services.ask_follow_ups(timezone.now() + timedelta(days=days - 1)) == 0
    assert services.ask_follow_ups(timezone.now() + timedelta(days=days + 1)) == 1
    assert services.ask_follow_ups(timezone.now() + timedelta(days=days + 2)) == 0  # once
    mine = FollowUp.objects.get(match=match, user=helper)
    with django_capture_on_commit_callbacks(execute=True):
        services.answer_follow_up(helper, mine, happened=True, how_it_went="Goed", hours=2.5)
    match.refresh_from_db()
    request.refresh_from_db()
    assert match.status == MatchStatus.DONE and request.status == RequestStatus.DONE
    assert VolunteerProfile.objects.get(user=helper).hours == 2.5
    with pytest.raises(ValidationError):
        services.answer_follow_up(request.owner, FollowUp.objects.get(user=request.owner), happened=True, hours=1)


def test_unmatched_requests_go_to_a_professional_and_old_ones_expire_and_reopen(help_presets, user_factory):
    professional = user_factory(professional=True, municipalities=[help_presets["GM0797"]])
    request = help_request()
    found = HelpSettings.objects.get(municipality__statcode="GM0797")
    later = timezone.now() + timedelta(days=found.unmatched_days + 1)
    assert services.escalate_unmatched(later) == 1
    assert services.escalate_unmatched(later) == 0
    assert selectors.dispatcher_queue(professional)["unmatched"] == [request]
    assert services.expire_requests(timezone.now() + timedelta(days=found.expiry_days + 1)) == 1
    request.refresh_from_db()
    assert request.status == RequestStatus.EXPIRED
    transition(request, RequestStatus.OPEN, actor=request.owner)
    request.refresh_from_db()
    assert request.status == RequestStatus.OPEN


def test_retention_anonymises_closed_requests_and_deletes_messages_after_the_municipalitys_months(help_presets):
    request = help_request(text="Privé tekst")
    match = services.offer_help(volunteer(), request, "Hallo")
    transition(match, MatchStatus.DECLINED, actor=request.owner)
    transition(request, RequestStatus.CLOSED, actor=request.owner)
    HelpSettings.objects.filter(municipality__statcode="GM0797").update(retention_months=1)
    apply_retention(timezone.now() + timedelta(days=20))
    assert HelpRequest.objects.get(pk=request.pk).text == "Privé tekst"
    report = apply_retention(timezone.now() + timedelta(days=40))
    request.refresh_from_db()
    assert (request.text, request.address, request.phone) == ("", "", "")
    assert not Message.objects.filter(match=match).exists()
    assert report["neighbourhelp.HelpRequest"] == 1
    assert Match.objects.filter(pk=match.pk).exists()  # who helped whom stays for the figures, without content


def test_export_and_erasure_of_a_resident(help_presets, user_factory):
    from socialebasis.privacy.services import erase_account, export_personal_data

    request = help_request(text="Boodschappen graag")
    data = export_personal_data(request.owner)
    assert "Boodschappen graag" in str(data)
    erase_account(request.owner, actor=request.owner)
    assert not HelpRequest.objects.filter(pk=request.pk).exists()
    assert category("GM0797", "boodschappen")
