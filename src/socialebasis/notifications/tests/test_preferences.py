"""Preferences per kind: the page shows every kind a user may turn off, saves the choices and the language."""

import pytest

from socialebasis.notifications import registry, selectors, services
from socialebasis.notifications.models import Message, Preference
from socialebasis.notifications.registry import Frequency

pytestmark = pytest.mark.django_db


def test_the_page_offers_each_kind_that_may_be_turned_off_with_three_choices(client, user_factory):
    user = user_factory()
    client.force_login(user)
    html = client.get("/account/berichten/instellingen/").content.decode()
    assert "Herinneringen om uw gegevens op de sociale kaart te controleren" in html
    assert html.count('name="kind-directory.reminder"') == 3
    assert 'name="kind-account.security"' not in html
    assert "Veiligheid van uw account" in html  # listed as always by e-mail
    assert 'value="immediately" class="utrecht-radio-button utrecht-radio-button--html-input"' in html
    assert "directory.reminder</" not in html and ">immediately<" not in html  # no internal codes shown


def test_saving_stores_the_choices_and_the_language(client, user_factory):
    user = user_factory()
    client.force_login(user)
    # Every kind that may be turned off is on the form (other apps add theirs); keep their defaults.
    data = {f"kind-{kind.key}": kind.default for kind in registry.kinds() if kind.optional}
    data.update({"kind-directory.reminder": "daily", "language": "en"})
    response = client.post("/account/berichten/instellingen/", data)
    assert response.status_code == 302
    assert selectors.preferences_of(user)["directory.reminder"] == Frequency.DAILY
    assert selectors.language_of(user) == "en"
    assert "Uw keuzes zijn opgeslagen." in client.get(response["Location"]).content.decode()


def test_a_choice_that_is_not_offered_is_refused_where_it_was_made(client, user_factory):
    user = user_factory()
    client.force_login(user)
    response = client.post("/account/berichten/instellingen/", {"kind-directory.reminder": "hourly", "language": "nl"})
    assert response.status_code == 200
    assert "utrecht-form-fieldset--invalid" in response.content.decode()
    assert not Preference.objects.filter(user=user).exists()


def test_turning_a_kind_off_also_stops_what_waits_for_the_digest(user_factory):
    user = user_factory()
    services.set_preferences(user, {"directory.reminder": Frequency.DAILY})
    waiting = services.notify(user, "directory.reminder", context={"name": "Koor"})
    assert waiting.frequency == Frequency.DAILY
    services.set_preferences(user, {"directory.reminder": Frequency.OFF})
    assert Message.objects.get(pk=waiting.pk).frequency == Frequency.OFF
    assert services.send_digests() == 0


def test_without_a_choice_the_kind_default_and_dutch_hold(user_factory):
    user = user_factory()
    assert selectors.language_of(user) == "nl"
    assert selectors.preferences_of(user) == {kind.key: kind.default for kind in registry.kinds()}
