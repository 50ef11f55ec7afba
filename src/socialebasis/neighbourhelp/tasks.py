"""Background work of burenhulp; each task calls a service (the beat schedule is in conf/includes/tasks.py)."""

from celery import shared_task

from . import services


@shared_task(name="neighbourhelp.daily_round")
def daily_round() -> dict[str, int]:
    """Follow-ups after a match, escalation of requests without a match, expiry of old requests (issue 13 point 4)."""
    return {
        "follow_ups": services.ask_follow_ups(),
        "escalated": services.escalate_unmatched(),
        "expired": services.expire_requests(),
    }


@shared_task(name="neighbourhelp.snapshot_indicators")
def snapshot_indicators() -> int:
    """Requests, offers, matches and unmet requests per wijk, category and quarter as indicator values (point 6)."""
    from .figures import snapshot

    report = snapshot()
    return report.created + report.updated if report is not None else 0
