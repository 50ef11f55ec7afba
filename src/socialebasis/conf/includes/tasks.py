"""Background work (Celery): the broker, and the schedule of recurring tasks (docs/adr/0018)."""

from celery.schedules import crontab

from ..env import config

_BROKER = config(
    "CELERY_BROKER_URL",
    "",
    "Broker for background work, e.g. redis://127.0.0.1:6379/1. Empty: tasks run at once in the calling process "
    "and nothing is scheduled (run the cron commands of the beheerhandleiding instead).",
)
# Without a broker the tasks run at once; Celery still wants a broker address, and memory:// goes nowhere.
CELERY_BROKER_URL = _BROKER or "memory://"
CELERY_TASK_ALWAYS_EAGER = not _BROKER
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True  # a task whose worker dies is done again: every task is safe to repeat
# ... also when only the pool process running it dies (the kernel's OOM killer picks that one): the task goes back
# to the queue instead of being recorded as failed. A task that kills its own process every time would come back
# every time; none of ours does (docs/adr/0029).
CELERY_TASK_REJECT_ON_WORKER_LOST = True
# When the whole worker is lost, the task it had taken stays in Redis and goes to another worker after this many
# seconds; it must be longer than the longest task, or a task still running would start a second time.
_VISIBILITY_TIMEOUT = config(
    "CELERY_VISIBILITY_TIMEOUT",
    3600,
    "Seconds after which a task taken by a worker that was lost goes to another worker; longer than any task runs.",
)
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": _VISIBILITY_TIMEOUT,
    # Look for such tasks every few seconds (at most every 10 s), not only every tenth look (kombu's default).
    "unacked_restore_interval": max(1, min(10, _VISIBILITY_TIMEOUT // 10)),
    "unacked_restore_throttle": 1,
}
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_IGNORE_RESULT = True
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TIMEZONE = "Europe/Amsterdam"
CELERY_BEAT_SCHEDULE = {
    # Retention periods of the personal-data register (issue 11 point 5): delete or anonymise what has expired.
    "privacy-retention": {"task": "privacy.apply_retention", "schedule": crontab(hour=1, minute=45)},
    # Freshness of the sociale kaart: reminders, "needs check", out of the public view (issue 4 point 3).
    "directory-review": {"task": "directory.review_freshness", "schedule": crontab(hour=2, minute=30)},
    # Uploads nobody attached to anything within a day: a form left halfway (issue 11 point 3, ADR 0024).
    "uploads-orphans": {"task": "uploads.delete_orphans", "schedule": crontab(hour=4, minute=0)},
    # Reminders to tell what came of a grant, once its story is due (issue 15 point 6).
    "initiatives-accountability": {
        "task": "initiatives.remind_accountability",
        "schedule": crontab(hour=9, minute=0),
    },
    # The year's own registrations as indicator values (issue 5 point 2); later runs in January replace them.
    "registrations-snapshot": {
        "task": "profiles.snapshot_registrations",
        "schedule": crontab(hour=3, minute=0, day_of_month=1, month_of_year=1),
    },
    # Burenhulp: follow-ups after a match, requests without a match to a professional, expiry (issue 13 point 4).
    "neighbourhelp-daily": {"task": "neighbourhelp.daily_round", "schedule": crontab(hour=6, minute=15)},
    # Burenhulp as own registrations per wijk, category and quarter (issue 13 point 6); the year so far, weekly.
    "neighbourhelp-figures": {
        "task": "neighbourhelp.snapshot_indicators",
        "schedule": crontab(hour=3, minute=15, day_of_week=1),
    },
    # Messages to users (notifications): the daily digest in the morning, e-mails that got stuck, retention.
    "notifications-digest": {"task": "notifications.send_digests", "schedule": crontab(hour=7, minute=0)},
    "notifications-resend": {"task": "notifications.resend_waiting", "schedule": crontab(minute="*/15")},
    "notifications-retention": {"task": "notifications.delete_expired", "schedule": crontab(hour=3, minute=30)},
}
