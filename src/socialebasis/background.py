"""The Celery app: background and scheduled work (docs/adr/0018-background-work-with-celery.md).

A worker runs `celery -A socialebasis worker`, the schedule `celery -A socialebasis beat`, both with
DJANGO_SETTINGS_MODULE set as for the web processes. Every task only calls a service that a management command
calls too, so a municipality without a worker can run the same work from cron. Without CELERY_BROKER_URL (the
demo) a task started from the code runs at once, in the process that started it. (The module is not called
celery.py: with the package folder on sys.path, as pytest-django puts it, that name would hide Celery itself.)
"""

from celery import Celery

app = Celery("socialebasis")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
