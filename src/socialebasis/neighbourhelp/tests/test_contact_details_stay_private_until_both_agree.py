"""Issue 13 points 3 and 9: the helper reads every page and API answer of the conversation before both agreed, and
finds none of the requester's contact details; once both agreed, each sees the other's. E-mails carry a link only."""

import pytest
from django.core import mail
from django.urls import reverse

from socialebasis.neighbourhelp import services
from socialebasis.notifications.models import Message as Notice

from .factories import help_request, volunteer

pytestmark = pytest.mark.django_db

EMAIL, PHONE, ADDRESS = "riet.requester@example.nl", "0612345678", "Kerkstraat 1"


def _everything_the_helper_reads(client, request, match) -> dict[str, str]:
    pages = {
        "request": reverse("neighbourhelp:request", args=[request.pk]),
        "conversation": reverse("neighbourhelp:conversation", args=[match.pk]),
        "mine": reverse("neighbourhelp:mine"),
        "volunteer": reverse("neighbourhelp:volunteer"),
        "index": reverse("neighbourhelp:index"),
        "inbox": reverse("notifications:inbox"),
        "api list": "/api/v1/help-requests",
        "api request": f"/api/v1/help-requests/{request.pk}",
        "api offers": "/api/v1/help-offers",
        "api suggestions": f"/api/v1/help-requests/{request.pk}/suggestions",
    }
    return {what: client.get(url).content.decode() for what, url in pages.items()}


def test_the_helper_finds_no_contact_details_of_the_requester_before_both_agree(client, help_presets, user_factory):
    requester = user_factory(first_name="Riet", email=EMAIL)
    request = help_request(requester, address=ADDRESS, phone=PHONE)
    helper = volunteer(user_factory(first_name="Harm", email="harm@example.nl"), parts=("1-0",))
    mail.outbox.clear()
    match = services.offer_help(helper, request, "Ik kan dinsdag helpen.")
    services.send_message(requester, match, "Fijn! Wanneer kunt u?")
    services.give_consent(helper, match)  # only the helper agreed so far
    client.force_login(helper)

    for what, body in _everything_the_helper_reads(client, request, match).items():
        for secret in (EMAIL, PHONE, ADDRESS):
            assert secret not in body, f"{secret} on {what}"
    assert services.contact_of_other(match, helper) is None

    # Every notice (inbox and e-mail) carries a link, not the conversation.
    for notice in Notice.objects.filter(recipient__in=[helper, requester]):
        assert "Wanneer kunt u" not in notice.body and "dinsdag helpen" not in notice.body
    for sent in mail.outbox:
        assert "Wanneer kunt u" not in sent.body and "dinsdag helpen" not in sent.body

    services.give_consent(requester, match)
    conversation = client.get(reverse("neighbourhelp:conversation", args=[match.pk])).content.decode()
    assert EMAIL in conversation and PHONE in conversation and ADDRESS in conversation
    client.force_login(requester)
    assert "harm@example.nl" in client.get(reverse("neighbourhelp:conversation", args=[match.pk])).content.decode()


def test_a_professional_opening_a_residents_request_or_conversation_is_audited(
    client, help_presets, user_factory, verified
):
    from socialebasis.audit.models import AuditEvent

    request = help_request()
    helper = volunteer()
    match = services.offer_help(helper, request, "Hallo")
    professional = user_factory(professional=True, municipalities=[help_presets["GM0797"]])
    verified(client, professional)
    client.get(reverse("neighbourhelp:request", args=[request.pk]))
    client.get(reverse("neighbourhelp:conversation", args=[match.pk]))
    viewed = AuditEvent.objects.filter(actor=professional, action="view").values_list("object_type", flat=True)
    assert set(viewed) == {"neighbourhelp.helprequest", "neighbourhelp.match"}


def test_a_report_goes_to_the_professionals_of_the_wijk_and_a_block_stops_messages(help_presets, user_factory):
    from django.core.exceptions import ValidationError

    from socialebasis.neighbourhelp import selectors

    professional = user_factory(professional=True, municipalities=[help_presets["GM0797"]])
    request = help_request()
    helper = volunteer()
    match = services.offer_help(helper, request, "Hallo")
    services.report(request.owner, match, "Hij vroeg om geld.")
    assert [r.match for r in selectors.dispatcher_queue(professional)["reports"]] == [match]
    assert Notice.objects.filter(recipient=professional, kind="neighbourhelp.for_staff").exists()
    services.block(request.owner, helper)
    with pytest.raises(ValidationError):
        services.send_message(helper, match, "Nog iets")
