"""Writes of initiatives and funds. Each service checks its whole input first, then writes in one transaction with
its audit line; statuses change only through workflows.services.transition (workflows.py)."""

import json
from datetime import date, timedelta
from pathlib import Path

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from socialebasis.audit.models import Action
from socialebasis.audit.services import record_event
from socialebasis.core.permissions import can
from socialebasis.notifications.services import notify
from socialebasis.uploads.services import attach
from socialebasis.workflows.services import transition

from . import notifications as kinds
from . import selectors
from .allocation import AllocationError
from .models import (
    Accountability,
    Allocation,
    Application,
    Budget,
    Declaration,
    Fund,
    Initiative,
    Note,
    Payout,
    Question,
    Round,
    TableMember,
)
from .vocabulary import ApplicationStatus, Decision, InitiativeStatus, Tier

PRESETS = Path(__file__).resolve().parent / "presets"
# How long after the decision the story of a grant is due.
ACCOUNTABILITY_DAYS = 365


class BudgetExceeded(ValidationError):
    """The wijk's budget has fewer euros left than the grant; nothing was decided."""


def _require(user, rule: str, obj) -> None:
    if not can(user, rule, obj):
        raise PermissionDenied


def _code(municipality) -> str:
    return municipality.statcode


# -- initiatives -----------------------------------------------------------------------------------------------


def save_initiative(actor, data: dict, *, initiative: Initiative | None = None, photos=(), is_demo=False) -> Initiative:
    """Create (the actor becomes the initiator and owner) or change an initiative; `photos` are stored Uploads."""
    if initiative is not None:
        _require(actor, "initiatives.change_initiative", initiative)
    districts = list(data.pop("districts", []))
    activities = list(data.pop("activities", []))
    with transaction.atomic():
        if initiative is None:
            initiative = Initiative.objects.create(owner=actor, is_demo=is_demo, **data)
            action = Action.CREATE
        else:
            for name, value in data.items():
                setattr(initiative, name, value)
            initiative.save()
            action = Action.UPDATE
        initiative.districts.set(districts)
        initiative.activities.set(activities)
        for upload in photos:
            attach(upload, initiative, actor=actor)
        record_event(actor, action, initiative, municipality=_code(initiative.municipality))
    return initiative


def join_initiative(initiative: Initiative, user) -> None:
    """Someone joins; the initiator stays the owner."""
    with transaction.atomic():
        if initiative.owner_id != user.pk:
            initiative.members.add(user)
        record_event(user, Action.UPDATE, initiative, joined=True)


# -- funds --------------------------------------------------------------------------------------------------------


def preset_keys() -> list[str]:
    return sorted(path.stem for path in PRESETS.glob("*.json"))


def load_fund_preset(municipality, key: str, *, actor=None) -> Fund:
    """A fund from one of the presets derived from the seeds (idempotent, keyed by the preset's key)."""
    path = PRESETS / f"{key}.json"
    if not path.is_file():
        raise ValidationError(_("There is no preset of that name."))
    data = json.loads(path.read_text(encoding="utf-8"))
    if data["municipality"] != municipality.statcode:
        raise ValidationError(_("This preset belongs to another municipality."))
    with transaction.atomic():
        fund, created = Fund.objects.update_or_create(
            municipality=municipality,
            key=data["key"],
            defaults={
                "name": data["name"],
                "description": data["description"],
                "intake": data["intake"],
                "maximum": data["maximum"],
                "story_up_to": data["story_up_to"],
                "report_up_to": data["report_up_to"],
                "principles": data.get("principles", []),
                "derived_from": data["derived_from"],
            },
        )
        record_event(actor, Action.CREATE if created else Action.UPDATE, fund, municipality=municipality.statcode)
    return fund


def add_round(fund: Fund, actor, name: str, opens_on: date, closes_on: date) -> Round:
    if closes_on < opens_on:
        raise ValidationError({"closes_on": _("The round cannot close before it opens.")})
    with transaction.atomic():
        round_ = Round.objects.create(fund=fund, name=name, opens_on=opens_on, closes_on=closes_on)
        record_event(actor, Action.CREATE, round_, municipality=_code(fund.municipality))
    return round_


def seat_member(fund: Fund, user, actor) -> TableMember:
    _require(actor, "initiatives.manage_fund", fund) if actor is not None else None
    with transaction.atomic():
        member, _created = TableMember.objects.update_or_create(fund=fund, user=user, defaults={"is_active": True})
        record_event(actor, Action.CREATE, member, municipality=_code(fund.municipality), member=user.pk)
    return member


