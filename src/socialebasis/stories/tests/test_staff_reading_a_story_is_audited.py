"""A professional or policy officer reads every story of their municipality, also the ones the teller did not make
public (to moderate them). Each such read of a resident's story is written to the audit log (ADR 0025), on the page
and in the API; a read anyone could do (a published public story) or the teller's own read is not."""

import pytest
from django.urls import reverse

from socialebasis.accounts.tests.factories import UserFactory
from socialebasis.audit.models import Action, AuditEvent
from socialebasis.stories.factories import StoryFactory, a_district
from socialebasis.stories.models import StoryStatus, Visibility

pytestmark = pytest.mark.django_db


def _reads_of(story):
    return AuditEvent.objects.filter(action=Action.VIEW, object_type="stories.story", object_id=str(story.pk))


@pytest.fixture
def stories(oss):
    wijk = a_district("GM0828")
    teller = UserFactory()
    return {
        "teller": teller,
        "new": StoryFactory(district=wijk, teller=teller, status=StoryStatus.NEW, visibility=Visibility.PANEL),
        "public": StoryFactory(
            district=wijk, teller=teller, status=StoryStatus.PUBLISHED, visibility=Visibility.PUBLIC_ANONYMOUS
        ),
        "professional": UserFactory(professional=True, municipalities=[oss]),
    }


@pytest.mark.parametrize("page", [True, False], ids=["page", "api"])
def test_a_professional_reading_a_story_that_is_not_public_is_audited(client, verified, stories, page):
    verified(client, stories["professional"])
    story = stories["new"]
    address = reverse("stories:detail", args=[story.pk]) if page else f"/api/v1/stories/{story.pk}"
    assert client.get(address).status_code == 200
    line = _reads_of(story).get()
    assert line.actor == stories["professional"] and line.municipality == "GM0828"


def test_the_api_list_records_which_stories_that_are_not_public_a_professional_read(client, verified, stories):
    verified(client, stories["professional"])
    assert client.get("/api/v1/stories").status_code == 200
    line = AuditEvent.objects.get(action=Action.VIEW, object_type="stories.story", object_id="")
    assert line.details["stories"] == [stories["new"].pk]


def test_the_teller_and_a_reader_of_a_public_story_leave_no_line(client, verified, stories):
    client.force_login(stories["teller"])
    client.get(reverse("stories:detail", args=[stories["new"].pk]))
    client.logout()
    verified(client, stories["professional"])
    client.get(reverse("stories:detail", args=[stories["public"].pk]))
    assert not AuditEvent.objects.filter(action=Action.VIEW, object_type="stories.story").exists()
