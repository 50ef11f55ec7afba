"""Burenhulp: help requests and offers, volunteers, vacancies of organisations, matches with relayed messages.

A municipality's way of working is data (`HelpSettings` and its `HelpCategory` list): peer or moderated mode, the
days before a follow-up, an escalation and expiry, how long personal data is kept, and the categories that are not
for volunteers with where to go instead. Requests, offers and volunteers keep the point of their 4-digit postcode
area (never the address) for matching; the address and phone number a requester gives are shown only to a matched
helper after both agreed to share contact details (`ContactConsent`).
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from socialebasis.areas.models import District, Municipality, Neighbourhood

from .vocabulary import (
    ALL_PARTS,
    Language,
    MatchStatus,
    Mode,
    OfferStatus,
    RequestStatus,
    VacancyStatus,
    When,
)

USER = settings.AUTH_USER_MODEL


class HelpSettings(models.Model):
    """How one municipality runs burenhulp; without a row the municipality has no burenhulp."""

    municipality = models.OneToOneField(
        Municipality, on_delete=models.CASCADE, related_name="help_settings", verbose_name=_("municipality")
    )
    name = models.CharField(_("name of the platform"), max_length=100, help_text=_("For example Heusden voor Elkaar."))
    mode = models.CharField(_("privacy mode"), max_length=10, choices=Mode.choices, default=Mode.PEER)
    follow_up_days = models.PositiveSmallIntegerField(_("days after a match before the follow-up"), default=14)
    unmatched_days = models.PositiveSmallIntegerField(_("days without a match before a professional looks"), default=7)
    expiry_days = models.PositiveSmallIntegerField(_("days before an open request expires"), default=60)
    retention_months = models.PositiveSmallIntegerField(_("months personal data is kept after closing"), default=12)
    source = models.CharField(_("source"), max_length=300, blank=True, help_text=_("The policy text this follows."))

    class Meta:
        verbose_name = _("burenhulp settings")
        verbose_name_plural = _("burenhulp settings")

    def __str__(self) -> str:
        return self.name


class HelpCategory(models.Model):
    """What help is about, in the municipality's own list; `bit` is its place in a volunteer's category mask."""

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="help_categories", verbose_name=_("municipality")
    )
    key = models.SlugField(_("key"), max_length=40)
    name = models.CharField(_("name"), max_length=100)
    bit = models.PositiveSmallIntegerField(_("position"))
    for_volunteers = models.BooleanField(_("volunteers can help"), default=True)
    go_instead = models.TextField(_("where to go instead"), blank=True)
    go_instead_url = models.URLField(_("web address of where to go instead"), blank=True)
    directory_theme = models.CharField(_("theme on the sociale kaart"), max_length=20, blank=True)
    skills = models.PositiveIntegerField(_("skills it asks for"), default=0)

    class Meta:
        ordering = ["municipality", "bit"]
        verbose_name = _("help category")
        verbose_name_plural = _("help categories")
        constraints = [
            models.UniqueConstraint(fields=["municipality", "key"], name="help_category_key_once"),
            models.UniqueConstraint(fields=["municipality", "bit"], name="help_category_bit_once"),
            models.CheckConstraint(condition=models.Q(bit__lt=62), name="help_category_bit_fits"),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def mask(self) -> int:
        return 1 << self.bit


class Placed(models.Model):
    """Where something is, as coarsely as matching needs: municipality, wijk, buurt and the 4-digit area's point."""

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="+", verbose_name=_("municipality")
    )
    district = models.ForeignKey(
        District, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("wijk")
    )
    neighbourhood = models.ForeignKey(
        Neighbourhood, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("buurt")
    )
    postcode_area = models.CharField(_("postcode (4 digits)"), max_length=4)
    latitude = models.FloatField(_("latitude of the postcode area"))
    longitude = models.FloatField(_("longitude of the postcode area"))
    is_demo = models.BooleanField(_("demo data"), default=False)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        abstract = True

    @property
    def area_name(self) -> str:
        if self.neighbourhood_id:
            return self.neighbourhood.name
        if self.district_id:
            return self.district.name
        return self.municipality.name


