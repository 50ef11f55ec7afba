import pytest
from django.core.files.storage import default_storage


@pytest.fixture
def owner(user_factory):
    return user_factory(username="eigenaar")


@pytest.fixture
def stored_bytes():
    """The bytes the storage keeps under a name."""

    def read(name: str) -> bytes:
        with default_storage.open(name, "rb") as handle:
            return handle.read()

    return read
