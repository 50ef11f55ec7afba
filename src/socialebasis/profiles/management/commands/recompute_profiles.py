import time

from django.core.management.base import BaseCommand

from socialebasis.profiles import summaries


class Command(BaseCommand):
    help = "Recompute the profile summaries of all wijken (comparisons, verdicts, trends) from the stored values."

    def handle(self, **options):
        started = time.perf_counter()
        count = summaries.recompute()
        self.stdout.write(f"{count} samenvattingen in {time.perf_counter() - started:.2f} s")
