"""The status table of a signal (issue 14 point 5), as Signalen keeps one: new → being handled → passed on to a
partner → on the sociale agenda → handled, and back to being handled when the reporter is not satisfied. Every step
tells the reporter, with the note, through the `signalling.status` template."""

from django.db.models import F
from django.utils.translation import gettext_lazy as _

from socialebasis.workflows.registry import Transition, Workflow, register

from .models import Signal
from .models import SignalStatus as S
from .notifications import tell_reporter

HANDLE = "signalling.handle_signal"


def _closed(signal, actor, note, source) -> None:
    """What became of it is the note of the last step; the yearly report shows it per theme."""
    Signal.objects.filter(pk=signal.pk).update(outcome=note)
    signal.outcome = note
    tell_reporter(signal, actor, note, source)


def _reopened(signal, actor, note, source) -> None:
    if source == S.CLOSED:
        Signal.objects.filter(pk=signal.pk).update(times_reopened=F("times_reopened") + 1)
    tell_reporter(signal, actor, note, source)


register(
    Workflow(
        key="signalling.signal",
        model="signalling.Signal",
        states=S,
        initial=S.NEW,
        final=frozenset({S.CLOSED}),
        transitions=(
            Transition((S.NEW,), S.IN_PROGRESS, HANDLE, _("Start handling"), after=tell_reporter),
            Transition((S.NEW, S.IN_PROGRESS), S.FORWARDED, HANDLE, _("Passed on to a partner"), note_required=True,
                       after=tell_reporter),
            # Combining signals into one agenda action (services.combine_into_agenda) takes this step for each.
            Transition((S.NEW, S.IN_PROGRESS, S.FORWARDED), S.ON_AGENDA, HANDLE, _("On the sociale agenda"),
                       note_required=True, after=tell_reporter),
            Transition((S.NEW, S.IN_PROGRESS, S.FORWARDED, S.ON_AGENDA), S.CLOSED, HANDLE, _("Handled"),
                       note_required=True, after=_closed),
            Transition((S.CLOSED,), S.IN_PROGRESS, "signalling.reopen_signal", _("Not satisfied: look at it again"),
                       note_required=True, after=_reopened),
        ),
    )
)  # fmt: skip
