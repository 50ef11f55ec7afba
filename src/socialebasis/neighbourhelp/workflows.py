"""Life cycles of burenhulp as tables (workflows.registry): requests, offers, vacancies and matches.

A request in a moderated municipality waits for a professional of the wijk (pending → open); in peer mode it is open
at once. It is matched when the asker accepts a helper, done when the help happened, and expires by the platform's
daily round after the municipality's expiry days; the owner or a professional reopens it (issue 13 point 4).
"""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from socialebasis.workflows.registry import BY_THE_PLATFORM, Transition, Workflow, register

from .vocabulary import MatchStatus, OfferStatus, RequestStatus, VacancyStatus


def _stamp(obj, actor) -> list[str]:
    obj.status_changed_at = timezone.now()
    return ["status_changed_at"]


def _closed(obj, actor) -> list[str]:
    obj.closed_at = timezone.now()
    return ["closed_at"]


def _accepted(obj, actor) -> list[str]:
    obj.accepted_at = timezone.now()
    return ["accepted_at"]


def _match_step(match, actor, note, source) -> None:
    from .services import after_match_step

    after_match_step(match)


def _request_done(request, actor, note, source) -> None:
    from .services import after_request_done

    after_request_done(request)


CHANGE, MODERATE, DONE = (
    "neighbourhelp.change_helprequest",
    "neighbourhelp.moderate_helprequest",
    "neighbourhelp.done_helprequest",
)
R = RequestStatus
register(
    Workflow(
        key="neighbourhelp.helprequest",
        model="neighbourhelp.HelpRequest",
        states=RequestStatus,
        # A new request waits for approval; in peer mode the service creates it open at once (no step of anyone).
        initial=R.PENDING,
        final=frozenset({R.DONE}),
        on_enter={state: _stamp for state in R.values},
        transitions=(
            Transition((R.PENDING,), R.OPEN, MODERATE, _("Approve")),
            # A match agreed, stopped or done moves its request along (services.after_match_step).
            Transition((R.OPEN,), R.MATCHED, BY_THE_PLATFORM, _("Someone helps")),
            Transition((R.MATCHED,), R.OPEN, BY_THE_PLATFORM, _("Look for someone else")),
            Transition((R.MATCHED,), R.DONE, BY_THE_PLATFORM, _("The help happened")),
            Transition((R.MATCHED,), R.DONE, DONE, _("The help happened"), after=_request_done),
            Transition((R.PENDING, R.OPEN, R.MATCHED), R.CLOSED, CHANGE, _("Close")),
            Transition((R.OPEN, R.PENDING), R.EXPIRED, BY_THE_PLATFORM, _("Expire")),
            Transition((R.EXPIRED, R.CLOSED), R.OPEN, CHANGE, _("Open again")),
        ),
    )
)

OS = OfferStatus
register(
    Workflow(
        key="neighbourhelp.helpoffer",
        model="neighbourhelp.HelpOffer",
        states=OfferStatus,
        initial=OS.OPEN,
        on_enter={state: _stamp for state in OS.values},
        transitions=(
            Transition((OS.OPEN,), OS.CLOSED, "neighbourhelp.change_helpoffer", _("Close")),
            Transition((OS.CLOSED,), OS.OPEN, "neighbourhelp.change_helpoffer", _("Open again")),
        ),
    )
)

V = VacancyStatus
register(
    Workflow(
        key="neighbourhelp.volunteervacancy",
        model="neighbourhelp.VolunteerVacancy",
        states=VacancyStatus,
        initial=V.OPEN,
        transitions=(
            Transition((V.OPEN,), V.FILLED, "neighbourhelp.change_volunteervacancy", _("Filled")),
            Transition((V.OPEN, V.FILLED), V.CLOSED, "neighbourhelp.change_volunteervacancy", _("Close")),
            Transition((V.FILLED, V.CLOSED), V.OPEN, "neighbourhelp.change_volunteervacancy", _("Open again")),
        ),
    )
)

M = MatchStatus
register(
    Workflow(
        key="neighbourhelp.match",
        model="neighbourhelp.Match",
        states=MatchStatus,
        initial=M.PROPOSED,
        final=frozenset({M.DECLINED, M.DONE, M.ENDED}),
        on_enter={M.ACCEPTED: _accepted, M.DECLINED: _closed, M.DONE: _closed, M.ENDED: _closed},
        transitions=(
            Transition((M.PROPOSED,), M.ACCEPTED, "neighbourhelp.accept_match", _("Yes, agreed"), after=_match_step),
            Transition((M.PROPOSED,), M.DECLINED, "neighbourhelp.end_match", _("No, thank you"), after=_match_step),
            Transition((M.ACCEPTED,), M.DONE, "neighbourhelp.end_match", _("The help happened"), after=_match_step),
            Transition((M.ACCEPTED,), M.DONE, BY_THE_PLATFORM, _("The help happened"), after=_match_step),
            Transition((M.ACCEPTED,), M.ENDED, "neighbourhelp.end_match", _("Stop"), after=_match_step),
        ),
    )
)
