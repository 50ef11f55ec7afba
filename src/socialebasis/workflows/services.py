"""The one way a status changes: `transition(obj, to, actor=..., note=...)`."""

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from socialebasis.audit.models import Action
from socialebasis.audit.services import record_event
from socialebasis.core.permissions import can

from .registry import Transition, Workflow, workflow_of
from .signals import transitioned


class TransitionNotAllowed(PermissionDenied):
    """This actor may not make this step, or the step does not exist from the current state."""


def _permitted(step: Transition, actor, obj) -> bool:
    if step.allows_the_platform():
        return actor is None
    return actor is not None and can(actor, step.rule, obj)


def allowed_steps(obj, actor, field: str = "status") -> list[Transition]:
    """The steps `actor` may take from the object's current state, in the order the workflow declares them."""
    workflow = workflow_of(obj, field)
    return [step for step in workflow.steps_from(getattr(obj, field)) if _permitted(step, actor, obj)]


def transition(obj, to: str, *, actor, note: str = "", field: str = "status", **details: Any):
    """Move `obj` to state `to` if the workflow has that step from its current state and `actor` may make it.

    The row is locked and read again first, so two people acting at once cannot both move it from the same state.
    Writes the audit line in the same transaction; the step's `after` work runs once the transaction commits.
    Raises TransitionNotAllowed, or ValidationError when the step needs a note and none is given.
    """
    workflow = workflow_of(obj, field)
    with transaction.atomic():
        locked = type(obj)._base_manager.select_for_update().get(pk=obj.pk)
        source = getattr(locked, field)
        step = next((step for step in workflow.steps(source, to) if _permitted(step, actor, locked)), None)
        if step is None:
            raise TransitionNotAllowed(
                _("This step is not possible now: %(source)s → %(target)s.")
                % {"source": state_label(workflow, source), "target": state_label(workflow, to)}
            )
        note = (note or "").strip()
        if step.note_required and not note:
            raise ValidationError({"note": _("Write a short note: the person concerned reads it.")})
        setattr(obj, field, to)
        changed = [field]
        if workflow.on_enter and to in workflow.on_enter:
            changed += workflow.on_enter[to](obj, actor)
        type(obj)._base_manager.filter(pk=obj.pk).update(**{name: getattr(obj, name) for name in changed})
        transitioned.send(sender=type(obj), instance=obj, source=source, target=to)
        record_event(
            actor,
            Action.UPDATE,
            obj,
            municipality=_municipality_code(obj),
            workflow=workflow.key,
            source=source,
            target=to,
            note=note[:500],
            **details,
        )
        if step.after is not None:
            after = step.after
            transaction.on_commit(lambda: after(obj, actor, note, source))
    return obj


def state_label(workflow: Workflow, state: str) -> str:
    return str(dict(workflow.states.choices).get(state, state))


def _municipality_code(obj) -> str:
    for path in ("municipality", "district.municipality"):
        target = obj
        for name in path.split("."):
            target = getattr(target, name, None)
        if target is not None and hasattr(target, "statcode"):
            return target.statcode
    return ""