def set_budget(fund: Fund, district, year: int, amount: int, actor) -> Budget:
    with transaction.atomic():
        budget, _created = Budget.objects.select_for_update().get_or_create(
            fund=fund, district=district, year=year, defaults={"amount": amount}
        )
        if amount < budget.granted:
            raise ValidationError(
                _("%(name)s already has € %(granted)s granted; the budget cannot be lower.")
                % {"name": district.name, "granted": budget.granted}
            )
        Budget.objects.filter(pk=budget.pk).update(amount=amount)
        budget.amount = amount
        record_event(actor, Action.UPDATE, budget, municipality=_code(fund.municipality), amount=amount)
    return budget


# -- applications -----------------------------------------------------------------------------------------------

FORM_FIELDS = (
    "title",
    "what",
    "for_whom",
    "where",
    "when",
    "amount",
    "spending",
    "lines",
    "helpers",
    "goals",
    "answers",
)


def save_draft(actor, fund: Fund, data: dict, *, application: Application | None = None, is_demo=False) -> Application:
    """Create or change the applicant's draft. `data` holds the cleaned form (district included)."""
    if application is not None:
        _require(actor, "initiatives.change_application", application)
    if data.get("amount") is not None and data["amount"] > fund.maximum:
        raise ValidationError(
            {"amount": _("This fund gives at most € %(max)s per application.") % {"max": fund.maximum}}
        )
    year = data.pop("year", None) or timezone.localdate().year
    round_ = fund.rounds.filter(opens_on__lte=timezone.localdate(), closes_on__gte=timezone.localdate()).first()
    with transaction.atomic():
        if application is None:
            application = Application.objects.create(
                fund=fund, applicant=actor, year=year, round=round_, is_demo=is_demo, **data
            )
            action = Action.CREATE
        else:
            for name, value in data.items():
                setattr(application, name, value)
            application.save()
            action = Action.UPDATE
        record_event(actor, action, application, municipality=_code(fund.municipality))
    return application


def submit(application: Application, actor) -> Application:
    transition(application, ApplicationStatus.SUBMITTED, actor=actor)
    with transaction.atomic():
        for member in application.fund.members.filter(is_active=True).select_related("user"):
            notify(member.user, kinds.SUBMITTED.key, about=application, key=f"initiatives.submitted.{application.pk}")
    return application


def declare(application: Application, member, has_conflict: bool, explanation: str = "") -> Declaration:
    """A table member's declaration of interests for this application (once; it can be changed)."""
    _require(member, "initiatives.review_application", application)
    if has_conflict and not explanation.strip():
        raise ValidationError({"explanation": _("Say in a few words what your interest is.")})
    with transaction.atomic():
        declaration, _created = Declaration.objects.update_or_create(
            application=application,
            member=member,
            defaults={"has_conflict": has_conflict, "explanation": explanation.strip(), "declared_at": timezone.now()},
        )
        record_event(member, Action.UPDATE, application, declaration=("interest" if has_conflict else "none"))
    return declaration


def assign(application: Application, member, actor) -> None:
    _require(actor, "initiatives.review_application", application)
    if not can(member, "initiatives.review_application", application):
        raise ValidationError({"member": _("This person does not sit on the table of this fund.")})
    with transaction.atomic():
        Application.objects.filter(pk=application.pk).update(assigned_to=member)
        application.assigned_to = member
        record_event(actor, Action.UPDATE, application, assigned_to=member.pk)


def add_note(application: Application, actor, text: str) -> Note:
    _require(actor, "initiatives.review_application", application)
    if not text.strip():
        raise ValidationError({"text": _("Write the note.")})
    with transaction.atomic():
        note = Note.objects.create(application=application, author=actor, text=text.strip())
        record_event(actor, Action.CREATE, note)
    return note


def ask_question(application: Application, actor, about: str, text: str) -> Question:
    """A question back about one question of the form; the application waits for the applicant."""
    _require(actor, "initiatives.review_application", application)
    if not text.strip():
        raise ValidationError({"text": _("Write your question.")})
    application.refresh_from_db(fields=["status"])
    if application.status not in (ApplicationStatus.IN_REVIEW, ApplicationStatus.WAITING):
        raise ValidationError({"text": _("You can only ask something while the application is being reviewed.")})
    with transaction.atomic():
        question = Question.objects.create(application=application, about=about, text=text.strip(), asked_by=actor)
        record_event(actor, Action.CREATE, question, about=about)
        if application.status == ApplicationStatus.IN_REVIEW:
            transition(application, ApplicationStatus.WAITING, actor=actor)
        if application.applicant is not None:
            notify(application.applicant, kinds.QUESTION.key, about=application)
    return question


