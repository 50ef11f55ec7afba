from datetime import datetime
from zoneinfo import ZoneInfo

import factory

from socialebasis.areas.models import Municipality
from socialebasis.directory import services
from socialebasis.directory.models import Activity, MeetingPlace, Organisation
from socialebasis.directory.vocabulary import Status

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


class _ThroughService(factory.django.DjangoModelFactory):
    """Entries are created through services.save_entry, as pages do, so derived fields are right."""

    class Meta:
        abstract = True

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return services.save_entry(model_class(*args, **kwargs))


def _heusden():
    return Municipality.objects.get(statcode="GM0797")


class OrganisationFactory(_ThroughService):
    class Meta:
        model = Organisation

    municipality = factory.LazyFunction(_heusden)
    name = factory.Sequence(lambda n: f"Vereniging {n}")
    kind = "association"
    status = Status.PUBLISHED


class MeetingPlaceFactory(_ThroughService):
    class Meta:
        model = MeetingPlace

    municipality = factory.LazyFunction(_heusden)
    name = factory.Sequence(lambda n: f"Buurthuis {n}")
    kind = "public_building"
    latitude = 51.6955
    longitude = 5.2150
    status = Status.PUBLISHED


class ActivityFactory(_ThroughService):
    class Meta:
        model = Activity

    municipality = factory.LazyFunction(_heusden)
    title = factory.Sequence(lambda n: f"Activiteit {n}")
    description = "Samen koffie drinken."
    status = Status.PUBLISHED
    starts_at = datetime(2026, 1, 5, 10, tzinfo=AMSTERDAM)
    recurrence = "FREQ=WEEKLY;BYDAY=MO"

    class Params:
        unpublished = factory.Trait(status=Status.SUBMITTED)
