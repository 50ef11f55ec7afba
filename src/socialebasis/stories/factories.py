"""Factories for stories, panels and rounds (factory_boy), used by the tests and nothing else."""

from datetime import date

import factory
from django.db.models import Max

from socialebasis.areas.models import District, Municipality

from .models import About, Feeling, Panel, Round, Story, StoryStatus, Visibility


def a_district(statcode: str = "GM0828") -> District:
    municipality = Municipality.objects.get(statcode=statcode)
    year = District.objects.filter(municipality=municipality).aggregate(y=Max("year"))["y"]
    return District.objects.filter(municipality=municipality, year=year).order_by("statcode").first()


class StoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Story

    district = factory.LazyFunction(a_district)
    municipality = factory.LazyAttribute(lambda s: s.district.municipality)
    title = factory.Sequence(lambda n: f"Verhaal {n}")
    text = "Sinds de buurtkamer open is, kennen we elkaar in de straat."
    goals = factory.LazyFunction(lambda: ["meeting"])
    sphere = "social_ties"
    feeling = Feeling.GOOD
    about = About.GROUP
    visibility = Visibility.PUBLIC_ANONYMOUS
    status = StoryStatus.PUBLISHED
    teller_name = "Fatima"

    class Params:
        panel_only = factory.Trait(visibility=Visibility.PANEL)
        named = factory.Trait(visibility=Visibility.PUBLIC_NAMED)
        new = factory.Trait(status=StoryStatus.NEW)


class PanelFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Panel
        skip_postgeneration_save = True

    district = factory.LazyFunction(a_district)
    municipality = factory.LazyAttribute(lambda p: p.district.municipality if p.district else None)
    name = factory.Sequence(lambda n: f"Wijkpanel {n}")

    @factory.post_generation
    def members(self, create, extracted, **kwargs):
        if create and extracted:
            self.members.set(extracted)


class RoundFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Round

    panel = factory.SubFactory(PanelFactory)
    title = factory.Sequence(lambda n: f"Ronde {n}")
    period_start = factory.LazyFunction(lambda: date(date.today().year, 1, 1))
    period_end = factory.LazyFunction(lambda: date(date.today().year, 12, 31))
    domains = factory.LazyFunction(lambda: [{"key": "meeting", "name": "Ontmoeten"}])
