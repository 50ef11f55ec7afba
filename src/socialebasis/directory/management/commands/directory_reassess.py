from django.core.management.base import BaseCommand

from socialebasis.directory import services


class Command(BaseCommand):
    help = "Recompute every activity's afbakening with the framework now in force (after a framework change)."

    def handle(self, **options):
        self.stdout.write(f"opnieuw beoordeeld: {services.reassess_all()} activiteiten gewijzigd")
