import pytest


@pytest.fixture
def help_presets(seed_areas):
    from .factories import presets

    return presets()
