from django.core.management.base import BaseCommand
from django.utils import translation

from socialebasis.core.personal_data_register import processings
from socialebasis.privacy import services


class Command(BaseCommand):
    help = "Print the register of processing activities (AVG article 30) as Markdown, made from the declarations."

    def handle(self, *args, **options):
        with translation.override("nl"):
            for row in services.register_rows(processings()):
                self.stdout.write(f"## {str(row['name']).capitalize()} (`{row['model']}`)\n")
                self.stdout.write(f"- Doel: {row['purpose']}")
                self.stdout.write(f"- Grondslag: {row['legal_basis']}")
                if row["special_category"]:
                    self.stdout.write("- Bijzondere persoonsgegevens (AVG art. 9)")
                self.stdout.write(f"- Betrokkenen: {row['subjects']}")
                self.stdout.write(f"- Gegevens: {', '.join(str(f) for f in row['fields'])}")
                self.stdout.write(f"- Bewaartermijn: {row['retention']}")
                self.stdout.write(f"- Bij verwijderen van een account: {row['on_erasure']}\n")
