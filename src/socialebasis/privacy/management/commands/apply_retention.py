from django.core.management.base import BaseCommand

from socialebasis.privacy import services


class Command(BaseCommand):
    help = "Delete or anonymise personal data whose retention period has ended (the nightly round; safe to repeat)."

    def handle(self, *args, **options):
        report = services.apply_retention()
        if not report:
            self.stdout.write("Niets te verwijderen.")
        for model, count in sorted(report.items()):
            self.stdout.write(f"{model}: {count}")
