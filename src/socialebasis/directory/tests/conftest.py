import pytest


@pytest.fixture(autouse=True)
def fresh_synonyms():
    """The synonym cache lives per process; a rolled-back test must not leave its synonyms behind."""
    from socialebasis.directory.selectors import forget_areas, forget_synonyms

    forget_synonyms()
    forget_areas()
    yield
    forget_synonyms()
    forget_areas()
