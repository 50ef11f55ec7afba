"""Retention periods of personal data (the register in socialebasis/privacy; docs/adr/0025)."""

from ..env import config

AUDIT_RETENTION_DAYS = config(
    "AUDIT_RETENTION_DAYS", 730, "Days the audit log (and Django admin's own log) is kept; then the lines are deleted."
)
SIGN_IN_LOG_RETENTION_DAYS = config(
    "SIGN_IN_LOG_RETENTION_DAYS", 90, "Days the records of sign-in attempts and lockouts (user name, address) are kept."
)
ASSESSMENT_RETENTION_DAYS = config(
    "ASSESSMENT_RETENTION_DAYS",
    365,
    'Days an answered "hoort dit bij de sociale basis?" is kept; then it is deleted.',
)
ARCHIVED_ENTRY_CONTACT_RETENTION_DAYS = config(
    "ARCHIVED_ENTRY_CONTACT_RETENTION_DAYS",
    365,
    "Days after an entry of the sociale kaart was archived (last change) before its contact details and owner are "
    "removed.",
)
SIGNALLING_REPORTER_RETENTION_DAYS = config(
    "SIGNALLING_REPORTER_RETENTION_DAYS",
    365,
    "Days after a signal was raised before its reporter is made anonymous and, once the signal is handled, its "
    "description removed (the signal itself stays, counted).",
)
STORIES_WITHDRAWN_RETENTION_DAYS = config(
    "STORIES_WITHDRAWN_RETENTION_DAYS",
    30,
    "Days an emptied story stays after its teller withdrew consent (its text is removed at once); then it is deleted.",
)
REPORT_PDF_RETENTION_DAYS = config(
    "REPORT_PDF_RETENTION_DAYS",
    7,
    "Days a stored report PDF (wijk report, tellen en vertellen) is kept after it was asked for; it holds what its "
    "readers could read that day, stories with the teller's name among it. A later request makes it again.",
)