def answer_question(question: Question, actor, text: str, attachments=()) -> Question:
    """The applicant's answer, with files; when nothing is left open, the review goes on."""
    application = question.application
    _require(actor, "initiatives.answer_application", application)
    application.refresh_from_db(fields=["status"])
    if application.status != ApplicationStatus.WAITING:
        raise ValidationError({"answer": _("This question cannot be answered any more.")})
    if not text.strip():
        raise ValidationError({"answer": _("Write your answer.")})
    with transaction.atomic():
        question.answer = text.strip()
        question.answered_at = timezone.now()
        question.save(update_fields=["answer", "answered_at"])
        for upload in attachments:
            attach(upload, question, actor=actor)
        record_event(actor, Action.UPDATE, question, answered=True, attachments=len(attachments))
        if not application.questions.filter(answered_at__isnull=True).exists():
            transition(application, ApplicationStatus.IN_REVIEW, actor=actor)
            recipient = application.assigned_to or question.asked_by
            if recipient is not None:
                notify(recipient, kinds.ANSWERED.key, about=application)
    return question


def decide(application: Application, actor, decision: str, granted: int | None, reason: str) -> Application:
    """Decide: granted in full, in part or declined, with the reason in plain words.

    The grant is taken from the wijk's budget under a row lock in the same transaction (reserve_budget, called when
    the workflow enters "decided"): of two decisions on the last euros, one wins and the other gets BudgetExceeded.
    """
    errors = {}
    if decision not in Decision.values:
        errors["decision"] = _("Choose a decision.")
    if not reason.strip():
        errors["reason"] = _("Write the reason in plain words: the applicant reads it.")
    if decision == Decision.GRANTED:
        granted = application.amount
    elif decision == Decision.DECLINED:
        granted = 0
    elif decision == Decision.PARTLY and (granted is None or not 0 < granted < application.amount):
        errors["granted"] = _("A part is more than € 0 and less than the € %(amount)s asked.") % {
            "amount": application.amount
        }
    if errors:
        raise ValidationError(errors)
    application.decision, application.granted, application.reason = decision, granted, reason.strip()
    try:
        transition(application, ApplicationStatus.DECIDED, actor=actor, note=reason, decision=decision, granted=granted)
    except Exception:
        application.refresh_from_db()
        raise
    return application


def reserve_budget(application: Application) -> None:
    """Inside the decision's transaction: lock the wijk's budget row, check and take the grant."""
    if application.granted <= 0:
        return
    budget = (
        Budget.objects.select_for_update()
        .filter(fund_id=application.fund_id, district_id=application.district_id, year=application.year)
        .first()
    )
    if budget is None:
        raise BudgetExceeded(
            {"granted": _("This fund has no budget for this wijk in %(year)s.") % {"year": application.year}}
        )
    if budget.amount - budget.granted < application.granted:
        raise BudgetExceeded(
            {
                "granted": _(
                    "There is only € %(left)s left in the budget of this wijk; € %(asked)s cannot be granted. "
                    "Someone else may have just decided on the same budget."
                )
                % {"left": budget.amount - budget.granted, "asked": application.granted}
            }
        )
    Budget.objects.filter(pk=budget.pk).update(granted=F("granted") + application.granted)


def publish(application: Application, actor) -> Application:
    transition(application, ApplicationStatus.PUBLISHED, actor=actor)
    return application


def decision_sent(application: Application) -> None:
    """Inside the step to "decision sent": what a grant asks back, and the message to the applicant."""
    if application.is_granted:
        Accountability.objects.get_or_create(
            application=application,
            defaults={
                "tier": application.fund.tier_of(application.granted),
                "due_on": timezone.localdate() + timedelta(days=ACCOUNTABILITY_DAYS),
            },
        )
    if application.applicant is not None:
        notify(
            application.applicant, kinds.DECISION.key, about=application, key=f"initiatives.decision.{application.pk}"
        )


# -- payouts and accountability ---------------------------------------------------------------------------------


def record_payout(application: Application, actor, amount: int, paid_on: date, reference: str) -> Payout:
    _require(actor, "initiatives.record_payout", application)
    errors = {}
    if application.status != ApplicationStatus.PUBLISHED or not application.is_granted:
        errors["amount"] = _("Only a grant whose decision was sent can be paid.")
    if amount is None or amount <= 0:
        errors["amount"] = _("Give an amount of at least € 1.")
    if not reference.strip():
        errors["reference"] = _("Give the reference of the payment.")
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        Application.objects.select_for_update().get(pk=application.pk)
        already = application.payouts.aggregate(total=Sum("amount"))["total"] or 0
        if already + amount > application.granted:
            raise ValidationError(
                {
                    "amount": _("That is more than granted: € %(left)s is still to be paid.")
                    % {"left": application.granted - already}
                }
            )
        payout = Payout.objects.create(
            application=application, amount=amount, paid_on=paid_on, reference=reference.strip(), recorded_by=actor
        )
        record_event(actor, Action.CREATE, payout, municipality=_code(application.fund.municipality), amount=amount)
    return payout


