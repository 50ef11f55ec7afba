import pytest

from socialebasis.indicators.tests.conftest import health_data, health_subset  # noqa: F401  (shared fixtures)


@pytest.fixture
def oss(seed_areas, load_presets):
    """Oss (GM0828) with its framework in force: the goals are the domains and the tags of a story."""
    load_presets(["GM0828"])
    from socialebasis.areas.models import Municipality

    return Municipality.objects.get(statcode="GM0828")


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Run a block as if its transaction committed: the workflow's `after` and the e-mail task run at the end."""
    return lambda: django_capture_on_commit_callbacks(execute=True)
