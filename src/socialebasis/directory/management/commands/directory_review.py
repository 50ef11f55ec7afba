from django.core.management.base import BaseCommand

from socialebasis.directory import services


class Command(BaseCommand):
    help = (
        "Remind providers whose entries nobody checked for DIRECTORY_REMINDER_MONTHS, mark them 'needs check', "
        "and take entries unchecked for DIRECTORY_HIDE_MONTHS out of the public view. Run daily (cron)."
    )

    def handle(self, **options):
        report = services.review_freshness()
        self.stdout.write(", ".join(f"{key}: {len(items)}" for key, items in report.items()))
