"""The life cycle of an opgave on the sociale agenda (issue 11 point 4): proposed, agreed, in progress, done or
stopped, and taken up again. Everyone who may edit the wijk's agenda may make each step."""

from django.utils.translation import gettext_lazy as _

from socialebasis.workflows.registry import Transition, Workflow, register

from .models import AgendaStatus

RULE = "profiles.change_agenda_item"

register(
    Workflow(
        key="profiles.agenda_item",
        model="profiles.AgendaItem",
        states=AgendaStatus,
        initial=AgendaStatus.PROPOSED,
        final=frozenset({AgendaStatus.DONE, AgendaStatus.STOPPED}),
        transitions=(
            Transition((AgendaStatus.PROPOSED,), AgendaStatus.AGREED, RULE, _("Agreed")),
            Transition((AgendaStatus.AGREED,), AgendaStatus.IN_PROGRESS, RULE, _("Started")),
            Transition((AgendaStatus.IN_PROGRESS,), AgendaStatus.DONE, RULE, _("Done")),
            Transition(
                (AgendaStatus.PROPOSED, AgendaStatus.AGREED, AgendaStatus.IN_PROGRESS),
                AgendaStatus.STOPPED,
                RULE,
                _("Stop"),
                note_required=True,
            ),
            Transition((AgendaStatus.DONE, AgendaStatus.STOPPED), AgendaStatus.IN_PROGRESS, RULE, _("Take up again")),
        ),
    )
)
