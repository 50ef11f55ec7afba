"""A real SMTP server (aiosmtpd) on 127.0.0.1 for each test that sends mail, and helpers around it.

The project's mail settings (MAILERS) point at the server for the test; what the tests read is what arrived over
SMTP, parsed as any mail program would.
"""

import email
import email.policy
import socket
import threading
import time
from contextlib import contextmanager
from email.message import EmailMessage

import pytest
from aiosmtpd.controller import Controller


class Mailbox:
    """The SMTP handler: keeps every message that arrived; refuses recipients listed in `refuse`."""

    def __init__(self):
        self.received: list[EmailMessage] = []
        self.refuse: set[str] = set()
        self.port = 0
        self._lock = threading.Lock()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refuse:
            return "550 5.1.1 No such mailbox here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        parsed = email.message_from_bytes(envelope.original_content, policy=email.policy.default)
        with self._lock:
            self.received.append(parsed)
        return "250 Message accepted for delivery"

    def to(self, address: str) -> list[EmailMessage]:
        return [message for message in self.received if message["To"] == address]

    def wait_for(self, count: int, seconds: float = 60) -> list[EmailMessage]:
        """For mail sent by another thread (a Celery worker): wait until `count` messages are in."""
        deadline = time.monotonic() + seconds
        while len(self.received) < count and time.monotonic() < deadline:
            time.sleep(0.1)
        return self.received


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def point_mail_at(settings, port: int) -> None:
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": port, "timeout": 10},
        }
    }


@contextmanager
def serve_smtp(settings):
    """A real SMTP server on a free port, with the project's mail settings pointed at it (root conftest's
    `smtp_server` fixture uses this, so tests of every app can read what really arrived)."""
    mailbox = Mailbox()
    controller = Controller(mailbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    mailbox.port = controller.port
    point_mail_at(settings, controller.port)
    settings.SITE_URL = "https://sociale-basis.example.nl"
    try:
        yield mailbox
    finally:
        controller.stop()


def text_of(message: EmailMessage) -> str:
    return message.get_body(preferencelist=("plain",)).get_content()


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Run a block as if its transaction committed: the on_commit work (the e-mail task) runs at the end."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture(autouse=True)
def project_celery_app():
    """The project's Celery app (eager without a broker) is the current one in these tests.

    A test with a real worker (start_worker) makes its own app the current and default app of the process and
    leaves it so; tasks queued later would go to that worker's broker instead of running at once.
    """
    from socialebasis.background import app

    app.set_current()
    app.set_default()
    yield
    app.set_current()
    app.set_default()
