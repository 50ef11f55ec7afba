import factory

from socialebasis.initiatives.models import Application, Initiative


class InitiativeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Initiative

    title = factory.Sequence(lambda n: f"Buurtinitiatief {n}")
    what = "Samen koken en eten met buren."
    for_whom = "Iedereen uit de buurt"


class ApplicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Application

    title = factory.Sequence(lambda n: f"Buurtfeest {n}")
    what = "Een buurtfeest op het plein."
    for_whom = "Alle buren"
    where = "Het plein"
    when = "Zaterdag 6 juni"
    amount = 800
    spending = "Koffie, thee en een springkussen."
    year = 2026
