"""Factories for signals (factory_boy), used by the tests and nothing else."""

from datetime import timedelta

import factory
from django.db.models import Max
from django.utils import timezone

from socialebasis.areas.models import District, Municipality

from .models import ReporterContact, ReporterKind, Signal, Theme


def a_district(statcode: str = "GM0828") -> District:
    municipality = Municipality.objects.get(statcode=statcode)
    year = District.objects.filter(municipality=municipality).aggregate(y=Max("year"))["y"]
    return District.objects.filter(municipality=municipality, year=year).order_by("statcode").first()


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme
        django_get_or_create = ("municipality", "name")

    municipality = factory.LazyFunction(lambda: a_district().municipality)
    name = "Eenzaamheid"
    target_days = 14


class SignalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Signal
        skip_postgeneration_save = True

    district = factory.LazyFunction(a_district)
    municipality = factory.LazyAttribute(lambda s: s.district.municipality)
    theme = factory.LazyAttribute(lambda s: ThemeFactory(municipality=s.municipality))
    description = "Steeds meer ouderen vragen hulp bij het lezen van hun post."
    reporter_kind = ReporterKind.PARTNER
    due_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=14))

    @factory.post_generation
    def reporter(self, create, extracted, **kwargs):
        if create and extracted is not None:
            ReporterContact.objects.create(signal=self, user=extracted, **kwargs)