def submit_accountability(
    accountability: Accountability,
    actor,
    *,
    story: str,
    activity_report: str = "",
    public: bool,
    photos=(),
    statement=None,
) -> Accountability:
    """The story (and, by tier, the report and the financial statement) of what came of a grant."""
    application = accountability.application
    _require(actor, "initiatives.answer_application", application)
    errors = {}
    if not story.strip():
        errors["story"] = _("Write a short story: what happened, who took part, what did they think?")
    if accountability.tier in (Tier.REPORT, Tier.FINANCIAL) and not activity_report.strip():
        errors["activity_report"] = _("For this amount we also ask a short activity report.")
    if accountability.tier == Tier.FINANCIAL and statement is None and not selectors.has_statement(accountability):
        errors["statement"] = _("For this amount we also ask a financial statement (PDF).")
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        accountability.story = story.strip()
        accountability.activity_report = activity_report.strip()
        accountability.public = public
        accountability.submitted_at = timezone.now()
        accountability.save()
        for upload in photos:
            attach(upload, accountability, actor=actor)
        if statement is not None:
            # The story and photos may become public with the accountability; the financial statement (names, bank
            # accounts, receipts) belongs to the application, which only the applicant, table and staff see.
            attach(statement, application, actor=actor)
        record_event(actor, Action.UPDATE, accountability, public=public)
        if application.initiative_id and application.initiative.status == InitiativeStatus.IDEA:
            transition(application.initiative, InitiativeStatus.ACTIVE, actor=actor)
    return accountability


def remind_accountability(today: date | None = None) -> int:
    """Tell applicants whose story is due (once per accountability)."""
    today = today or timezone.localdate()
    due = Accountability.objects.filter(
        submitted_at__isnull=True, reminded_at__isnull=True, due_on__lte=today
    ).select_related("application__applicant")
    sent = 0
    for accountability in due:
        with transaction.atomic():
            applicant = accountability.application.applicant
            if applicant is not None:
                notify(
                    applicant,
                    kinds.ACCOUNTABILITY_DUE.key,
                    about=accountability.application,
                    key=f"initiatives.accountability.{accountability.pk}",
                )
                sent += 1
            Accountability.objects.filter(pk=accountability.pk).update(reminded_at=timezone.now())
    return sent


# -- allocation ---------------------------------------------------------------------------------------------------


def save_allocation(fund: Fund, actor, *, year: int, total: int, base_share: int, terms) -> Allocation:
    """A new version of the division: the terms and the outcome are kept, and the wijken's budgets follow."""
    _require(actor, "initiatives.manage_fund", fund)
    try:
        division = selectors.compute_division(fund, total, base_share, terms)
    except AllocationError as exc:
        raise ValidationError({"base_share": str(exc)}) from None
    districts = {d.statcode: d for d in selectors.latest_districts(fund.municipality)}
    with transaction.atomic():
        budgets = {
            b.district.statcode: b
            for b in Budget.objects.select_for_update().filter(fund=fund, year=year).select_related("district")
        }
        too_low = [row.name for row in division.rows if row.code in budgets and budgets[row.code].granted > row.amount]
        if too_low:
            raise ValidationError(
                {
                    "base_share": _("More was already granted than this division gives to: %(names)s.")
                    % {"names": ", ".join(too_low)}
                }
            )
        last = fund.allocations.select_for_update().order_by("-version").first()
        published = division.as_dict()
        allocation = Allocation.objects.create(
            fund=fund,
            year=year,
            version=(last.version + 1) if last else 1,
            total=total,
            base_share=base_share,
            terms=published["terms"],
            rows=published["rows"],
            created_by=actor,
        )
        for row in division.rows:
            if row.code in budgets:
                Budget.objects.filter(pk=budgets[row.code].pk).update(amount=row.amount)
            else:
                Budget.objects.create(fund=fund, district=districts[row.code], year=year, amount=row.amount)
        record_event(
            actor,
            Action.CREATE,
            allocation,
            municipality=_code(fund.municipality),
            version=allocation.version,
            total=total,
            base_share=base_share,
        )
    return allocation
