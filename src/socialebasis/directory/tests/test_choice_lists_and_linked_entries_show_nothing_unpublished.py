"""Nothing unpublished leaks (issue 10 point 7): choice lists offer published entries and one's own, and a
published activity does not show the name of an organiser or place that still waits for moderation."""

import pytest
from django.urls import reverse

from socialebasis.directory import services
from socialebasis.directory.vocabulary import Status

from .factories import ActivityFactory, MeetingPlaceFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def names(seed_areas, user_factory):
    me, neighbour = user_factory(), user_factory()
    services.mark_checked(OrganisationFactory(name="Gepubliceerde vereniging"), actor=None)
    OrganisationFactory(name="Mijn eigen clubje", status=Status.SUBMITTED, owner=me)
    OrganisationFactory(name="Geheime buurman", status=Status.SUBMITTED, owner=neighbour)
    services.mark_checked(MeetingPlaceFactory(name="Gepubliceerd buurthuis"), actor=None)
    MeetingPlaceFactory(name="Mijn eigen schuur", status=Status.SUBMITTED, owner=me)
    MeetingPlaceFactory(name="Schuur van de buurman", status=Status.SUBMITTED, owner=neighbour)
    return me


@pytest.mark.parametrize(
    ("kind", "field"), [("plek", "organisation"), ("activiteit", "organisation"), ("activiteit", "place")]
)
def test_the_add_forms_offer_only_published_entries_and_ones_own(client, names, kind, field):
    client.force_login(names)
    response = client.get(reverse("directory:create", args=[kind]))
    offered = [label for _value, label in response.context["form"].fields[field].choices]
    offered = " ".join(str(label) for label in offered)
    published, own, other = (
        ("Gepubliceerde vereniging", "Mijn eigen clubje", "Geheime buurman")
        if field == "organisation"
        else ("Gepubliceerd buurthuis", "Mijn eigen schuur", "Schuur van de buurman")
    )
    assert published in offered and own in offered
    assert other not in offered
    assert other not in response.content.decode()


def test_a_waiting_organisation_chosen_earlier_stays_on_its_own_entry_for_the_moderator(
    client, names, user_factory, verified
):
    waiting = OrganisationFactory(name="Nog niet gecontroleerd", status=Status.SUBMITTED, owner=names)
    activity = ActivityFactory(organisation=waiting, status=Status.SUBMITTED, owner=names)
    verified(client, user_factory(professional=True, municipalities=[activity.municipality]))
    form = client.get(reverse("directory:edit", args=["activiteit", activity.pk])).context["form"]
    assert waiting in form.fields["organisation"].queryset


def test_a_published_activity_hides_an_organiser_and_place_that_wait_for_moderation(client, names, user_factory):
    organiser = OrganisationFactory(name="Wachtende stichting", status=Status.SUBMITTED, owner=names)
    place = MeetingPlaceFactory(name="Wachtende zaal", status=Status.SUBMITTED, owner=names, organisation=organiser)
    activity = ActivityFactory(title="Open inloop", organisation=organiser, place=place)
    page = client.get(reverse("directory:activity", args=[activity.pk])).content.decode()
    assert "Open inloop" in page and "Wachtende stichting" not in page and "Wachtende zaal" not in page
    service = client.get("/api/v1/hsds/services").json()["contents"][0]
    assert "service_at_locations" not in service
    assert client.get("/api/v1/hsds/service_at_locations").json()["total_items"] == 0
    client.force_login(names)  # the owner sees their own
    assert "Wachtende stichting" in client.get(reverse("directory:activity", args=[activity.pk])).content.decode()


def test_imported_and_demo_entries_wait_for_a_check_before_a_resident_may_choose_them(
    client, names, user_factory, verified
):
    imported = OrganisationFactory(name="Geimporteerde stichting")  # published by an import, checked by nobody
    demo = MeetingPlaceFactory(name="Voorbeeldzaal", is_demo=True)
    client.force_login(names)
    form = client.get(reverse("directory:create", args=["activiteit"])).context["form"]
    assert imported not in form.fields["organisation"].queryset
    assert demo not in form.fields["place"].queryset
    professional = user_factory(professional=True, municipalities=[imported.municipality])
    services.mark_checked(imported, actor=professional)
    form = client.get(reverse("directory:create", args=["activiteit"])).context["form"]
    assert imported in form.fields["organisation"].queryset and demo not in form.fields["place"].queryset
    verified(client, professional)  # staff may hang an activity on an entry that came with the import
    form = client.get(reverse("directory:create", args=["activiteit"])).context["form"]
    assert demo in form.fields["place"].queryset


def test_staff_choose_from_the_municipalities_they_work_for(client, seed_areas, user_factory, verified):
    from socialebasis.areas.models import Municipality

    heusden, oss = Municipality.objects.get(statcode="GM0797"), Municipality.objects.get(statcode="GM0828")
    here = OrganisationFactory(name="Vereniging in Heusden", municipality=heusden)
    elsewhere = OrganisationFactory(name="Vereniging in Oss", municipality=oss)
    verified(client, user_factory(professional=True, municipalities=[heusden]))
    form = client.get(reverse("directory:create", args=["activiteit"])).context["form"]
    assert here in form.fields["organisation"].queryset and elsewhere not in form.fields["organisation"].queryset
    wijken = form.fields["district"].queryset
    assert wijken.exists() and set(wijken.values_list("municipality", flat=True)) == {heusden.pk}
