"""What the register's declarations make possible: a person's export, the erasure of an account, retention.

Everything here works from the declarations in `register.py` only; an app with its own way (files, third-party
tables) gives its functions in the declaration.
"""

import re
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.db import models, transaction
from django.utils import timezone

from socialebasis.audit.models import Action
from socialebasis.audit.services import record_event
from socialebasis.core.personal_data_register import Erasure, Processing, not_personal_fields, processings


def rows_about(processing: Processing, user) -> models.QuerySet:
    """The rows of a declared model that are about `user` (none when the data is not tied to an account)."""
    model = processing.model_class
    if processing.match is not None:
        return model._base_manager.filter(**processing.match(user))
    if processing.person == "self":
        return model._base_manager.filter(pk=user.pk)
    if not processing.person:
        return model._base_manager.none()
    return model._base_manager.filter(**{processing.person: user})


def _plain(value: Any) -> Any:
    """A value as JSON can hold it."""
    if value is None or isinstance(value, bool | int | float | str | list | dict):
        return value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, models.Model):
        return str(value)
    return str(value)


def _row(processing: Processing, obj: models.Model) -> dict[str, Any]:
    row = {}
    for name in processing.export_fields or processing.fields:
        field = obj._meta.get_field(name)
        if field.many_to_many:
            value = [str(item) for item in getattr(obj, name).all()]
        elif field.choices and not field.is_relation:
            value = str(getattr(obj, f"get_{name}_display")())
        else:
            value = _plain(getattr(obj, name))
        row[name] = value
    return row


def export_personal_data(user) -> list[dict[str, Any]]:
    """Everything the platform keeps about `user`, per declared model: what it is, why, how long, and the rows."""
    sections = []
    for processing in processings():
        if processing.export is not None:
            rows = processing.export(user)
        else:
            rows = [_row(processing, obj) for obj in rows_about(processing, user)]
        if not rows:
            continue
        model = processing.model_class
        sections.append(
            {
                "model": processing.model,
                "name": str(processing.label),
                "purpose": str(processing.purpose),
                "legal_basis": str(processing.legal_basis.label),
                "retention": str(processing.retention.description),
                "fields": {name: str(_field_label(model, name)) for name in rows[0]},
                "rows": rows,
            }
        )
    return sections


def _field_label(model, name: str):
    try:
        return model._meta.get_field(name).verbose_name
    except FieldDoesNotExist:
        return name


@transaction.atomic
def erase_account(user, *, actor) -> dict[str, int]:
    """Erase an account and what is about the person, as each declaration says; audited without their name.

    What must stay (audit lines, the contents of published entries) is anonymised or unlinked; everything else
    about the person is deleted, the account last.
    """
    report: dict[str, int] = {}
    user_pk = user.pk
    for processing in processings():
        count = _erase(processing, user)
        if count:
            report[processing.model] = count
    erased_self = actor is not None and getattr(actor, "pk", None) == user_pk
    record_event(
        None if erased_self else actor,
        Action.DELETE,
        object_type=settings.AUTH_USER_MODEL.lower(),
        object_id=str(user_pk),
        erased=True,
        by_the_person=erased_self,
        rows=report,
    )
    return report


def _erase(processing: Processing, user) -> int:
    model = processing.model_class
    count = 0
    for link, action in processing.links.items():
        linked = model._base_manager.filter(**{link: user})
        count += _apply(processing, linked, action, unlink_field=link)
    if processing.erase is not None:
        return count + processing.erase(user)
    rows = rows_about(processing, user)
    return count + _apply(processing, rows, processing.on_erasure, unlink_field=processing.person)


def _apply(processing: Processing, rows: models.QuerySet, action: Erasure, *, unlink_field: str = "") -> int:
    if action == Erasure.DELETE:
        count = rows.count()
        rows.delete()
        return count
    if action == Erasure.ANONYMISE:
        return rows.update(**_anonymous_values(processing, unlink_field))
    if action == Erasure.UNLINK:
        return rows.update(**{unlink_field: None})
    raise ValueError(action)


def _anonymous_values(processing: Processing, unlink_field: str) -> dict[str, Any]:
    values = dict(processing.anonymise)
    if unlink_field and unlink_field != "self" and "__" not in unlink_field:
        values.setdefault(unlink_field, None)
    return values


def apply_retention(now: datetime | None = None) -> dict[str, int]:
    """The nightly round: every declared period that has ended deletes or anonymises its rows. Safe to repeat."""
    now = now or timezone.now()
    report: dict[str, int] = {}
    for processing in processings():
        with transaction.atomic():
            count = _expire(processing, now)
        if count:
            report[processing.model] = count
    return report


def _expire(processing: Processing, now: datetime) -> int:
    if processing.expire is not None:
        return processing.expire(now)
    retention = processing.retention
    days = retention.period_days()
    if days is None or not retention.field:
        return 0
    rows = processing.model_class._base_manager.filter(**{f"{retention.field}__lt": now - timedelta(days=days)})
    if retention.only is not None:
        rows = rows.filter(retention.only)
    if retention.action == Erasure.ANONYMISE:
        # Only rows that still hold something: a second round changes nothing and counts nothing.
        rows = rows.exclude(models.Q(**_anonymous_values(processing, processing.person)))
    return _apply(processing, rows, retention.action, unlink_field=processing.person)


# What the register's check counts as a sign of personal data, by field name or kind.
PERSONAL_NAME = re.compile(
    r"(^|_)(e_?mail|phone|telephone|address|adres|street|postcode|zip_?code|username|first_name|last_name|"
    r"ip_address|user_agent|contact|name)($|_)"
)


def undeclared_personal_fields(checked_models=None) -> list[str]:
    """Fields that refer to an account or look personal but appear in no declaration: "app.Model.field" each.

    `checked_models` defaults to every installed model.
    """
    from django.apps import apps

    from socialebasis.core.personal_data_register import processing_of

    user_model = apps.get_model(settings.AUTH_USER_MODEL)
    missing = []
    for model in apps.get_models() if checked_models is None else checked_models:
        processing = processing_of(model)
        declared = set(not_personal_fields(model))
        if processing is not None:
            declared |= set(processing.fields) | set(processing.links)
            if processing.person and processing.person != "self":
                declared.add(processing.person.split("__")[0])
        for field in model._meta.get_fields():
            if field.auto_created and not field.concrete:
                continue  # reverse relations: declared on the other side
            refers_to_account = field.is_relation and _label(field.related_model) == user_model._meta.label
            looks_personal = isinstance(field, models.EmailField) or bool(PERSONAL_NAME.search(field.name))
            if (refers_to_account or looks_personal) and field.name not in declared:
                missing.append(f"{model._meta.label}.{field.name}")
    return missing


def _label(model) -> str:
    """A model's label, also for a relation not resolved yet (given as "app.Model")."""
    return model if isinstance(model, str) else getattr(getattr(model, "_meta", None), "label", "")


def register_rows(declared: list[Processing]) -> list[dict[str, Any]]:
    """The register of processing activities (AVG art. 30) as rows a page or a document can show."""
    rows = []
    for processing in declared:
        model = processing.model_class
        rows.append(
            {
                "model": processing.model,
                "name": processing.label,
                "purpose": processing.purpose,
                "legal_basis": processing.legal_basis.label,
                "special_category": processing.special_category,
                "subjects": processing.subjects,
                "fields": [_field_label(model, name) for name in processing.fields],
                "retention": processing.retention.description,
                "on_erasure": processing.on_erasure.label,
            }
        )
    return rows
