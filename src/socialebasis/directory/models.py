"""The sociale kaart: organisations, meeting places and activities, per municipality and wijk.

An activity repeats by an RFC 5545 rule (`recurrence`, with exception dates); `weekdays` and the point are
derived when it is saved so that facets and "near me" stay plain indexed filters. On PostgreSQL a generated
Dutch `tsvector` column and trigram/point indexes are added by migration 0002 (see
docs/adr/0016-directory-search-on-postgresql.md); SQLite, used by the demo, searches with a simple fallback.

"Last edited" (`updated_at`) and "last checked by a person" (`checked_at`) are kept apart: a provider's
edit does not count as a check (issue 4 point 3).
"""

import secrets

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from socialebasis.areas.models import District, Municipality
from socialebasis.core.dates import END_MOMENT, FIRST_MOMENT, validate_in_window

from .querysets import EntryQuerySet
from .vocabulary import Accessibility, Cost, Language, OrganisationKind, PlaceKind, Setting, Status, TargetGroup, Theme


class Entry(models.Model):
    """What organisations, places and activities share: who owns them and how fresh they are."""

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="+", verbose_name=_("municipality")
    )
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.DRAFT)
    external_id = models.CharField(
        _("external id"), max_length=100, blank=True, help_text=_("Identifier in the source of an import.")
    )
    is_demo = models.BooleanField(
        _("demo data"), default=False, help_text=_("Invented for the demo; never real contact data.")
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("owner"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last edited"), auto_now=True)
    checked_at = models.DateTimeField(_("last checked by a person"), null=True, blank=True)
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("checked by"),
    )
    reminder_sent_at = models.DateTimeField(_("reminder sent at"), null=True, blank=True)

    objects = EntryQuerySet.as_manager()

    class Meta:
        abstract = True


class Organisation(Entry):
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=24, choices=OrganisationKind.choices)
    description = models.TextField(_("description"), blank=True)
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "external_id"],
                condition=~models.Q(external_id=""),
                name="organisation_external_id_unique",
            )
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("directory:organisation", args=[self.pk])


class MeetingPlace(Entry):
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    organisation = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="places",
        verbose_name=_("managed by"),
    )
    setting = models.CharField(_("indoor or outdoor"), max_length=8, choices=Setting.choices, default=Setting.INDOOR)
    kind = models.CharField(_("kind of place"), max_length=20, choices=PlaceKind.choices)
    street = models.CharField(_("street and number"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=7, blank=True)
    city = models.CharField(_("place"), max_length=100, blank=True)
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    district = models.ForeignKey(
        District, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("wijk")
    )
    opening_hours = models.TextField(_("opening hours"), blank=True)
    facilities = models.JSONField(_("facilities"), default=list, blank=True)
    accessibility = models.JSONField(_("accessibility"), default=list, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("meeting place")
        verbose_name_plural = _("meeting places")
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "external_id"],
                condition=~models.Q(external_id=""),
                name="place_external_id_unique",
            )
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("directory:place", args=[self.pk])


