"""Writes for signals: reporting (contact kept apart), opening a reporter's contact details (audited), themes with
their target times, and combining several signals into one action on the wijk's sociale agenda in one step."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from socialebasis.audit.models import Action
from socialebasis.audit.services import record_event
from socialebasis.core.permissions import can
from socialebasis.profiles import services as profile_services
from socialebasis.profiles.forms import AgendaItemForm
from socialebasis.workflows.services import transition

from .models import OPEN_STATUSES, ReporterContact, Signal, SignalStatus, Theme


def add_theme(municipality, name: str, *, target_days: int = 14, position: int = 0, actor=None) -> Theme:
    with transaction.atomic():
        theme, created = Theme.objects.get_or_create(
            municipality=municipality, name=name, defaults={"target_days": target_days, "position": position}
        )
        if created:
            record_event(actor, Action.CREATE, theme, municipality=municipality.statcode)
    return theme


def report_signal(data: dict, *, reporter, municipality) -> Signal:
    """Save a signal from a valid SignalForm's cleaned data. The contact row is kept apart from the signal; with
    `anonymous`, staff never see who it was; contact details are kept only with consent to be contacted. Without a
    reporter the platform itself writes it (the demo, an import), and may give its status."""
    if reporter is not None and not can(reporter, "signalling.report_signal"):
        raise PermissionDenied
    theme, district = data["theme"], data["district"]
    errors = {}
    if theme.municipality_id != municipality.pk:
        errors["theme"] = _("Choose a theme of this municipality.")
    if district.municipality_id != municipality.pk:
        errors["district"] = _("Choose a wijk of this municipality.")
    if errors:
        raise ValidationError(errors)
    may_contact = bool(data.get("may_contact")) and not data.get("anonymous")
    with transaction.atomic():
        created_at = data.get("created_at")
        signal = Signal.objects.create(
            municipality=municipality,
            district=district,
            theme=theme,
            description=data["description"].strip(),
            reporter_kind=data["reporter_kind"],
            due_at=Signal.due_for(theme, created_at),
            is_demo=bool(data.get("is_demo")),
            status=data.get("status", SignalStatus.NEW) if reporter is None else SignalStatus.NEW,
            **({"created_at": created_at} if created_at else {}),
        )
        ReporterContact.objects.create(
            signal=signal,
            user=reporter,
            anonymous=bool(data.get("anonymous")),
            may_contact=may_contact,
            contact_name=(data.get("contact_name") or "").strip() if may_contact else "",
            contact_email=(data.get("contact_email") or "").strip() if may_contact else "",
            contact_phone=(data.get("contact_phone") or "").strip() if may_contact else "",
            organisation=(data.get("organisation") or "").strip(),
        )
        record_event(reporter, Action.CREATE, signal, municipality=municipality.statcode)
    return signal


def open_contact(signal: Signal, *, actor) -> ReporterContact:
    """A professional opens the reporter's contact details: allowed only when not anonymous, always audited."""
    if not can(actor, "signalling.view_contact", signal):
        raise PermissionDenied
    with transaction.atomic():
        record_event(actor, Action.VIEW, signal.contact, municipality=signal.municipality.statcode, signal=signal.pk)
    return signal.contact


def combine_into_agenda(signals: list[Signal], *, actor, agenda_data: dict, note: str) -> object:
    """Several signals of one wijk become one action on its sociale agenda, in one step: the agenda item is made
    through the profiles' own form and service, every signal moves to "on the sociale agenda" and each reporter
    hears what became of it (the workflow's `after`). Everything is checked before anything is written."""
    errors: dict[str, str] = {}
    if len(signals) < 1:
        errors["signals"] = _("Choose at least one signal.")
    districts = {(s.district.statcode, s.district.year) for s in signals}
    if len(districts) > 1:
        errors["signals"] = _("Choose signals of one wijk: an action belongs on the agenda of one wijk.")
    if any(s.status not in OPEN_STATUSES or s.status == SignalStatus.ON_AGENDA for s in signals):
        errors["signals"] = _("Some of these signals are handled or already on the agenda.")
    if any(not can(actor, "signalling.handle_signal", s) for s in signals):
        raise PermissionDenied
    if not note.strip():
        errors["note"] = _("Write a short note: the reporters read it.")
    form = AgendaItemForm(data=agenda_data)
    if not form.is_valid():
        errors.update({name: " ".join(messages) for name, messages in form.errors.items()})
    if errors:
        raise ValidationError(errors)
    district = signals[0].district
    if not can(actor, "profiles.change_agenda", district.municipality):
        raise PermissionDenied
    with transaction.atomic():
        item = profile_services.save_agenda_item(form, actor, district)
        for signal in signals:
            Signal.objects.filter(pk=signal.pk).update(agenda_item=item)
            signal.agenda_item = item
            transition(signal, SignalStatus.ON_AGENDA, actor=actor, note=note, agenda_item=item.pk)
    return item


def erase_reporter(user) -> int:
    """Erasing an account (ADR 0025): the descriptions and outcomes of the signals the person raised are blanked and
    their contacts made anonymous; the signals stay, so they are still counted. One step, because once the contact
    has lost its account nothing finds the person's signals."""
    with transaction.atomic():
        Signal.objects.filter(contact__user=user).update(description="", outcome="")
        return ReporterContact.objects.filter(user=user).update(user=None, **ReporterContact.ANONYMOUS)
