"""The life cycle of a policy check: the author writes and submits it, a colleague signs it off or returns it with
a note; an approved check can be taken up again as a new version."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from socialebasis.workflows.registry import Transition, Workflow, register

from .models import CheckStatus


def _signed_off(check, actor) -> list[str]:
    from .services import keep_version

    check.reviewer = actor
    check.reviewed_at = timezone.now()
    keep_version(check, actor)  # the approved text is kept as it was signed off
    return ["reviewer", "reviewed_at"]


def _reopened(check, actor) -> list[str]:
    check.reviewer = None
    check.reviewed_at = None
    check.version += 1
    return ["reviewer", "reviewed_at", "version"]


register(
    Workflow(
        key="policy.check",
        model="policy.PolicyCheck",
        states=CheckStatus,
        initial=CheckStatus.DRAFT,
        final=frozenset({CheckStatus.APPROVED}),
        on_enter={CheckStatus.APPROVED: _signed_off, CheckStatus.DRAFT: _reopened},
        transitions=(
            Transition(
                (CheckStatus.DRAFT, CheckStatus.RETURNED),
                CheckStatus.SUBMITTED,
                "policy.submit_check",
                _("Ask a colleague to review"),
            ),
            Transition((CheckStatus.SUBMITTED,), CheckStatus.APPROVED, "policy.review_check", _("Approve as reviewer")),
            Transition(
                (CheckStatus.SUBMITTED,),
                CheckStatus.RETURNED,
                "policy.review_check",
                _("Return to the author"),
                note_required=True,
            ),
            Transition((CheckStatus.APPROVED,), CheckStatus.DRAFT, "policy.revise_check", _("Start a new version")),
        ),
    )
)
