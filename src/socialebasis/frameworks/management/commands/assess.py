import json
import sys

from django.core.management.base import BaseCommand, CommandError
from rest_framework.renderers import JSONRenderer

from socialebasis.areas.models import Municipality

from ... import selectors, services
from ...api.serializers import AssessmentRequestSerializer, AssessmentResultSerializer
from ...document import flatten_errors
from ...models import Channel


class Command(BaseCommand):
    help = (
        'Assess an activity: reads {"name": ..., "goals": [...], "characteristics": {...}} from standard input '
        "and prints the same JSON as POST /api/v1/municipalities/{statcode}/assessments."
    )

    def add_arguments(self, parser):
        parser.add_argument("--municipality", required=True, metavar="GMxxxx", help="CBS code of the municipality.")
        parser.add_argument("--indent", type=int, default=None, help="Indent the JSON for reading.")

    def handle(self, municipality, indent, **options):
        target = Municipality.objects.filter(statcode=municipality).first()
        if target is None:
            raise CommandError(f"Gemeente {municipality} is onbekend.")
        version = selectors.version_in_force(target)
        if version is None:
            raise CommandError(f"Gemeente {municipality} heeft (nog) geen kader dat geldt.")
        try:
            data = json.loads(sys.stdin.read())
        except json.JSONDecodeError as exc:
            raise CommandError(f"De invoer is geen geldige JSON: {exc}.") from None
        serializer = AssessmentRequestSerializer(data=data, context={"framework": version.content})
        if not serializer.is_valid():
            lines = "\n".join(
                f"  - {field}: {message}" for field, message in flatten_errors(serializer.errors, root="invoer")
            )
            raise CommandError(f"De invoer is niet geldig.\n{lines}")
        valid = serializer.validated_data
        result = services.assess(
            version,
            name=valid["name"],
            goals=valid["goals"],
            answers=valid["characteristics"],
            channel=Channel.CLI,
        )
        body = AssessmentResultSerializer(result).data
        if indent is None:
            # Byte for byte what the API answers.
            self.stdout.write(JSONRenderer().render(body).decode("utf-8"))
        else:
            self.stdout.write(json.dumps(body, ensure_ascii=False, indent=indent))
