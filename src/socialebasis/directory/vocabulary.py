"""The national vocabularies of the sociale kaart: stored as English slugs, shown with Dutch labels.

They are the same in every municipality (what a municipality decides differently lives in its framework:
goals and spheres), so they are choices and not data.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class OrganisationKind(models.TextChoices):
    INFORMAL_GROUP = "informal_group", _("informal group")
    ASSOCIATION = "association", _("association")
    FOUNDATION = "foundation", _("foundation")
    RELIGIOUS = "religious_community", _("religious community")
    WELFARE = "welfare_organisation", _("welfare organisation")
    MUNICIPALITY = "municipality", _("municipality")
    COMPANY = "company", _("company")


class Status(models.TextChoices):
    DRAFT = "draft", _("draft")
    SUBMITTED = "submitted", _("waiting for moderation")
    PUBLISHED = "published", _("published")
    NEEDS_CHECK = "needs_check", _("needs check")
    ARCHIVED = "archived", _("no longer shown")
    REJECTED = "rejected", _("rejected")


# Entries residents can find: a published entry stays findable while it waits for its check.
PUBLIC_STATUSES = (Status.PUBLISHED, Status.NEEDS_CHECK)


class TargetGroup(models.TextChoices):
    EVERYONE = "everyone", _("everyone")
    CHILDREN = "children", _("children")
    YOUTH = "youth", _("young people")
    PARENTS = "parents", _("parents")
    ADULTS = "adults", _("adults")
    ELDERLY = "elderly", _("older people")
    CARERS = "carers", _("informal carers")
    NEWCOMERS = "newcomers", _("newcomers")
    DISABILITY = "disability", _("people with a disability")
    LOW_INCOME = "low_income", _("people with a low income")
    LONELY = "lonely", _("people who feel lonely")


class Theme(models.TextChoices):
    MEETING = "meeting", _("meeting others")
    SPORT = "sport", _("sport and exercise")
    CULTURE = "culture", _("culture and music")
    LANGUAGE = "language", _("language")
    MONEY = "money", _("money matters")
    FOOD = "food", _("food")
    HEALTH = "health", _("health")
    CARE = "care", _("informal care")
    VOLUNTEERING = "volunteering", _("volunteering")
    NEIGHBOURHOOD = "neighbourhood", _("neighbourhood")
    FAITH = "faith", _("faith and reflection")
    NATURE = "nature", _("nature and outdoors")
    LEARNING = "learning", _("learning and advice")


class Cost(models.TextChoices):
    FREE = "free", _("free")
    CONTRIBUTION = "contribution", _("voluntary contribution")
    MEMBERSHIP = "membership", _("membership")
    PRICE = "price", _("price")


class Accessibility(models.TextChoices):
    WHEELCHAIR = "wheelchair", _("wheelchair accessible")
    ACCESSIBLE_TOILET = "accessible_toilet", _("accessible toilet")
    HEARING_LOOP = "hearing_loop", _("hearing loop")
    QUIET_ROOM = "quiet_room", _("quiet room")
    EASY_LANGUAGE = "easy_language", _("easy language")
    PUBLIC_TRANSPORT = "public_transport", _("near public transport")


class Language(models.TextChoices):
    DUTCH = "nl", _("Dutch")
    ENGLISH = "en", _("English")
    ARABIC = "ar", _("Arabic")
    TURKISH = "tr", _("Turkish")
    POLISH = "pl", _("Polish")
    UKRAINIAN = "uk", _("Ukrainian")
    TIGRINYA = "ti", _("Tigrinya")
    DUTCH_SIGN = "sgn-nl", _("Dutch sign language")


class Setting(models.TextChoices):
    INDOOR = "indoor", _("indoor")
    OUTDOOR = "outdoor", _("outdoor")
    BOTH = "both", _("indoor and outdoor")


class PlaceKind(models.TextChoices):
    PUBLIC_BUILDING = "public_building", _("public building")
    OPEN_SPACE = "open_space", _("open space")
    PRIVATE_BUILDING = "private_building", _("other building")


class Facility(models.TextChoices):
    KITCHEN = "kitchen", _("kitchen")
    MEETING_ROOM = "meeting_room", _("meeting room")
    HALL = "hall", _("hall")
    WIFI = "wifi", _("wifi")
    GARDEN = "garden", _("garden")
    SPORTS = "sports", _("sports facilities")
    PLAYGROUND = "playground", _("playground")


class DateRange(models.TextChoices):
    """The date filters of the search, beside the weekday: periods from now, in the municipality's local time."""

    TODAY = "today", _("today")
    WEEK = "week", _("this week")
    WEEKEND = "weekend", _("this weekend")


WEEKDAYS = [
    (0, _("Monday")),
    (1, _("Tuesday")),
    (2, _("Wednesday")),
    (3, _("Thursday")),
    (4, _("Friday")),
    (5, _("Saturday")),
    (6, _("Sunday")),
]
