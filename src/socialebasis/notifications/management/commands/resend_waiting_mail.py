from django.core.management.base import BaseCommand

from socialebasis.notifications import services


class Command(BaseCommand):
    help = "Queue again the e-mails that are still waiting after ten minutes (cron, without a worker)."

    def handle(self, *args, **options):
        self.stdout.write(f"{services.resend_waiting()} e-mail(s) queued again.")
