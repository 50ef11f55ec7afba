import pytest

from socialebasis.frameworks import services as framework_services


@pytest.fixture
def oss(seed_areas):
    """Oss (GM0828) with its framework in force: the goals are the domains and the tags of a story."""
    framework_services.load_presets(["GM0828"])
    from socialebasis.areas.models import Municipality

    return Municipality.objects.get(statcode="GM0828")