class Activity(Entry):
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.SET_NULL, related_name="activities",
        verbose_name=_("organiser"),
    )  # fmt: skip
    place = models.ForeignKey(
        MeetingPlace, null=True, blank=True, on_delete=models.SET_NULL, related_name="activities",
        verbose_name=_("meeting place"),
    )  # fmt: skip
    district = models.ForeignKey(
        District, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("wijk"),
        help_text=_("Found from the place, or chosen when the activity has no fixed place."),
    )  # fmt: skip
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    # The 4-digit area of where it happens, as a resident gave it without a place: it found the municipality and
    # wijk, and the form shows it again on an edit. Never a full postcode: that could be someone's home.
    postcode_area = models.CharField(_("postcode (4 digits)"), max_length=4, blank=True)
    target_groups = models.JSONField(_("target groups"), default=list, blank=True)
    themes = models.JSONField(_("themes"), default=list, blank=True)
    goals = models.JSONField(_("goals served"), default=list, blank=True, help_text=_("Keys of framework goals."))
    answers = models.JSONField(
        _("further answers"), default=dict, blank=True, help_text=_("Framework characteristics: true/false/null.")
    )
    sphere = models.CharField(_("sphere"), max_length=60, blank=True)
    cost = models.CharField(_("cost"), max_length=12, choices=Cost.choices, default=Cost.FREE)
    cost_note = models.CharField(_("about the cost"), max_length=200, blank=True)
    registration_needed = models.BooleanField(_("registration needed"), default=False)
    referral_needed = models.BooleanField(_("referral needed"), default=False)
    accessibility = models.JSONField(_("accessibility"), default=list, blank=True)
    languages = models.JSONField(_("languages"), default=list, blank=True)
    contact_name = models.CharField(_("contact person"), max_length=100, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=30, blank=True)
    starts_at = models.DateTimeField(_("first time"), null=True, blank=True, validators=[validate_in_window])
    duration_minutes = models.PositiveIntegerField(_("duration in minutes"), default=120)
    recurrence = models.CharField(
        _("recurrence rule"), max_length=300, blank=True, help_text=_("RFC 5545 RRULE, e.g. FREQ=WEEKLY;BYDAY=TU.")
    )
    exceptions = models.JSONField(
        _("exception dates"), default=list, blank=True, help_text=_("Dates (YYYY-MM-DD) on which it does not happen.")
    )
    # Derived on save: bit n set = it happens on weekday n (Monday 0), for the day-of-week facet.
    weekdays = models.PositiveSmallIntegerField(_("weekdays"), default=0)
    accessible = models.BooleanField(_("accessible"), default=False)
    search_document = models.TextField(_("search text"), blank=True, editable=False)
    # The afbakening: computed with the municipality's framework, confirmable or overridable by a professional.
    assessment = models.JSONField(_("assessment"), default=dict, blank=True, editable=False)
    assessment_verdict = models.CharField(_("computed verdict"), max_length=10, blank=True, editable=False)
    verdict_override = models.CharField(_("verdict set by a professional"), max_length=10, blank=True)
    verdict_note = models.TextField(_("note on the verdict"), blank=True)
    verdict_confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("verdict confirmed by"),
    )  # fmt: skip
    verdict_confirmed_at = models.DateTimeField(_("verdict confirmed at"), null=True, blank=True)

    class Meta:
        ordering = ["title"]
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "external_id"],
                condition=~models.Q(external_id=""),
                name="activity_external_id_unique",
            ),
            # Whatever the path, no start outside the date window is stored (core/dates.py): one such row made
            # every list of activities fail for everyone (issue 10 point 2).
            models.CheckConstraint(
                condition=models.Q(starts_at__isnull=True)
                | models.Q(starts_at__gte=FIRST_MOMENT, starts_at__lt=END_MOMENT),
                name="activity_starts_within_date_window",
                violation_error_message=_("The first time must lie between 1900 and 2100."),
            ),
        ]
        indexes = [
            models.Index(fields=["municipality", "status"]),
            models.Index(fields=["district", "status"]),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("directory:activity", args=[self.pk])

    @property
    def verdict(self) -> str:
        return self.verdict_override or self.assessment_verdict

    def _labels(self, values, choices) -> list[str]:
        names = dict(choices.choices)
        return [str(names[v]) for v in values if v in names]

    @property
    def target_group_labels(self) -> list[str]:
        return self._labels(self.target_groups, TargetGroup)

    @property
    def theme_labels(self) -> list[str]:
        return self._labels(self.themes, Theme)

    @property
    def accessibility_labels(self) -> list[str]:
        return self._labels(self.accessibility, Accessibility)

    @property
    def language_labels(self) -> list[str]:
        return self._labels(self.languages, Language)


class Synonym(models.Model):
    """Words residents use for the same thing ("buurthuis" and "wijkcentrum"), kept by an administrator."""

    term = models.CharField(_("word"), max_length=60, unique=True)
    alternatives = models.CharField(
        _("same meaning"), max_length=300, help_text=_("Other words with the same meaning, separated by commas.")
    )

    class Meta:
        ordering = ["term"]
        verbose_name = _("synonym")
        verbose_name_plural = _("synonyms")

    def __str__(self) -> str:
        return f"{self.term} = {self.alternatives}"

    def words(self) -> list[str]:
        return [self.term.lower(), *(w.strip().lower() for w in self.alternatives.split(",") if w.strip())]


def _feed_token() -> str:
    return secrets.token_urlsafe(24)


class SavedSearch(models.Model):
    """A search a signed-in person keeps under a name, with a private calendar feed (iCal) of its activities.

    The feed address carries an unguessable token, because calendar apps cannot sign in; it lists only what anyone
    may see, never what the owner may see because of their role.
    """

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_searches", verbose_name=_("owner")
    )
    name = models.CharField(_("name"), max_length=100)
    query = models.TextField(_("search"), help_text=_("The search as the list page's query string."))
    feed_token = models.CharField(_("calendar key"), max_length=64, unique=True, default=_feed_token, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("saved search")
        verbose_name_plural = _("saved searches")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return f"{reverse('directory:list')}?{self.query}"

    def get_feed_url(self) -> str:
        return reverse("directory:saved-search-calendar", args=[self.feed_token])


class RevisionStatus(models.TextChoices):
    PENDING = "pending", _("waiting for a check")
    APPROVED = "approved", _("approved")
    REJECTED = "rejected", _("not approved")
    REPLACED = "replaced", _("replaced by a newer change")


class Revision(models.Model):
    """A change to a public entry by someone who does not moderate it (issue 10 point 4).

    The entry stays as it was, for everyone, until a professional approves the change; then it is applied
    through `services.save_entry` and counts as a check. `data` is the whole submitted form as JSON, so that
    approving validates it again exactly as the owner's form did; `changed` names the fields that differ and
    `previous` holds their values at the time of the edit, for the "old → new" list.
    """

    entry_type = models.ForeignKey(
        "contenttypes.ContentType", on_delete=models.CASCADE, related_name="+", verbose_name=_("kind of entry")
    )
    entry_id = models.PositiveBigIntegerField(_("entry"))
    entry = GenericForeignKey("entry_type", "entry_id")
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("municipality after the change"),
        help_text=_("A move to another municipality is checked by a professional of that municipality."),
    )
    data = models.JSONField(_("submitted form"), default=dict)
    changed = models.JSONField(_("changed fields"), default=list)
    previous = models.JSONField(_("values before the change"), default=dict)
    status = models.CharField(
        _("status"), max_length=10, choices=RevisionStatus.choices, default=RevisionStatus.PENDING
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("changed by")
    )
    created_at = models.DateTimeField(_("changed at"), auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("checked by"),
    )
    decided_at = models.DateTimeField(_("checked at"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("change waiting for a check")
        verbose_name_plural = _("changes waiting for a check")
        constraints = [
            models.UniqueConstraint(
                fields=["entry_type", "entry_id"],
                condition=models.Q(status="pending"),
                name="one_pending_revision_per_entry",
            )
        ]
        indexes = [models.Index(fields=["entry_type", "entry_id", "status"])]

    def __str__(self) -> str:
        return f"{self.entry_type.model} {self.entry_id} ({self.get_status_display()})"