class HelpRequest(Placed):
    owner = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="help_requests", verbose_name=_("asked by"))
    on_behalf_of = models.CharField(
        _("for resident"),
        max_length=100,
        blank=True,
        help_text=_("A resident without a computer a professional asks for."),
    )
    resident_consent_at = models.DateTimeField(_("resident agreed at"), null=True, blank=True)
    category = models.ForeignKey(
        HelpCategory, on_delete=models.PROTECT, related_name="requests", verbose_name=_("category")
    )
    text = models.TextField(_("what is needed"), max_length=1000)
    when = models.CharField(_("when"), max_length=10, choices=When.choices, default=When.FLEXIBLE)
    date = models.DateField(_("date"), null=True, blank=True)
    parts = models.PositiveIntegerField(_("weekday parts"), default=ALL_PARTS)
    skills = models.PositiveIntegerField(_("skills needed"), default=0)
    address = models.CharField(_("address"), max_length=200, blank=True)
    phone = models.CharField(_("phone number"), max_length=30, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=RequestStatus.choices, default=RequestStatus.PENDING)
    status_changed_at = models.DateTimeField(_("status changed at"), default=timezone.now)
    escalated_at = models.DateTimeField(_("sent to a professional at"), null=True, blank=True)
    anonymised_at = models.DateTimeField(_("made anonymous at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("help request")
        verbose_name_plural = _("help requests")
        indexes = [
            models.Index(fields=["municipality", "status", "latitude"], name="help_request_open_near"),
            models.Index(fields=["status", "status_changed_at"], name="help_request_by_age"),
        ]

    def __str__(self) -> str:
        return f"{self.category.name} · {self.area_name}"

    def get_absolute_url(self) -> str:
        return reverse("neighbourhelp:request", args=[self.pk])


class HelpOffer(Placed):
    owner = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="help_offers", verbose_name=_("offered by"))
    category = models.ForeignKey(
        HelpCategory, on_delete=models.PROTECT, related_name="offers", verbose_name=_("category")
    )
    text = models.TextField(_("what you offer"), max_length=1000)
    when = models.CharField(_("when"), max_length=10, choices=When.choices, default=When.FLEXIBLE)
    parts = models.PositiveIntegerField(_("weekday parts"), default=ALL_PARTS)
    status = models.CharField(_("status"), max_length=10, choices=OfferStatus.choices, default=OfferStatus.OPEN)
    status_changed_at = models.DateTimeField(_("status changed at"), default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("help offer")
        verbose_name_plural = _("help offers")

    def __str__(self) -> str:
        return f"{self.category.name} · {self.area_name}"

    def get_absolute_url(self) -> str:
        return reverse("neighbourhelp:offer", args=[self.pk])


class VolunteerProfile(Placed):
    user = models.OneToOneField(
        USER, on_delete=models.CASCADE, related_name="volunteer_profile", verbose_name=_("volunteer")
    )
    categories = models.BigIntegerField(_("categories"), default=0)
    skills = models.PositiveIntegerField(_("skills"), default=0)
    parts = models.PositiveIntegerField(_("available weekday parts"), default=0)
    max_km = models.PositiveSmallIntegerField(_("how far you go (km)"), default=5)
    languages = models.JSONField(_("languages"), default=list, blank=True)
    active = models.BooleanField(_("available for requests"), default=True)
    open_matches = models.PositiveSmallIntegerField(_("people helped now"), default=0)
    hours = models.DecimalField(_("hours recorded"), max_digits=7, decimal_places=1, default=0)

    class Meta:
        verbose_name = _("volunteer profile")
        verbose_name_plural = _("volunteer profiles")
        indexes = [models.Index(fields=["municipality", "active", "latitude"], name="volunteer_near")]

    def __str__(self) -> str:
        return str(self.user)

    def get_absolute_url(self) -> str:
        return reverse("neighbourhelp:volunteer")

    def language_labels(self) -> list[str]:
        labels = dict(Language.choices)
        return [str(labels.get(key, key)) for key in self.languages]


class VolunteerVacancy(models.Model):
    organisation = models.ForeignKey(
        "directory.Organisation", on_delete=models.CASCADE, related_name="+", verbose_name=_("organisation")
    )
    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="+", verbose_name=_("municipality")
    )
    district = models.ForeignKey(
        District, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("wijk")
    )
    title = models.CharField(_("title"), max_length=120)
    task = models.TextField(_("the task"), max_length=2000)
    hours = models.CharField(_("hours"), max_length=60, help_text=_("For example: 2 hours a week."))
    skills = models.PositiveIntegerField(_("skills"), default=0)
    status = models.CharField(_("status"), max_length=10, choices=VacancyStatus.choices, default=VacancyStatus.OPEN)
    created_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("placed by")
    )
    is_demo = models.BooleanField(_("demo data"), default=False)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("volunteer vacancy")
        verbose_name_plural = _("volunteer vacancies")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("neighbourhelp:vacancy", args=[self.pk])


class VacancyResponse(models.Model):
    vacancy = models.ForeignKey(
        VolunteerVacancy, on_delete=models.CASCADE, related_name="responses", verbose_name=_("vacancy")
    )
    user = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="+", verbose_name=_("resident"))
    message = models.TextField(_("message"), max_length=2000)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("response to a vacancy")
        verbose_name_plural = _("responses to vacancies")
        constraints = [models.UniqueConstraint(fields=["vacancy", "user"], name="vacancy_response_once")]

    def __str__(self) -> str:
        return f"{self.user} → {self.vacancy}"

    def get_absolute_url(self) -> str:
        return self.vacancy.get_absolute_url()


