"""What waits for a professional (issue 12 point 5): the queue, its count in the header and the start page show the
same entries, scoped to the wijken the professional works in, counted in one query."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse
from django.utils import timezone

from socialebasis.areas.models import District, Municipality
from socialebasis.core.permissions import can
from socialebasis.directory import selectors, services
from socialebasis.directory.models import Activity, MeetingPlace, Organisation, Revision
from socialebasis.directory.vocabulary import Status

from .factories import ActivityFactory, MeetingPlaceFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def heusden(seed_areas):
    return Municipality.objects.get(statcode="GM0797")


@pytest.fixture
def wijken(heusden):
    return {d.statcode: d for d in District.objects.filter(municipality=heusden, year=2023)}


def _age(entry, days: int) -> None:
    """Nobody checked `entry` for `days` days."""
    type(entry).objects.filter(pk=entry.pk).update(checked_at=timezone.now() - timedelta(days=days))


@pytest.fixture
def entries(heusden, wijken):
    oss = Municipality.objects.get(statcode="GM0828")
    vlijmen, drunen = wijken["WK079705"], wijken["WK079701"]
    return {
        "new_in_vlijmen": ActivityFactory(title="Nieuw in Vlijmen", district=vlijmen, status=Status.SUBMITTED),
        "new_in_drunen": ActivityFactory(title="Nieuw in Drunen", district=drunen, status=Status.SUBMITTED),
        "new_without_wijk": ActivityFactory(title="Nieuw in heel Heusden", status=Status.SUBMITTED),
        "new_place_in_drunen": MeetingPlaceFactory(
            name="Nieuwe plek Drunen", district=drunen, latitude=None, longitude=None, status=Status.SUBMITTED
        ),
        "new_organisation": OrganisationFactory(name="Nieuwe vereniging", status=Status.SUBMITTED),
        "flagged_in_vlijmen": ActivityFactory(title="Oud in Vlijmen", district=vlijmen, status=Status.NEEDS_CHECK),
        "published_in_vlijmen": ActivityFactory(title="Gewoon in Vlijmen", district=vlijmen),
        "new_in_oss": ActivityFactory(title="Nieuw in Oss", municipality=oss, status=Status.SUBMITTED),
        "draft_in_vlijmen": ActivityFactory(title="Concept in Vlijmen", district=vlijmen, status=Status.DRAFT),
    }


def _people(user_factory, heusden, wijken):
    return {
        "administrator": user_factory(administrator=True),
        "professional of Heusden": user_factory(professional=True, municipalities=[heusden]),
        "professional of Vlijmen": user_factory(
            professional=True, municipalities=[heusden], districts=[wijken["WK079705"]]
        ),
        "professional of Oss": user_factory(
            professional=True, municipalities=[Municipality.objects.get(statcode="GM0828")]
        ),
        "policy officer": user_factory(policy_officer=True, municipalities=[heusden]),
        "inactive professional": user_factory(professional=True, municipalities=[heusden], is_active=False),
        "resident": user_factory(),
        "visitor": AnonymousUser(),
    }


def test_the_query_of_who_moderates_agrees_with_the_rule_for_every_entry(entries, user_factory, heusden, wijken):
    for who, user in _people(user_factory, heusden, wijken).items():
        for model in (Activity, MeetingPlace, Organisation):
            by_rule = {
                e.pk for e in model.objects.all() if can(user, f"directory.moderate_{model._meta.model_name}", e)
            }
            assert set(selectors.moderated_by(user, model).values_list("pk", flat=True)) == by_rule, (who, model)


def test_a_professional_with_assigned_wijken_counts_only_their_wijken_and_the_whole_municipality(
    entries, user_factory, heusden, wijken, django_assert_num_queries
):
    people = _people(user_factory, heusden, wijken)
    vlijmen_professional = people["professional of Vlijmen"]
    with django_assert_num_queries(1):
        count = selectors.to_check_count(vlijmen_professional)
    # New in Vlijmen, new without a wijk, the organisation, and the flagged one in Vlijmen.
    assert count == 4
    assert selectors.to_check_count(people["professional of Heusden"]) == 6
    assert selectors.to_check_count(people["professional of Oss"]) == 1
    assert selectors.to_check_count(people["policy officer"]) == 0
    assert selectors.to_check_count(people["administrator"]) == 7


def test_the_header_count_is_the_number_of_rows_in_the_queue(client, entries, user_factory, heusden, wijken, verified):
    professional = user_factory(professional=True, municipalities=[heusden], districts=[wijken["WK079705"]])
    owner = user_factory()
    published = entries["published_in_vlijmen"]
    published.owner = owner
    published.save()
    services.propose_revision(
        published, actor=owner, data={"title": "Gewoon in Vlijmen, nu op dinsdag"}, changed=["title"],
        previous={"title": published.title}, municipality=heusden,
    )  # fmt: skip
    assert Revision.objects.filter(status="pending").count() == 1
    verified(client, professional)
    queue = client.get(reverse("directory:moderation")).content.decode()
    assert "Te controleren (5)" in queue  # four entries and one change
    for title in ("Nieuw in Vlijmen", "Nieuw in heel Heusden", "Nieuwe vereniging", "Oud in Vlijmen"):
        assert title in queue
    for title in ("Nieuw in Drunen", "Nieuwe plek Drunen", "Nieuw in Oss", "Concept in Vlijmen"):
        assert title not in queue


def test_a_change_moving_an_entry_into_an_assigned_wijk_waits_for_that_wijks_professional(
    client, entries, user_factory, heusden, wijken
):
    vlijmen_professional = user_factory(professional=True, municipalities=[heusden], districts=[wijken["WK079705"]])
    drunen_professional = user_factory(professional=True, municipalities=[heusden], districts=[wijken["WK079701"]])
    elshout = wijken["WK079702"]
    activity = ActivityFactory(title="Verhuist", district=elshout, owner=user_factory())
    services.propose_revision(
        activity, actor=activity.owner, data={"district": str(wijken["WK079705"].pk)}, changed=["district"],
        previous={"district": str(elshout.pk)}, municipality=heusden,
    )  # fmt: skip
    assert selectors.revisions_to_decide(vlijmen_professional).count() == 1
    assert selectors.revisions_to_decide(drunen_professional).count() == 0


def test_entries_due_for_a_check_say_how_many_days_they_are_overdue(entries, user_factory, heusden, wijken, settings):
    settings.DIRECTORY_REMINDER_MONTHS = 6  # 180 days
    _age(entries["flagged_in_vlijmen"], 200)
    _age(entries["published_in_vlijmen"], 185)
    recent = ActivityFactory(title="Net gecontroleerd", district=wijken["WK079705"])
    _age(recent, 30)
    professional = user_factory(professional=True, municipalities=[heusden], districts=[wijken["WK079705"]])
    rows, total = selectors.due_for_check(professional, limit=10)
    assert [(row.title, row.days_overdue) for row in rows] == [("Oud in Vlijmen", 20), ("Gewoon in Vlijmen", 5)]
    assert total == 2
    rows, total = selectors.due_for_check(professional, limit=1)
    assert [row.title for row in rows] == ["Oud in Vlijmen"] and total == 2
    assert selectors.due_for_check(user_factory(policy_officer=True, municipalities=[heusden]), limit=10) == ([], 0)
