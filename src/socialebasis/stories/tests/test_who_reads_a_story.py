"""Every story under every choice of its teller, for every role, on every read path (issue 14 points 1, 8, 10):
the list page, the search, the API (list and one), the yearly report page and its PDF, and the patterns."""

import io
from datetime import date

import pytest
from django.test import Client
from django.urls import reverse
from pypdf import PdfReader

from socialebasis.accounts.tests.factories import UserFactory
from socialebasis.stories import selectors
from socialebasis.stories.factories import PanelFactory, RoundFactory, StoryFactory, a_district
from socialebasis.stories.models import Selection, StoryStatus, Visibility

pytestmark = pytest.mark.django_db

YEAR = date.today().year


@pytest.fixture
def world(oss):
    """In one wijk of Oss: one story per choice and status, each chosen in a completed round of its own (so the
    report would show it to whoever may read it); readers of every role."""
    wijk = a_district("GM0828")
    other_wijk = type(wijk).objects.filter(municipality=oss, year=wijk.year).exclude(pk=wijk.pk).first()
    teller = UserFactory(first_name="Fatima")
    readers = {
        "anonymous": None,
        "resident": UserFactory(),
        "teller": teller,
        "wijk panel": UserFactory(),
        "other wijk panel": UserFactory(),
        "municipal panel": UserFactory(),
        "professional": UserFactory(professional=True, municipalities=[oss]),
        "professional elsewhere": UserFactory(professional=True, municipalities=[a_district("GM0797").municipality]),
        "administrator": UserFactory(administrator=True),
    }
    panel = PanelFactory(district=wijk, members=[readers["wijk panel"]])
    PanelFactory(district=other_wijk, members=[readers["other wijk panel"]])
    PanelFactory(district=None, municipality=oss, members=[readers["municipal panel"]])
    stories = {}
    for visibility in Visibility.values:
        for status in (StoryStatus.NEW, StoryStatus.PUBLISHED, StoryStatus.NOT_PUBLISHED):
            story = StoryFactory(
                district=wijk, teller=teller, visibility=visibility, status=status,
                title=f"Zichtbaar-{visibility}-{status}",
            )  # fmt: skip
            stories[(visibility, status)] = story
            round_ = RoundFactory(panel=panel, status="completed", domains=[{"key": "meeting", "name": "Ontmoeten"}])
            Selection.objects.create(round=round_, story=story, domain="meeting", reasons="Omdat het raakt.")
    return {"wijk": wijk, "readers": readers, "stories": stories, "oss": oss}


def expected(role: str, visibility: str, status: str) -> bool:
    if role in ("teller", "professional", "administrator"):
        return True
    if status != StoryStatus.PUBLISHED:
        return False
    if visibility == Visibility.PANEL:
        return role in ("wijk panel", "municipal panel")
    return True


@pytest.fixture
def reader(verified):
    """A new client signed in as `user` (staff after their second step), or anonymous for None."""

    def sign_in(user):
        client = Client()
        if user is not None:
            verified(client, user)
        return client

    return sign_in


ROLES = ["anonymous", "resident", "teller", "wijk panel", "other wijk panel", "municipal panel", "professional",
         "professional elsewhere", "administrator"]  # fmt: skip


def test_every_read_path_shows_exactly_what_the_teller_allowed(reader, world):
    # One world, every role in turn (building the world once keeps the suite fast).
    for role in ROLES:
        _check_every_read_path(reader(world["readers"][role]), world, role)


def _check_every_read_path(client, world, role):
    wijk = world["wijk"]
    listing = client.get(reverse("stories:list"), {"gemeente": "GM0828"}).content.decode()
    search = client.get(reverse("stories:list"), {"q": "Zichtbaar"}).content.decode()
    api = {row["id"] for row in client.get("/api/v1/stories", {"pageSize": 100}).json()["results"]}
    report = client.get(reverse("yearly:district", args=["GM0828", wijk.statcode]), {"jaar": YEAR}).content.decode()
    for (visibility, status), story in world["stories"].items():
        shown = expected(role, visibility, status)
        where = f"{role} / {visibility} / {status}"
        assert (story.title in listing) is shown, f"list: {where}"
        assert (story.title in search) is shown, f"search: {where}"
        assert (story.pk in api) is shown, f"API list: {where}"
        detail = client.get(f"/api/v1/stories/{story.pk}")
        assert (detail.status_code == 200) is shown, f"API one: {where}"
        # The report shows chosen stories only when published; a reader sees the ones they may read.
        in_report = shown and status == StoryStatus.PUBLISHED
        assert (story.title in report) is in_report, f"report: {where}"


def test_the_pdf_of_the_report_holds_what_the_page_holds(reader, world, django_capture_on_commit_callbacks):
    address = reverse("yearly:district-pdf", args=["GM0828", world["wijk"].statcode])
    for role in ("anonymous", "wijk panel"):
        client = reader(world["readers"][role])
        with django_capture_on_commit_callbacks(execute=True):  # the worker makes it after commit
            assert client.get(address, {"jaar": YEAR}).status_code == 202
        response = client.get(address, {"jaar": YEAR})
        assert response["Content-Type"] == "application/pdf"
        text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
        text = " ".join(text.split())
        for (visibility, status), story in world["stories"].items():
            shown = expected(role, visibility, status) and status == StoryStatus.PUBLISHED
            assert (story.title in text) is shown, f"PDF: {role} / {visibility} / {status}"


def test_the_patterns_count_only_the_stories_the_reader_may_read(world):
    wijk = world["wijk"]
    for i in range(5):
        StoryFactory(district=wijk, visibility=Visibility.PANEL, goals=["meeting"], title=f"Panel {i}")

    def meeting_count(user):
        part = selectors.patterns(wijk, user)
        return next(goal["count"] for goal in part["goals"] if goal["key"] == "meeting")

    # The panel reads 2 public + 1 panel story of the world + these 5 = 8, rounded to 10; others only 2 (< 5).
    assert meeting_count(world["readers"]["wijk panel"]) == 10
    assert meeting_count(world["readers"]["anonymous"]) is None
    assert meeting_count(world["readers"]["other wijk panel"]) is None
