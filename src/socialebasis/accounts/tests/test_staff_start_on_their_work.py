"""After signing in, professionals and policy officers land on "Mijn werk"; residents on "Mijn account" (issue 12
point 5). The page gathers what the apps registered for this person."""

from datetime import timedelta

import pytest
from django.utils import timezone
from django_otp.oath import TOTP

from socialebasis.accounts.tests.factories import PASSWORD, TOTPDeviceFactory
from socialebasis.areas.models import District, Municipality
from socialebasis.directory.models import Activity
from socialebasis.directory.tests.factories import ActivityFactory
from socialebasis.directory.vocabulary import Status
from socialebasis.profiles.models import AgendaItem, AgendaStatus

pytestmark = pytest.mark.django_db


def _code(device) -> str:
    return f"{TOTP(device.bin_key, device.step, device.t0, device.digits).token():06d}"


def _sign_in(client, user):
    return client.post("/account/inloggen/", {"username": user.username, "password": PASSWORD})


@pytest.mark.parametrize("role", ["professional", "policy_officer"])
def test_staff_land_on_their_work_after_the_second_step(client, user_factory, role):
    user = user_factory(**{role: True})
    device = TOTPDeviceFactory(user=user)
    response = _sign_in(client, user)
    assert response.url == "/account/werk/"
    assert client.get(response.url).url == "/account/controle/?next=%2Faccount%2Fwerk%2F"
    confirmed = client.post("/account/controle/", {"token": _code(device), "next": "/account/werk/"})
    assert confirmed.url == "/account/werk/"
    page = client.get("/account/werk/")
    assert page.status_code == 200
    assert '<h1 class="utrecht-heading-1">Mijn werk</h1>' in page.content.decode()


def test_the_second_step_without_a_next_page_also_leads_to_the_work(client, user_factory):
    professional = user_factory(professional=True)
    device = TOTPDeviceFactory(user=professional)
    _sign_in(client, professional)
    assert client.post("/account/controle/", {"token": _code(device)}).url == "/account/werk/"


def test_residents_keep_landing_on_their_account_and_have_no_work_page(client, user_factory):
    resident = user_factory()
    assert _sign_in(client, resident).url == "/account/"
    assert client.get("/account/werk/").url == "/account/"
    assert "Mijn werk" not in client.get("/account/").content.decode()


def test_a_next_page_still_wins_over_the_start_page(client, user_factory):
    resident = user_factory()
    response = client.post(
        "/account/inloggen/", {"username": resident.username, "password": PASSWORD, "next": "/sociale-kaart/"}
    )
    assert response.url == "/sociale-kaart/"


def test_the_work_page_shows_waiting_entries_overdue_checks_own_opgaven_and_wijken(
    client, seed_areas, user_factory, verified, settings
):
    settings.DIRECTORY_REMINDER_MONTHS = 6
    heusden = Municipality.objects.get(statcode="GM0797")
    vlijmen = District.objects.get(statcode="WK079705", year=2023)
    drunen = District.objects.get(statcode="WK079701", year=2023)
    professional = user_factory(professional=True, municipalities=[heusden], districts=[vlijmen])
    ActivityFactory(title="Koffie bij de kerk", district=vlijmen, status=Status.SUBMITTED)
    ActivityFactory(title="Koffie in Drunen", district=drunen, status=Status.SUBMITTED)
    old = ActivityFactory(title="Wandelclub Vlijmen", district=vlijmen, status=Status.NEEDS_CHECK)
    Activity.objects.filter(pk=old.pk).update(checked_at=timezone.now() - timedelta(days=192))
    AgendaItem.objects.create(
        district=vlijmen, title="Ontmoeting voor ouderen", evidence="Eenzaamheid", owner_kind="organisation",
        owner_name="Welzijn", municipal_role="stimuleren", status=AgendaStatus.AGREED, created_by=professional,
    )  # fmt: skip
    AgendaItem.objects.create(
        district=vlijmen, title="Afgerond plan", evidence="-", owner_kind="organisation", owner_name="Welzijn",
        municipal_role="stimuleren", status=AgendaStatus.DONE, created_by=professional,
    )  # fmt: skip
    verified(client, professional)
    html = client.get("/account/werk/").content.decode()
    assert "Koffie bij de kerk" in html and "activiteit" in html
    assert "Koffie in Drunen" not in html  # not in the wijk this professional works in
    assert "Wandelclub Vlijmen" in html and "12 dagen te laat" in html
    assert "Ontmoeting voor ouderen" in html and "Afgerond plan" not in html
    assert 'href="/gemeenten/GM0797/wijken/WK079705/?jaar=2023"' in html
    # The header counts what waits in the queue: the new entry and the one due for a check.
    assert "Te controleren (2)" in html
    # No internal code on the page.
    for code in ("submitted", "needs_check", "agreed", "stimuleren", "organisation"):
        assert f">{code}<" not in html and f" {code} " not in html


def test_a_policy_officer_sees_no_moderation_and_no_count(client, seed_areas, user_factory, verified):
    heusden = Municipality.objects.get(statcode="GM0797")
    officer = user_factory(policy_officer=True, municipalities=[heusden])
    ActivityFactory(title="Koffie bij de kerk", status=Status.SUBMITTED)
    verified(client, officer)
    html = client.get("/account/werk/").content.decode()
    assert "Koffie bij de kerk" not in html and "Te controleren" not in html
    assert "De wijken van Heusden" in html
