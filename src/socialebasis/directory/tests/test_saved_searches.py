"""Saved searches (issue 4 point 2, "iCal per saved search"): kept under a name, followed as a calendar feed,
private to their owner, and the feed shows only what anyone may see."""

import pytest
from django.urls import reverse

from socialebasis.audit.models import Action, AuditEvent
from socialebasis.directory import services
from socialebasis.directory.models import SavedSearch
from socialebasis.directory.vocabulary import Status

from .factories import ActivityFactory

pytestmark = pytest.mark.django_db
SAVE = reverse("directory:saved-searches")


@pytest.fixture
def resident(client, seed_areas, user_factory):
    user = user_factory(username="bewoner")
    client.force_login(user)
    return user


def test_a_search_from_the_list_page_is_saved_and_followed_in_a_calendar(client, resident):
    ActivityFactory(title="Zangavond in de kerk")
    ActivityFactory(title="Kookclub")
    page = client.get(reverse("directory:list"), {"q": "zangavond", "municipality": "GM0797", "pagina": "1"})
    assert "Deze zoekopdracht bewaren" in page.content.decode()
    query = page.context["save_form"].initial["query"]

    response = client.post(SAVE, {"name": "  Zingen   in Heusden ", "query": query})
    assert response.status_code == 302
    saved = SavedSearch.objects.get(owner=resident)
    # Same search, same text: the form's fields in order, without the page number.
    assert saved.name == "Zingen in Heusden" and saved.query == "q=zangavond&municipality=GM0797"
    listing = client.get(SAVE).content.decode()
    assert "Zingen in Heusden" in listing and saved.get_feed_url() in listing

    client.logout()  # a calendar app has no session
    feed = client.get(saved.get_feed_url())
    assert feed.status_code == 200 and feed["Content-Type"].startswith("text/calendar")
    body = feed.content.decode()
    assert "Zangavond in de kerk" in body and "Kookclub" not in body
    assert AuditEvent.objects.filter(action=Action.CREATE, object_type="directory.savedsearch").count() == 1


def test_the_feed_shows_only_what_anyone_may_see_even_for_a_professional(client, seed_areas, user_factory):
    from socialebasis.areas.models import Municipality

    professional = user_factory(professional=True, municipalities=[Municipality.objects.get(statcode="GM0797")])
    ActivityFactory(title="Zangavond open")
    ActivityFactory(title="Zangavond nog niet gecontroleerd", status=Status.SUBMITTED)
    saved = services.save_search(professional, "Zang", {"q": "zangavond"})
    body = client.get(saved.get_feed_url()).content.decode()
    assert "Zangavond open" in body and "nog niet gecontroleerd" not in body


@pytest.mark.parametrize(
    ("name", "query", "message"),
    [
        ("Leeg", "", "Zoek eerst iets"),
        ("Onzin", "lat=99&lon=5", "Deze zoekopdracht is niet geldig"),
        ("", "q=koffie", "Geef de zoekopdracht een naam"),
    ],
)
def test_a_search_that_cannot_be_saved_says_why_in_dutch(client, resident, name, query, message):
    response = client.post(SAVE, {"name": name, "query": query})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not SavedSearch.objects.exists()


def test_one_person_keeps_at_most_fifty_searches(client, resident):
    for number in range(services.MAX_SAVED_SEARCHES):
        services.save_search(resident, f"Zoekopdracht {number}", {"q": f"woord{number}"})
    response = client.post(SAVE, {"name": "Nog een", "query": "q=koffie"})
    assert response.status_code == 400 and "hooguit 50" in response.content.decode()


def test_saved_searches_are_private_to_their_owner(client, resident, user_factory):
    other = user_factory(username="buurvrouw")
    theirs = services.save_search(other, "Haar zoekopdracht", {"q": "koffie"})
    assert "Haar zoekopdracht" not in client.get(SAVE).content.decode()
    refused = client.post(reverse("directory:saved-search-delete", args=[theirs.pk]))
    assert refused.status_code == 404 and SavedSearch.objects.filter(pk=theirs.pk).exists()

    mine = services.save_search(resident, "Mijn zoekopdracht", {"q": "koffie"})
    assert client.post(reverse("directory:saved-search-delete", args=[mine.pk])).status_code == 302
    assert not SavedSearch.objects.filter(pk=mine.pk).exists()
    assert AuditEvent.objects.filter(action=Action.DELETE, object_id=str(mine.pk)).exists()


def test_signing_in_is_needed_to_save_and_an_unknown_feed_is_not_found(client, seed_areas):
    page = client.get(reverse("directory:list"), {"q": "koffie"}).content.decode()
    assert "Log in om deze zoekopdracht te bewaren" in page
    assert client.post(SAVE, {"name": "x", "query": "q=koffie"}).status_code == 302
    assert not SavedSearch.objects.exists()
    assert client.get(reverse("directory:saved-search-calendar", args=["geen-sleutel"])).status_code == 404


def test_feed_keys_differ_and_leave_with_the_account(resident, user_factory):
    first = services.save_search(resident, "Een", {"q": "koffie"})
    second = services.save_search(resident, "Twee", {"q": "koffie"})
    assert first.feed_token != second.feed_token and len(first.feed_token) >= 32
    resident.delete()
    assert not SavedSearch.objects.exists()
