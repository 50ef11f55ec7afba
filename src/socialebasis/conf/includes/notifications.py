"""Messages to users (notifications app): links in e-mails, and how long messages are kept."""

from ..env import config

SITE_URL = config(
    "SITE_URL",
    "http://127.0.0.1:8000",
    "Address of this site as people reach it, for links in e-mails, e.g. https://sociale-basis.gemeente.nl.",
)
NOTIFICATIONS_RETENTION_MONTHS = config(
    "NOTIFICATIONS_RETENTION_MONTHS",
    12,
    "Months a message stays in a user's inbox (with the record of its e-mail) before it is deleted.",
)
