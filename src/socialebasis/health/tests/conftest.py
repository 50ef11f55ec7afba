import pytest

from socialebasis.health.dimensions import STATEMENT_KEYS


@pytest.fixture
def wmw(seed_areas):
    """West Maas en Waal (seed 003) with three of its wijken and a postcode inside each."""
    from socialebasis.areas.models import District, Municipality, PostcodeArea
    from socialebasis.areas.selectors import district_of_postcode

    municipality = Municipality.objects.get(statcode="GM0668")
    postcodes = {}
    for area in PostcodeArea.objects.filter(municipality_code="GM0668").order_by("code"):
        district = district_of_postcode(municipality, area.code)
        if district is not None and district.pk not in postcodes:
            postcodes[district.pk] = area.code
    districts = list(District.objects.filter(pk__in=postcodes).order_by("statcode"))
    return {"municipality": municipality, "districts": districts, "postcode": postcodes}


def answers(value: int = 6, **overrides) -> dict[str, int]:
    found = dict.fromkeys(STATEMENT_KEYS, value)
    found.update(overrides)
    return found


def form_data(value: int = 6, talk=(), **overrides) -> dict[str, str]:
    data = {key: str(n) for key, n in answers(value, **overrides).items()}
    data.update({f"talk_{key}": "on" for key in talk})
    return data
