"""A story from telling to the report (issue 14 points 1, 2, 3, 7, 10): the teller tags it and chooses its readers,
a professional reads it, a panel chooses it with reasons and every teller hears why, and a withdrawal takes it out
of every report made afterwards."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from socialebasis.accounts.tests.factories import UserFactory
from socialebasis.notifications.models import Message
from socialebasis.privacy.services import apply_retention, erase_account, export_personal_data
from socialebasis.stories import selectors, services
from socialebasis.stories.factories import PanelFactory, StoryFactory, a_district
from socialebasis.stories.forms import StoryForm
from socialebasis.stories.models import Story, StoryStatus, Visibility
from socialebasis.workflows.services import TransitionNotAllowed, transition

pytestmark = pytest.mark.django_db


def _tell(teller, municipality, photo=None, **data):
    wijk = a_district(municipality.statcode)
    form = StoryForm(
        {
            "title": "De buurtkamer", "text": "Mijn buurvrouw Jansen kwam eindelijk weer buiten.",
            "district": wijk.pk, "goals": ["meeting", "looking_out"], "sphere": "social_ties", "feeling": "5",
            "about": "neighbour", "visibility": Visibility.PUBLIC_NAMED, "teller_name": "Fatima", **data,
        },
        {"photo": photo} if photo else None,
        municipality=municipality,
    )  # fmt: skip
    assert form.is_valid(), form.errors
    return services.tell_story(form.cleaned_data, teller=teller, municipality=municipality)


def test_the_teller_tags_the_story_and_a_professional_publishes_it_without_other_peoples_names(oss, commit):
    teller = UserFactory(email="teller@example.nl")
    professional = UserFactory(professional=True, municipalities=[oss])
    story = _tell(teller, oss)
    assert (story.goals, story.sphere, story.feeling, story.about) == (
        ["meeting", "looking_out"],
        "social_ties",
        5,
        "neighbour",
    )
    assert story.status == StoryStatus.NEW
    assert story not in selectors.stories_for(None)  # nobody else reads it before a professional did
    services.redact_story(
        story, title=story.title, text="Mijn buurvrouw kwam eindelijk weer buiten.", actor=professional
    )
    with commit():
        transition(story, StoryStatus.PUBLISHED, actor=professional)
    assert story in selectors.stories_for(None)
    assert "Jansen" not in Story.objects.get(pk=story.pk).text
    assert Message.objects.filter(recipient=teller, kind="stories.moderated").count() == 1


def test_read_not_published_needs_a_reason_that_the_teller_sees(oss, commit, client):
    teller = UserFactory()
    professional = UserFactory(professional=True, municipalities=[oss])
    story = _tell(teller, oss)
    with pytest.raises(ValidationError):
        transition(story, StoryStatus.NOT_PUBLISHED, actor=professional)
    with commit():
        transition(story, StoryStatus.NOT_PUBLISHED, actor=professional, note="Er staan te veel namen van anderen in.")
    [message] = Message.objects.filter(recipient=teller)
    assert "Er staan te veel namen van anderen in." in message.body
    client.force_login(teller)  # the reason is on the story's page too, for the teller only
    assert "Er staan te veel namen van anderen in." in client.get(story.get_absolute_url()).content.decode()
    with pytest.raises(TransitionNotAllowed):
        transition(story, StoryStatus.PUBLISHED, actor=teller)  # a teller does not publish their own story


def test_a_named_story_needs_a_name_and_a_photo_needs_its_description(oss):
    form = StoryForm(
        {"title": "T", "text": "x", "district": a_district().pk, "feeling": "3", "about": "myself",
         "visibility": Visibility.PUBLIC_NAMED, "teller_name": ""},
        municipality=oss,
    )  # fmt: skip
    assert not form.is_valid()
    assert form.errors["teller_name"] == ["Schrijf de naam die we mogen tonen, of kies iets anders."]


def test_a_panel_chooses_with_reasons_and_every_teller_hears_what_was_chosen(oss, commit):
    wijk = a_district("GM0828")
    member, professional = UserFactory(), UserFactory(professional=True, municipalities=[oss])
    panel = PanelFactory(district=wijk, members=[member])
    tellers = [UserFactory() for _ in range(3)]
    stories = [StoryFactory(district=wijk, teller=t, title=f"Verhaal van {i}") for i, t in enumerate(tellers)]
    hidden = StoryFactory(district=wijk, teller=tellers[0], visibility=Visibility.PANEL, title="Alleen het panel")
    round_ = services.start_round(
        panel=panel, title="Ronde voorjaar", period_start=date.today() - timedelta(days=30),
        period_end=date.today(), actor=professional,
    )  # fmt: skip
    assert {d["key"] for d in round_.domains} >= {"meeting", "participation"}  # the framework's goals by default
    services.select_story(
        round_, story_id=stories[1].pk, domain="meeting", reasons="Het laat zien wat ontmoeten doet.", actor=member
    )
    services.select_story(
        round_, story_id=hidden.pk, domain="looking_out", reasons="Omzien in het klein.", actor=member
    )
    with pytest.raises(ValidationError):
        services.select_story(round_, story_id=stories[0].pk, domain="meeting", reasons="  ", actor=member)
    with commit():
        services.complete_round(round_, feedback="Dank voor alle verhalen.", actor=professional)
    messages = Message.objects.filter(kind="stories.round_feedback")
    assert {m.recipient for m in messages} == set(tellers)
    body = messages.get(recipient=tellers[2]).body
    assert "Verhaal van 1" in body and "Het laat zien wat ontmoeten doet." in body
    assert "Alleen het panel" not in body  # a panel-only story's title goes to nobody else
    # The municipal panel reads what the wijk panels chose.
    municipal = PanelFactory(district=None, municipality=oss)
    upper = services.start_round(panel=municipal, title="Gemeente", period_start=date.today() - timedelta(days=30),
                                 period_end=date.today(), actor=professional)  # fmt: skip
    assert set(selectors.candidates_of(upper)) == {stories[1], hidden}


def test_a_withdrawn_story_is_absent_from_a_report_made_afterwards(oss, client, commit):
    wijk = a_district("GM0828")
    teller = UserFactory()
    panel = PanelFactory(district=wijk)
    story = StoryFactory(district=wijk, teller=teller, title="Het bankje op het plein", text="Daar praten we nu.")
    round_ = services.start_round(panel=panel, title="R", period_start=date(date.today().year, 1, 1),
                                  period_end=date.today(), actor=None)  # fmt: skip
    services.select_story(round_, story_id=story.pk, domain="meeting", reasons="Klein maar echt.", actor=None)
    round_.feedback = ""
    from socialebasis.stories.models import Round, RoundStatus

    Round.objects.filter(pk=round_.pk).update(status=RoundStatus.COMPLETED)
    address = reverse("yearly:district", args=["GM0828", wijk.statcode])
    assert "Het bankje op het plein" in client.get(address).content.decode()
    client.force_login(teller)
    client.post(reverse("stories:withdraw", args=[story.pk]))
    story.refresh_from_db()
    assert story.status == StoryStatus.WITHDRAWN and story.text == "" and story.title == ""
    client.logout()
    page = client.get(address).content.decode()
    assert "Het bankje op het plein" not in page and "Daar praten we nu." not in page
    assert client.get(f"/api/v1/stories/{story.pk}").status_code == 404
    # The emptied row leaves the database after the retention period; the selection goes with it.
    Story.objects.filter(pk=story.pk).update(withdrawn_at=timezone.now() - timedelta(days=31))
    apply_retention()
    assert not Story.objects.filter(pk=story.pk).exists()


def test_a_teller_exports_and_erases_their_stories(oss):
    teller = UserFactory()
    StoryFactory(teller=teller, title="Mijn verhaal over de moestuin")
    assert "Mijn verhaal over de moestuin" in str(export_personal_data(teller))
    erase_account(teller, actor=None)
    assert not Story.objects.filter(title="Mijn verhaal over de moestuin").exists()


def test_the_photo_of_a_story_follows_the_story_and_goes_with_a_withdrawal(oss, client, settings, tmp_path):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from socialebasis.uploads.models import Upload
    from socialebasis.uploads.selectors import uploads_of
    from socialebasis.uploads.tests.hostile import photo

    settings.MEDIA_ROOT = tmp_path
    teller = UserFactory()
    professional = UserFactory(professional=True, municipalities=[oss])
    story = _tell(
        teller, oss, photo=SimpleUploadedFile("bankje.jpg", photo(), content_type="image/jpeg"),
        photo_alt="Twee buren op een bankje",
    )  # fmt: skip
    [upload] = uploads_of(story)
    address = reverse("uploads:file", args=[upload.pk])
    assert client.get(address).status_code == 404  # not read by a professional yet
    transition(story, StoryStatus.PUBLISHED, actor=professional)
    assert client.get(address).status_code == 200
    transition(story, StoryStatus.WITHDRAWN, actor=teller)
    assert not Upload.objects.filter(pk=upload.pk).exists()


def test_a_withdrawal_drops_the_stored_pdfs_of_the_storys_areas(oss, django_capture_on_commit_callbacks):
    """A PDF made before the withdrawal still holds the story; it must not wait for the retention round."""
    from socialebasis.profiles import services as profile_services
    from socialebasis.profiles.models import ReportPdf

    wijk = a_district("GM0828")
    teller = UserFactory()
    story = StoryFactory(district=wijk, teller=teller, status=StoryStatus.PUBLISHED, title="Het bankje")
    with django_capture_on_commit_callbacks(execute=False):
        for code in (wijk.statcode, "GM0828", "GM0797"):
            profile_services.request_report_pdf(
                code=code, division_year=wijk.year, html=f"<p>Het bankje {code}</p>", base_url="http://testserver/"
            )
        services.withdraw_story(story, actor=teller)
    assert list(ReportPdf.objects.values_list("code", flat=True)) == ["GM0797"]
