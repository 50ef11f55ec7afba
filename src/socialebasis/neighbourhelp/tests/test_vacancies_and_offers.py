"""Issue 13 point 1: vacancies of organisations of the sociale kaart, residents respond; offers, residents respond."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from socialebasis.neighbourhelp import services
from socialebasis.neighbourhelp.models import Match, VacancyResponse
from socialebasis.notifications.models import Message as Notice

from .factories import HEUSDEN, category

pytestmark = pytest.mark.django_db


def test_a_resident_responds_to_a_vacancy_and_the_organisation_hears_it(client, help_presets, user_factory):
    from socialebasis.directory.tests.factories import OrganisationFactory

    owner = user_factory()
    organisation = OrganisationFactory(municipality=help_presets[HEUSDEN], owner=owner)
    with pytest.raises(PermissionDenied):
        services.create_vacancy(user_factory(), organisation=organisation, title="X", task="Y", hours="1")
    vacancy = services.create_vacancy(owner, organisation=organisation, title="Chauffeur", task="Rijden", hours="2")
    resident = user_factory(email="kees@example.nl")
    client.force_login(resident)
    response = client.post(reverse("neighbourhelp:vacancy", args=[vacancy.pk]), {"message": "Ik rijd graag"})
    assert response.status_code == 302
    assert VacancyResponse.objects.get().user == resident
    assert Notice.objects.filter(recipient=owner, kind="neighbourhelp.vacancy_response").exists()
    again = client.post(reverse("neighbourhelp:vacancy", args=[vacancy.pk]), {"message": "Nog eens"})
    assert "U hebt al op deze vacature gereageerd." in again.content.decode()
    client.force_login(owner)
    assert "kees@example.nl" in client.get(reverse("neighbourhelp:vacancy", args=[vacancy.pk])).content.decode()


def test_a_resident_responds_to_an_offer_and_the_offerer_says_yes(help_presets, user_factory):
    offerer, asker = user_factory(), user_factory()
    offer = services.create_offer(
        offerer,
        category=category(HEUSDEN, "klusjes"),
        text="Lampen ophangen",
        postcode="5251",
        when="flexible",
        parts=1,
    )
    with pytest.raises(ValidationError):
        services.respond_to_offer(asker, offer, "")
    match = services.respond_to_offer(asker, offer, "Mijn lamp hangt scheef")
    assert (match.helper, match.asker, match.accepter_id) == (offerer, asker, offerer.pk)
    assert Match.objects.count() == 1
