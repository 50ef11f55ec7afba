from django.core.management.base import BaseCommand

from socialebasis.notifications import services


class Command(BaseCommand):
    help = "Send the daily digest, one e-mail per user with the messages waiting for it (cron, without a worker)."

    def handle(self, *args, **options):
        self.stdout.write(f"{services.send_digests()} digest(s) queued.")
