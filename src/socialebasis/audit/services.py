from typing import Any

from django.db import models

from .models import Action, AuditEvent


def record_event(
    actor,
    action: Action,
    obj: models.Model | None = None,
    *,
    object_type: str = "",
    object_id: str = "",
    municipality: str = "",
    **details: Any,
) -> AuditEvent:
    """Add one line to the audit log. Call it inside the transaction of the change it records."""
    if obj is not None:
        object_type = object_type or obj._meta.label_lower
        object_id = object_id or str(obj.pk)
    signed_in = actor is not None and getattr(actor, "is_authenticated", False)
    return AuditEvent.objects.create(
        actor=actor if signed_in else None,
        actor_label=actor.get_username() if signed_in else "anoniem",
        action=action,
        object_type=object_type,
        object_id=object_id,
        object_label=str(obj)[:250] if obj is not None else "",
        municipality=municipality,
        details=details,
    )


def record_list_read(actor, model: type[models.Model], rows, *, named: str) -> AuditEvent | None:
    """One line for a list of someone else's personal data that staff were shown: the rows by id under `named`, and
    the municipality when they all belong to one (each row has `municipality`). Nothing when the list was empty."""
    rows = list(rows)
    if not rows:
        return None
    codes = {row.municipality.statcode for row in rows}
    return record_event(
        actor,
        Action.VIEW,
        object_type=model._meta.label_lower,
        municipality=codes.pop() if len(codes) == 1 else "",
        **{named: sorted(row.pk for row in rows)},
    )
