"""Initiatives and funds: how long application files are kept (archive rules)."""

from ..env import config

INITIATIVES_GRANTED_RETENTION_DAYS = config(
    "INITIATIVES_GRANTED_RETENTION_DAYS",
    7 * 365,
    "Days a granted application is kept after its last change (archive rules; default 7 years).",
)
INITIATIVES_DECLINED_RETENTION_DAYS = config(
    "INITIATIVES_DECLINED_RETENTION_DAYS",
    365,
    "Days a declined or withdrawn application is kept after its last change.",
)
