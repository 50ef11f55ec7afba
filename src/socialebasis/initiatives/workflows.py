"""The life cycles of an initiative (idea → active → finished) and of an application for money.

An application: draft → submitted → being reviewed ⇄ waiting for the applicant (a question back) → decided → the
decision sent; the applicant may withdraw it until it is decided. Deciding and sending are separate moments. Two
steps need more than a button and come from their own forms: asking a question (services.ask_question) and the
decision with its amount (services.decide); entering those states without them is refused here.
"""

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from socialebasis.workflows.registry import Transition, Workflow, register

from .vocabulary import ApplicationStatus as S
from .vocabulary import InitiativeStatus

# Targets whose step is taken from a form of this app, not from the generic buttons.
FORM_STEPS = frozenset({S.WAITING, S.DECIDED})

register(
    Workflow(
        key="initiatives.initiative",
        model="initiatives.Initiative",
        states=InitiativeStatus,
        initial=InitiativeStatus.IDEA,
        final=frozenset({InitiativeStatus.DONE}),
        transitions=(
            Transition(
                (InitiativeStatus.IDEA,), InitiativeStatus.ACTIVE, "initiatives.change_initiative", _("It has started")
            ),
            Transition(
                (InitiativeStatus.IDEA, InitiativeStatus.ACTIVE),
                InitiativeStatus.DONE,
                "initiatives.change_initiative",
                _("It is finished"),
            ),
            Transition(
                (InitiativeStatus.DONE,), InitiativeStatus.ACTIVE, "initiatives.change_initiative", _("Active again")
            ),
        ),
    )
)


def _submitted(application, actor) -> list[str]:
    application.submitted_at = timezone.now()
    return ["submitted_at"]


def _waiting(application, actor) -> list[str]:
    if not application.questions.filter(answered_at__isnull=True).exists():
        raise ValidationError({"note": gettext("Ask a question first: the applicant must know what to answer.")})
    return []


def _back_in_review(application, actor) -> list[str]:
    applicant = actor is not None and actor.pk == application.applicant_id
    if applicant and application.questions.filter(answered_at__isnull=True).exists():
        raise ValidationError({"note": gettext("Answer every question first.")})
    return []


def _decided(application, actor) -> list[str]:
    from .services import reserve_budget

    if not application.decision:
        raise ValidationError({"note": gettext("Use the decision form: it asks for the amount and the reason.")})
    reserve_budget(application)
    application.decided_at = timezone.now()
    application.decided_by = actor
    return ["decision", "granted", "reason", "decided_at", "decided_by"]


def _published(application, actor) -> list[str]:
    from .services import decision_sent

    application.published_at = timezone.now()
    decision_sent(application)
    return ["published_at"]


REVIEW, DECIDE = "initiatives.review_application", "initiatives.decide_application"
APPLICANT_MAY_WITHDRAW = (S.DRAFT, S.SUBMITTED, S.IN_REVIEW, S.WAITING)

register(
    Workflow(
        key="initiatives.application",
        model="initiatives.Application",
        states=S,
        initial=S.DRAFT,
        final=frozenset({S.PUBLISHED, S.WITHDRAWN}),
        on_enter={
            S.SUBMITTED: _submitted,
            S.WAITING: _waiting,
            S.IN_REVIEW: _back_in_review,
            S.DECIDED: _decided,
            S.PUBLISHED: _published,
        },
        transitions=(
            Transition((S.DRAFT,), S.SUBMITTED, "initiatives.submit_application", _("Send the application")),
            Transition((S.SUBMITTED,), S.IN_REVIEW, REVIEW, _("Start the review")),
            Transition((S.IN_REVIEW,), S.WAITING, REVIEW, _("Ask the applicant")),
            Transition((S.WAITING,), S.IN_REVIEW, "initiatives.answer_application", _("Send my answers")),
            Transition((S.WAITING,), S.IN_REVIEW, REVIEW, _("Review without waiting")),
            Transition((S.IN_REVIEW,), S.DECIDED, DECIDE, _("Decide")),
            Transition((S.DECIDED,), S.PUBLISHED, DECIDE, _("Send the decision")),
            Transition(APPLICANT_MAY_WITHDRAW, S.WITHDRAWN, "initiatives.withdraw_application", _("Withdraw")),
        ),
    )
)
