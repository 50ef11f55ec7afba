"""Panels set up on a staff page (issue 14 point 3): a professional of the municipality makes a wijk or municipal
panel, adds members by the e-mail address of their account (residents too), takes them off again and starts a round
with its period and domains. Others are refused, and only the municipality's staff learn whether an address has an
account."""

from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from socialebasis.accounts.tests.factories import UserFactory
from socialebasis.audit.models import Action, AuditEvent
from socialebasis.notifications.mail import absolute_url
from socialebasis.notifications.models import Message
from socialebasis.notifications.tests.conftest import text_of
from socialebasis.stories.factories import PanelFactory, RoundFactory, a_district
from socialebasis.stories.models import Panel, Round

pytestmark = pytest.mark.django_db

YEAR = date.today().year
UNKNOWN = "Er is geen account met dit e-mailadres."


@pytest.fixture
def staff(oss, verified):
    """A professional of Oss after their second step, and a panel of an Oss wijk."""
    professional = UserFactory(professional=True, municipalities=[oss])
    client = Client()
    verified(client, professional)
    return {"client": client, "user": professional, "panel": PanelFactory(district=a_district("GM0828"))}


def test_a_professional_makes_a_wijk_panel_and_a_municipal_panel(staff, oss):
    client, wijk = staff["client"], a_district("GM0828")
    address = reverse("stories:panels") + "?gemeente=GM0828"
    page = client.get(address)
    assert page.status_code == 200
    assert "Nieuw panel maken" in page.content.decode()
    response = client.post(address, {"name": "Wijkpanel Centrum", "district": wijk.pk})
    panel = Panel.objects.get(name="Wijkpanel Centrum")
    assert response.url == reverse("stories:panel", args=[panel.pk])
    assert (panel.municipality, panel.district) == (oss, wijk)
    client.post(address, {"name": "Gemeentelijk panel", "district": ""})
    assert Panel.objects.get(name="Gemeentelijk panel").is_municipal
    lines = AuditEvent.objects.filter(action=Action.CREATE, object_type="stories.panel", actor=staff["user"])
    assert lines.count() == 2

    refused = client.post(address, {"name": "  ", "district": ""})  # a name is needed; nothing is written
    assert refused.status_code == 200
    assert Panel.objects.filter(municipality=oss).count() == 3


def test_members_are_added_by_the_address_of_their_account_and_taken_off_again(staff):
    client, panel = staff["client"], staff["panel"]
    resident = UserFactory(email="buurvrouw@example.nl", first_name="Anja", last_name="de Vries")
    address = reverse("stories:panel", args=[panel.pk])

    page = client.post(address, {"action": "add", "email": "niemand@example.nl"})
    assert page.status_code == 200
    assert UNKNOWN in page.content.decode()
    assert not panel.members.exists()

    response = client.post(address, {"action": "add", "email": "Buurvrouw@Example.nl"})
    assert response.status_code == 302
    assert list(panel.members.all()) == [resident]  # a resident on the panel
    page = client.get(address).content.decode()
    assert "Anja de Vries" in page and "Haal Anja de Vries van het panel" in page
    again = client.post(address, {"action": "add", "email": "buurvrouw@example.nl"})
    assert "Deze persoon zit al in het panel." in again.content.decode()

    client.post(address, {"action": "remove", "member": str(resident.pk)})
    assert not panel.members.exists()
    changes = AuditEvent.objects.filter(action=Action.UPDATE, object_type="stories.panel", object_id=str(panel.pk))
    assert [line.details for line in changes.order_by("pk")] == [
        {"added_member": resident.pk},
        {"removed_member": resident.pk},
    ]


