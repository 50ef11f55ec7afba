from django.core.management.base import BaseCommand

from socialebasis.uploads import services


class Command(BaseCommand):
    help = "Remove uploaded files that were never attached to anything within a day (a form left halfway)."

    def handle(self, **options):
        self.stdout.write(f"removed: {services.delete_orphans()}")
