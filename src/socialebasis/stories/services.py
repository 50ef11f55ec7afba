"""Writes for stories: telling (also for someone else, consent recorded), redacting, the teller's choice of
readers, withdrawal, panels, rounds and selections. Each validates first and writes in one transaction."""

from datetime import date

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from socialebasis.audit.models import Action
from socialebasis.audit.services import record_event, record_list_read
from socialebasis.core.permissions import can
from socialebasis.core.roles import works_for
from socialebasis.uploads import services as uploads
from socialebasis.workflows.services import transition

from . import selectors
from .models import PUBLIC_VISIBILITIES, Panel, Round, RoundStatus, Selection, Story, StoryQuestion, StoryStatus
from .notifications import added_to_panel


def tell_story(data: dict, *, teller, municipality, entered_by=None) -> Story:
    """Save a story from a valid StoryForm's cleaned data. With `entered_by`, a professional enters it for someone
    without an account (the teller is then None; the consent is recorded in `consent_note`). With neither, the
    platform itself writes it (the demo, an import of stories collected on paper), and may give its status."""
    actor = entered_by or teller
    by_the_platform = teller is None and entered_by is None
    if entered_by is not None and not can(entered_by, "stories.enter_story_for_someone", municipality):
        raise PermissionDenied
    if entered_by is None and teller is not None and not can(teller, "stories.tell_story"):
        raise PermissionDenied
    district = data["district"]
    if district.municipality_id != municipality.pk:
        raise ValidationError({"district": _("Choose a wijk of this municipality.")})
    photo = None
    if data.get("photo") is not None:
        photo = uploads.store_upload(
            data["photo"], owner=actor, purpose="story-photo", alt_text=data.get("photo_alt", "")
        )
    with transaction.atomic():
        story = Story.objects.create(
            municipality=municipality,
            district=district,
            title=data["title"].strip(),
            text=data["text"].strip(),
            goals=list(data.get("goals") or []),
            sphere=data.get("sphere") or "",
            feeling=data["feeling"],
            about=data["about"],
            answers=data.get("answers") or {},
            visibility=data["visibility"],
            teller=teller,
            teller_name=(data.get("teller_name") or "").strip(),
            entered_by=entered_by,
            consent_note=(data.get("consent_note") or "").strip(),
            is_demo=bool(data.get("is_demo")),
            status=data.get("status", StoryStatus.NEW) if by_the_platform else StoryStatus.NEW,
            **({"created_at": data["created_at"]} if data.get("created_at") else {}),
        )
        if photo is not None:
            uploads.attach(photo, story, actor=actor)
        record_event(actor, Action.CREATE, story, municipality=municipality.statcode, on_behalf=entered_by is not None)
    return story


def redact_story(story: Story, *, title: str, text: str, actor) -> Story:
    """A professional takes out other people's personal details; only while the story is not withdrawn."""
    if not can(actor, "stories.moderate_story", story) or story.status == StoryStatus.WITHDRAWN:
        raise PermissionDenied
    with transaction.atomic():
        story.title, story.text = title.strip(), text.strip()
        story.save(update_fields=["title", "text"])
        record_event(actor, Action.UPDATE, story, municipality=story.municipality.statcode, changed=["title", "text"])
    return story


def change_visibility(story: Story, visibility: str, *, actor) -> Story:
    if story.teller_id != getattr(actor, "pk", None) or story.status == StoryStatus.WITHDRAWN:
        raise PermissionDenied
    with transaction.atomic():
        story.visibility = visibility
        story.save(update_fields=["visibility"])
        record_event(actor, Action.UPDATE, story, municipality=story.municipality.statcode, changed=["visibility"])
    return story


def withdraw_story(story: Story, *, actor) -> Story:
    """The teller takes back their consent: the story is emptied and leaves every later read and report."""
    return transition(story, StoryStatus.WITHDRAWN, actor=actor)


def create_panel(*, municipality, name: str, district=None, members=(), actor=None) -> Panel:
    """A wijk panel (with its wijk) or the municipal panel (without). With an actor, a professional or policy officer
    of the municipality sets it up on the panels page (the rule of the rounds); without, the platform (the demo)."""
    if actor is not None and not can(actor, "stories.manage_rounds", municipality):
        raise PermissionDenied
    errors = {}
    if not name.strip():
        errors["name"] = _("Give the panel a name.")
    if district is not None and district.municipality_id != municipality.pk:
        errors["district"] = _("Choose a wijk of this municipality.")
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        panel = Panel.objects.create(municipality=municipality, district=district, name=name.strip())
        panel.members.set(members)
        record_event(
            actor, Action.CREATE, panel, municipality=municipality.statcode,
            level="wijk" if district is not None else "municipality",
        )  # fmt: skip
    return panel


def add_panel_member(panel: Panel, *, email: str, actor):
    """Put the person with this account on the panel; residents may sit on a panel too (issue 14 point 3). Only staff
    who set up the municipality's rounds get here, so only they learn whether an address has an account."""
    if not can(actor, "stories.manage_rounds", panel.municipality):
        raise PermissionDenied
    address = (email or "").strip()
    person = get_user_model().objects.filter(email__iexact=address, is_active=True).first() if address else None
    if person is None:
        raise ValidationError(
            {"email": _("No account has this e-mail address. Ask the person to make an account first, then try again.")}
        )
    with transaction.atomic():
        panel = Panel.objects.select_for_update().get(pk=panel.pk)
        if panel.members.filter(pk=person.pk).exists():
            raise ValidationError({"email": _("This person is already on the panel.")})
        panel.members.add(person)
        record_event(actor, Action.UPDATE, panel, municipality=panel.municipality.statcode, added_member=person.pk)
        added_to_panel(panel, person)
    return person


