from django.core.management.base import BaseCommand

from socialebasis.notifications import services


class Command(BaseCommand):
    help = "Delete messages older than NOTIFICATIONS_RETENTION_MONTHS (cron, without a worker)."

    def handle(self, *args, **options):
        self.stdout.write(f"{services.delete_expired()} message(s) deleted.")
