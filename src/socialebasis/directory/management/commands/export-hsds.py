from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from socialebasis.audit.models import Action
from socialebasis.audit.services import record_event
from socialebasis.core.permissions import visible
from socialebasis.directory import hsds
from socialebasis.directory.models import Activity, MeetingPlace, Organisation


class Command(BaseCommand):
    help = (
        "Write the public sociale kaart as HSDS 3.0 JSON files (organizations, services, locations, "
        "service_at_locations, schedules, taxonomies, taxonomy_terms) into PATH, validated in strict mode."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)
        parser.add_argument("--municipality", help="Only this municipality (CBS code).")

    def handle(self, path, municipality=None, **options):
        # An export is a read path: it shows what an anonymous visitor may see, through the one permission rule.
        activities = visible(None, "directory.view_activity", Activity.objects.all())
        places = visible(None, "directory.view_meetingplace", MeetingPlace.objects.all())
        organisations = visible(None, "directory.view_organisation", Organisation.objects.all())
        if municipality:
            activities = activities.filter(municipality__statcode=municipality)
            places = places.filter(municipality__statcode=municipality)
            organisations = organisations.filter(municipality__statcode=municipality)
        documents = hsds.export_documents(activities, places, organisations)
        errors = hsds.validate_export(documents)
        if errors:
            raise CommandError("De export is niet geldig volgens HSDS 3.0:\n" + "\n".join(errors[:50]))
        written = hsds.write_export(documents, path)
        record_event(None, Action.EXPORT, None, object_type="directory.hsds", via="export-hsds", path=str(path))
        counts = ", ".join(f"{name} {len(items)}" for name, items in documents.items())
        self.stdout.write(f"HSDS 3.0 geschreven naar {path} ({len(written)} bestanden; {counts}); 0 fouten.")
