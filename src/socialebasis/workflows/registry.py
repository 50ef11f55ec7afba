"""Status life cycles as declared tables: which state may follow which, and who may make each step.

An app declares a `Workflow` per model in its own `workflows.py`; `services.transition()` is the only way a status
changes, so the table is the whole truth about a life cycle (Signalen keeps its states the same way). A test checks
every declared workflow: each state reachable, no dead end that is not meant to be one, every rule registered.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.db import models

# Who makes a transition: a permission rule of the one permission helper (checked as can(actor, rule, obj)), or the
# platform itself (a scheduled task, with no actor).
BY_THE_PLATFORM = "platform"


@dataclass(frozen=True)
class Transition:
    sources: tuple[str, ...]
    target: str
    rule: str
    label: Any = ""
    note_required: bool = False
    # Runs after the transaction commits (notifications, work for the worker): after(obj, actor, note, source).
    after: Callable[..., None] | None = None

    def allows_the_platform(self) -> bool:
        return self.rule == BY_THE_PLATFORM


@dataclass(frozen=True)
class Workflow:
    key: str
    model: str
    states: type[models.TextChoices]
    initial: str
    transitions: tuple[Transition, ...]
    field: str = "status"
    # States a record may rest in for good; every other state must have a way out.
    final: frozenset[str] = frozenset()
    # Changes that happen together with a transition (a published entry counts as checked): on_enter[state](obj, actor)
    on_enter: dict[str, Callable[[Any, Any], list[str]]] | None = None

    @property
    def model_class(self) -> type[models.Model]:
        return apps.get_model(self.model)

    def steps_from(self, state: str) -> list[Transition]:
        return [t for t in self.transitions if state in t.sources]

    def steps(self, source: str, target: str) -> list[Transition]:
        """The steps from `source` to `target`: one, or several when different people may take it (a moderator, or
        the platform itself on a schedule)."""
        return [t for t in self.transitions if source in t.sources and t.target == target]


_WORKFLOWS: dict[str, Workflow] = {}


def register(workflow: Workflow) -> Workflow:
    if workflow.key in _WORKFLOWS:
        raise ValueError(f"Workflow {workflow.key!r} is declared twice.")
    _WORKFLOWS[workflow.key] = workflow
    return workflow


def workflows() -> list[Workflow]:
    return list(_WORKFLOWS.values())


def workflow_named(key: str) -> Workflow:
    return _WORKFLOWS[key]


def workflow_of(model: type[models.Model] | models.Model, field: str = "status") -> Workflow:
    label = model._meta.label
    for workflow in _WORKFLOWS.values():
        if workflow.model == label and workflow.field == field:
            return workflow
    raise LookupError(f"No workflow declared for {label}.{field}.")