def remove_panel_member(panel: Panel, *, member_id: int, actor) -> None:
    """Take someone off the panel; what they chose in earlier rounds stays, with its reasons."""
    if not can(actor, "stories.manage_rounds", panel.municipality):
        raise PermissionDenied
    with transaction.atomic():
        panel = Panel.objects.select_for_update().get(pk=panel.pk)
        if not panel.members.filter(pk=member_id).exists():
            raise ValidationError(_("This person is not on the panel."))
        panel.members.remove(member_id)
        record_event(actor, Action.UPDATE, panel, municipality=panel.municipality.statcode, removed_member=member_id)


def add_question(municipality, text: str, *, actor=None, position: int = 0) -> StoryQuestion:
    with transaction.atomic():
        question = StoryQuestion.objects.create(municipality=municipality, text=text, position=position)
        record_event(actor, Action.CREATE, question, municipality=municipality.statcode)
    return question


def start_round(
    *, panel: Panel, title: str, period_start: date, period_end: date, actor, domains=None, is_demo=False
) -> Round:
    """A round of a panel over a period. Its domains of change are the goals of the framework in force, or the ones
    of them chosen in `domains` (their keys)."""
    if actor is not None and not can(actor, "stories.manage_rounds", panel.municipality):
        raise PermissionDenied
    goals = selectors.default_domains(panel.municipality)
    if not goals:
        raise ValidationError({"panel": _("This municipality has no framework with goals yet.")})
    if period_end < period_start:
        raise ValidationError({"period_end": _("The end cannot be before the start.")})
    chosen = None if domains is None else set(domains)
    domains = [goal for goal in goals if chosen is None or goal["key"] in chosen]
    if not domains or (chosen is not None and len(domains) != len(chosen)):
        raise ValidationError({"domains": _("Choose one or more goals of the municipality as domains of change.")})
    with transaction.atomic():
        round_ = Round.objects.create(
            panel=panel, title=title.strip(), period_start=period_start, period_end=period_end, domains=domains,
            created_by=actor, is_demo=is_demo,
        )  # fmt: skip
        record_event(actor, Action.CREATE, round_, municipality=panel.municipality.statcode)
    return round_


def select_story(round_: Round, *, story_id: int, domain: str, reasons: str, actor) -> Selection:
    """Record the panel's choice for one domain, with its reasons; choosing again for a domain replaces it."""
    if actor is not None and not can(actor, "stories.select_in_round", round_):
        raise PermissionDenied
    if round_.status != RoundStatus.OPEN:
        raise ValidationError(_("This round is completed."))
    story = selectors.candidates_of(round_).filter(pk=story_id).first()
    errors = {}
    if story is None:
        errors["story"] = _("Choose one of the stories of this round.")
    if domain not in selectors.domain_names(round_):
        errors["domain"] = _("Choose one of the domains of this round.")
    if not reasons.strip():
        errors["reasons"] = _("Write why the panel chose this story.")
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        selection, _created = Selection.objects.update_or_create(
            round=round_, domain=domain, defaults={"story": story, "reasons": reasons.strip(), "selected_by": actor}
        )
        record_event(actor, Action.UPDATE, round_, municipality=round_.panel.municipality.statcode, domain=domain)
    return selection


def import_completed_round(
    *, panel: Panel, title: str, period_start: date, period_end: date, selections, feedback: str, is_demo=False
) -> Round:
    """A round held before, on paper (and the demo's): written completed at once, with its choices and reasons.
    Nobody is told: its tellers heard it at the time."""
    domains = selectors.default_domains(panel.municipality)
    keys = {d["key"] for d in domains}
    if any(domain not in keys for _story, domain, _reasons in selections):
        raise ValidationError(_("Choose one of the domains of this round."))
    with transaction.atomic():
        round_ = Round.objects.create(
            panel=panel, title=title, period_start=period_start, period_end=period_end, domains=domains,
            status=RoundStatus.COMPLETED, feedback=feedback, is_demo=is_demo,
        )  # fmt: skip
        for story, domain, reasons in selections:
            Selection.objects.create(round=round_, story=story, domain=domain, reasons=reasons)
        record_event(None, Action.CREATE, round_, municipality=panel.municipality.statcode, imported=True)
    return round_


def complete_round(round_: Round, *, feedback: str, actor) -> Round:
    """Close the round; every teller whose story it read hears what was chosen and why (workflow `after`)."""
    if not round_.selections.exists():
        raise ValidationError(_("Choose at least one story before you complete the round."))
    with transaction.atomic():
        Round.objects.filter(pk=round_.pk).update(feedback=feedback.strip())
        round_.feedback = feedback.strip()
        transition(round_, RoundStatus.COMPLETED, actor=actor)
    return round_


def _read_as_staff(reader, story: Story) -> bool:
    """Read only because the reader works for the municipality: not the teller's own, not open to everyone."""
    if reader is None or not reader.is_authenticated or story.teller_id == reader.pk:
        return False
    if story.status == StoryStatus.PUBLISHED and story.visibility in PUBLIC_VISIBILITIES:
        return False
    return works_for(reader, story.municipality)


def record_reading(reader, story: Story) -> None:
    """Staff read a resident's story the teller did not make public: one line in the audit log (ADR 0025)."""
    if _read_as_staff(reader, story):
        record_event(reader, Action.VIEW, story, municipality=story.municipality.statcode)


def record_list_reading(reader, stories) -> None:
    """Staff were shown a list with residents' stories the tellers did not make public: one line naming them."""
    read = [story for story in stories if _read_as_staff(reader, story)]
    record_list_read(reader, Story, read, named="stories")