def test_a_new_member_hears_it_by_mail_with_a_link_to_the_rounds_where_they_choose(
    staff, smtp_server, commit, verified
):
    client, panel = staff["client"], staff["panel"]
    resident = UserFactory(email="buurvrouw@example.nl", first_name="Anja", last_name="de Vries")
    round_ = RoundFactory(panel=panel, title="Ronde voorjaar")
    with commit():
        response = client.post(reverse("stories:panel", args=[panel.pk]), {"action": "add", "email": resident.email})
    assert response.status_code == 302

    (mail,) = smtp_server.to("buurvrouw@example.nl")
    assert mail["Subject"] == f'U zit nu in het verhalenpanel "{panel.name}"'
    text = text_of(mail)
    assert "kiest u per doel het verhaal over de belangrijkste verandering" in text
    rounds = reverse("stories:rounds")
    assert absolute_url(rounds) in text
    (message,) = Message.objects.filter(recipient=resident, kind="stories.panel_member")
    assert message.link == rounds  # the inbox links the same page

    # That page is where the new member finds the panel's round; the round's page shows them its stories to choose from.
    member = Client()
    verified(member, resident)
    assert round_.get_absolute_url() in member.get(rounds).content.decode()
    assert "De verhalen van deze ronde" in member.get(round_.get_absolute_url()).content.decode()

    # Whoever is already on the panel, or taken off it, hears nothing new.
    client.post(reverse("stories:panel", args=[panel.pk]), {"action": "add", "email": resident.email})
    client.post(reverse("stories:panel", args=[panel.pk]), {"action": "remove", "member": str(resident.pk)})
    assert Message.objects.filter(recipient=resident).count() == 1


def test_a_round_starts_on_the_panels_page_with_the_goals_as_domains(staff):
    client, panel = staff["client"], staff["panel"]
    address = reverse("stories:panel", args=[panel.pk])
    page = client.get(address).content.decode()
    for goal in ("Elkaar ontmoeten", "Meedoen", "Er zijn voor elkaar"):
        assert goal in page
    assert page.count('name="domains"') == page.count('name="domains" value=') >= 5
    response = client.post(
        address,
        {"action": "round", "title": "Ronde voorjaar", "period_start": f"{YEAR}-01-01",
         "period_end": f"{YEAR}-06-30", "domains": ["meeting", "looking_out"]},
    )  # fmt: skip
    round_ = Round.objects.get(title="Ronde voorjaar")
    assert response.url == round_.get_absolute_url()
    assert round_.panel == panel
    assert [d["key"] for d in round_.domains] == ["meeting", "looking_out"]

    refused = client.post(
        address, {"action": "round", "title": "Zonder", "period_start": f"{YEAR}-06-30", "period_end": f"{YEAR}-01-01"}
    )
    assert refused.status_code == 200
    assert not Round.objects.filter(title="Zonder").exists()


@pytest.mark.parametrize("who", ["anonymous", "resident", "panel member", "professional elsewhere"])
def test_others_may_not_set_up_panels_nor_learn_which_addresses_have_an_account(who, oss, verified):
    panel = PanelFactory(district=a_district("GM0828"))
    known = UserFactory(email="bekend@example.nl")
    client = Client()
    user = {
        "anonymous": None,
        "resident": UserFactory(home_municipality=oss),
        "panel member": UserFactory(),
        "professional elsewhere": UserFactory(professional=True, municipalities=[a_district("GM0797").municipality]),
    }[who]
    if who == "panel member":
        panel.members.add(user)
    if user is not None:
        verified(client, user)

    listing = client.get(reverse("stories:panels"), {"gemeente": "GM0828"})
    made = client.post(reverse("stories:panels") + "?gemeente=GM0828", {"name": "Eigen panel", "district": ""})
    detail = client.get(reverse("stories:panel", args=[panel.pk]))
    added = client.post(reverse("stories:panel", args=[panel.pk]), {"action": "add", "email": "bekend@example.nl"})
    probe = client.post(reverse("stories:panel", args=[panel.pk]), {"action": "add", "email": "niemand@example.nl"})
    member = str(user.pk if user else known.pk)
    removed = client.post(reverse("stories:panel", args=[panel.pk]), {"action": "remove", "member": member})

    if user is None:  # to the sign-in page, nothing read or written
        assert {r.status_code for r in (listing, made, detail, added, probe, removed)} == {302}
        assert all("/account/" in r.url or "login" in r.url for r in (listing, detail, added))
    else:
        assert listing.status_code == made.status_code == 403
        assert detail.status_code == added.status_code == probe.status_code == removed.status_code == 404
    for response in (listing, made, detail, added, probe, removed):
        assert UNKNOWN not in response.content.decode()
    assert not Panel.objects.filter(name="Eigen panel").exists()
    assert known not in panel.members.all()
    assert panel.members.count() == (1 if who == "panel member" else 0)
