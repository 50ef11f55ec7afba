import pytest


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Run a block as if its transaction committed: the workflow's `after` and the e-mail task run at the end."""
    return lambda: django_capture_on_commit_callbacks(execute=True)
