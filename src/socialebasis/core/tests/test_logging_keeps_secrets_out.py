"""No traceback in the log shows local variables: a password in a view's locals must never reach the log."""

import io
import logging

import pytest
from django.http import HttpResponse
from django.urls import path

SECRET = "Zeer-geheim-wachtwoord-4711"


class BrokenOnPurpose(RuntimeError):
    pass


def view_that_breaks(request):
    password = request.POST.get("password", SECRET)  # a local variable holding a secret
    if password:
        raise BrokenOnPurpose("the view broke on purpose")
    return HttpResponse()


urlpatterns = [path("breaks/", view_that_breaks)]


@pytest.fixture
def log_output():
    """What the project's own console handler (settings.LOGGING) writes, caught in a buffer."""
    handlers = [h for h in logging.getLogger("django").handlers if isinstance(h, logging.StreamHandler)]
    assert handlers, "the django logger has no console handler: settings.LOGGING changed?"
    buffer = io.StringIO()
    previous = [handler.setStream(buffer) for handler in handlers]
    yield buffer
    for handler, stream in zip(handlers, previous, strict=True):
        handler.setStream(stream)


@pytest.mark.urls(__name__)
def test_a_traceback_in_the_log_shows_the_error_but_no_local_variables(client, log_output, db):
    client.raise_request_exception = False
    response = client.post("/breaks/", {"password": SECRET})
    assert response.status_code == 500
    logged = log_output.getvalue()
    assert "BrokenOnPurpose" in logged and "the view broke on purpose" in logged
    assert "view_that_breaks" in logged  # the traceback itself is there
    assert SECRET not in logged


def test_a_structlog_line_with_an_exception_shows_no_local_variables():
    import structlog

    handler = logging.getLogger("socialebasis").handlers[0]
    buffer = io.StringIO()
    previous = handler.setStream(buffer)
    try:
        password = SECRET
        raise BrokenOnPurpose(f"length {len(password)}")
    except BrokenOnPurpose:
        structlog.get_logger("socialebasis.test").exception("something broke")
    finally:
        handler.setStream(previous)
    logged = buffer.getvalue()
    assert "something broke" in logged and "BrokenOnPurpose" in logged
    assert SECRET not in logged
