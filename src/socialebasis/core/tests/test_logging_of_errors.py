"""A logged error shows its traceback without reading the frames' local variables.

Reading them runs lazy objects: request.user loads the session, a database query inside the log call. During the
database outage drill (issue 18) that made every 503 slow enough to time out.
"""

import logging
import sys


class _Watched:
    def __init__(self, seen: list) -> None:
        self.seen = seen

    def __repr__(self) -> str:
        self.seen.append("repr")
        return "watched"


def _fail(seen: list) -> None:
    watched = _Watched(seen)  # a local variable of the failing frame
    raise RuntimeError(f"database unreachable ({type(watched).__name__})")


def test_the_traceback_of_a_logged_error_leaves_local_variables_alone():
    seen: list = []
    try:
        _fail(seen)
    except RuntimeError:
        record = logging.getLogger("django.request").makeRecord(
            "django.request", logging.ERROR, __file__, 1, "Service Unavailable: /", (), sys.exc_info()
        )
    handler = logging.getLogger("django").handlers[0]
    text = handler.format(record)
    assert "database unreachable" in text and "_fail" in text
    assert seen == []
