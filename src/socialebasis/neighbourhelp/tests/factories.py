"""Burenhulp through its services, so that tests make what the pages make (places from real postcode points)."""

from socialebasis.accounts.tests.factories import UserFactory
from socialebasis.areas.models import Municipality

from .. import services
from ..models import HelpCategory
from ..vocabulary import ALL_PARTS, mask_of_parts

HEUSDEN, OSS = "GM0797", "GM0828"


def presets() -> dict[str, Municipality]:
    found = {}
    for code in (HEUSDEN, OSS):
        municipality = Municipality.objects.get(statcode=code)
        services.apply_preset(municipality)
        found[code] = municipality
    return found


def category(code: str, key: str) -> HelpCategory:
    return HelpCategory.objects.get(municipality__statcode=code, key=key)


def help_request(owner=None, *, code=HEUSDEN, key="boodschappen", postcode="5251", parts=ALL_PARTS, **kwargs):
    owner = owner or UserFactory(first_name="Riet", email="riet.requester@example.nl")
    defaults = {
        "text": "Wie doet boodschappen voor mij?",
        "when": "flexible",
        "address": "Kerkstraat 1",
        "phone": "0612345678",
    }
    return services.create_request(
        owner, category=category(code, key), postcode=postcode, parts=parts, **{**defaults, **kwargs}
    )


def volunteer(
    user=None, *, code=HEUSDEN, keys=("boodschappen",), postcode="5251", parts=("1-0", "1-1"), max_km=5, **kwargs
):
    user = user or UserFactory(role="volunteer", first_name="Vera")
    services.save_volunteer_profile(
        user,
        postcode=postcode,
        categories=[category(code, key) for key in keys],
        skills=kwargs.pop("skills", []),
        parts=mask_of_parts(parts),
        max_km=max_km,
        languages=kwargs.pop("languages", ["nl"]),
        **kwargs,
    )
    return user