class Match(models.Model):
    """A helper and an asker about one request (or one offer), with the conversation between them."""

    request = models.ForeignKey(
        HelpRequest, null=True, blank=True, on_delete=models.CASCADE, related_name="matches", verbose_name=_("request")
    )
    offer = models.ForeignKey(
        HelpOffer, null=True, blank=True, on_delete=models.CASCADE, related_name="matches", verbose_name=_("offer")
    )
    helper = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="+", verbose_name=_("helper"))
    asker = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="+", verbose_name=_("asker"))
    proposed_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("proposed by")
    )
    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="+", verbose_name=_("municipality")
    )
    district = models.ForeignKey(
        District, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("wijk")
    )
    status = models.CharField(_("status"), max_length=10, choices=MatchStatus.choices, default=MatchStatus.PROPOSED)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    accepted_at = models.DateTimeField(_("agreed at"), null=True, blank=True)
    follow_up_sent_at = models.DateTimeField(_("follow-up asked at"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    reported = models.BooleanField(_("reported"), default=False)
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("match")
        verbose_name_plural = _("matches")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(request__isnull=False, offer__isnull=True)
                | models.Q(request__isnull=True, offer__isnull=False),
                name="match_about_a_request_or_an_offer",
            )
        ]

    def __str__(self) -> str:
        about = self.request or self.offer
        return f"{about.category.name} · {about.area_name}"

    def get_absolute_url(self) -> str:
        return reverse("neighbourhelp:conversation", args=[self.pk])

    @property
    def about(self):
        return self.request if self.request_id else self.offer

    @property
    def accepter_id(self) -> int:
        """Who says yes: the asker to a helper who offered, the helper to an asker who responded to an offer."""
        return self.asker_id if self.request_id else self.helper_id

    def other_party(self, user):
        return self.asker if user.pk == self.helper_id else self.helper


class Message(models.Model):
    match = models.ForeignKey(Match, on_delete=models.CASCADE, related_name="messages", verbose_name=_("conversation"))
    author = models.ForeignKey(USER, null=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("author"))
    body = models.TextField(_("message"), max_length=2000)
    created_at = models.DateTimeField(_("sent at"), default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("message")
        verbose_name_plural = _("messages")

    def __str__(self) -> str:
        return f"{self.match} · {self.created_at:%Y-%m-%d %H:%M}"

    def get_absolute_url(self) -> str:
        return self.match.get_absolute_url()


class ContactConsent(models.Model):
    """One party agrees to show their phone, e-mail and address to the other; both must agree before either sees."""

    match = models.ForeignKey(Match, on_delete=models.CASCADE, related_name="consents", verbose_name=_("conversation"))
    user = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="+", verbose_name=_("person"))
    given_at = models.DateTimeField(_("agreed at"), default=timezone.now)

    class Meta:
        verbose_name = _("consent to share contact details")
        verbose_name_plural = _("consents to share contact details")
        constraints = [models.UniqueConstraint(fields=["match", "user"], name="contact_consent_once")]

    def __str__(self) -> str:
        return f"{self.user} · {self.match}"


class FollowUp(models.Model):
    """After a match: did the help happen and how did it go, asked of each party once."""

    match = models.ForeignKey(Match, on_delete=models.CASCADE, related_name="follow_ups", verbose_name=_("match"))
    user = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="+", verbose_name=_("person"))
    asked_at = models.DateTimeField(_("asked at"), default=timezone.now)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    happened = models.BooleanField(_("the help happened"), null=True, blank=True)
    how_it_went = models.TextField(_("how it went"), max_length=1000, blank=True)
    hours = models.DecimalField(_("hours"), max_digits=5, decimal_places=1, null=True, blank=True)

    class Meta:
        verbose_name = _("follow-up")
        verbose_name_plural = _("follow-ups")
        constraints = [models.UniqueConstraint(fields=["match", "user"], name="follow_up_once_per_person")]

    def __str__(self) -> str:
        return f"{self.match} · {self.user}"

    def get_absolute_url(self) -> str:
        return reverse("neighbourhelp:follow-up", args=[self.pk])


class Report(models.Model):
    match = models.ForeignKey(Match, on_delete=models.CASCADE, related_name="reports", verbose_name=_("conversation"))
    reporter = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="+", verbose_name=_("reported by"))
    reported = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="+", verbose_name=_("reported person"))
    reason = models.TextField(_("what happened"), max_length=2000)
    created_at = models.DateTimeField(_("reported at"), default=timezone.now)
    handled_at = models.DateTimeField(_("handled at"), null=True, blank=True)
    handled_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("handled by")
    )

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("report")
        verbose_name_plural = _("reports")

    def __str__(self) -> str:
        return f"{self.match} · {self.created_at:%Y-%m-%d}"

    def get_absolute_url(self) -> str:
        return self.match.get_absolute_url()


class Block(models.Model):
    blocker = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="+", verbose_name=_("blocked by"))
    blocked = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="+", verbose_name=_("blocked person"))
    created_at = models.DateTimeField(_("blocked at"), default=timezone.now)

    class Meta:
        verbose_name = _("block")
        verbose_name_plural = _("blocks")
        constraints = [models.UniqueConstraint(fields=["blocker", "blocked"], name="block_once")]

    def __str__(self) -> str:
        return f"{self.blocker} → {self.blocked}"
