"""The personal-data register: each app declares, next to its models, which personal data it keeps and why.

This module holds the declarations (it sits in `core` so that every app can declare); the `privacy` app builds the
export, erasure, retention and the register of processing activities from them.

An app's `personal_data.py` calls `declare(Processing(...))` for every model that holds personal data, and
`not_personal(...)` for fields that look personal but are not (the name of a municipality). From those declarations
alone the platform builds a resident's data export, the erasure of an account, the nightly retention round and the
register of processing activities (AVG article 30); a test fails for any model that refers to an account or keeps a
name, e-mail address, phone number or address without a declaration.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.apps import apps
from django.db import models
from django.utils.translation import gettext_lazy as _


class LegalBasis(models.TextChoices):
    """The grounds of AVG article 6(1) a municipal platform relies on."""

    CONSENT = "consent", _("consent of the person (AVG art. 6(1)(a))")
    AGREEMENT = "agreement", _("the terms the person accepted for their account (AVG art. 6(1)(b))")
    LEGAL_OBLIGATION = "legal_obligation", _("a legal obligation of the municipality (AVG art. 6(1)(c))")
    PUBLIC_TASK = "public_task", _("a task in the public interest of the municipality (AVG art. 6(1)(e))")
    LEGITIMATE_INTEREST = "legitimate_interest", _("a legitimate interest: security of the service (AVG art. 6(1)(f))")


class Erasure(models.TextChoices):
    """What happens to a row about a person when their account is erased or its retention period ends."""

    DELETE = "delete", _("deleted")
    ANONYMISE = "anonymise", _("made anonymous; the rest of the record stays")
    UNLINK = "unlink", _("the link to the person is removed; what they published stays")


@dataclass(frozen=True)
class Retention:
    """How long rows are kept, counted from `field`; `days=None` keeps them as long as the account exists.

    `setting` names a Django setting that overrides `days` per installation. `only` narrows the rows the period
    applies to (for example archived entries only). At the end of the period the rows get `action`.
    """

    days: int | None = None
    field: str = ""
    action: Erasure = Erasure.DELETE
    setting: str = ""
    only: models.Q | None = None
    description: Any = ""

    def period_days(self) -> int | None:
        from django.conf import settings

        if self.setting:
            return getattr(settings, self.setting, self.days)
        return self.days


@dataclass(frozen=True)
class Processing:
    """One model's personal data: what, about whom, why, on which ground, how long, and what erasure does.

    `person` is the path from a row to the account it is about ("owner"; "self" for the account itself; "" when the
    data is not tied to an account, such as the contact person of an activity). `match` instead gives the filter
    that finds a person's rows where no foreign key does (a lockout log keeps the user name as text). `links` are
    other references to accounts, usually staff who did their work (`checked_by`), with what erasure does to them.
    `export`, `erase` and `expire` replace the generic handling where a model needs its own (third-party tables,
    files).
    """

    model: str
    fields: tuple[str, ...]
    purpose: Any
    legal_basis: LegalBasis
    subjects: Any
    retention: Retention
    person: str = ""
    name: Any = ""
    match: Callable[[Any], dict] | None = None
    on_erasure: Erasure = Erasure.DELETE
    anonymise: dict[str, Any] = field(default_factory=dict)
    links: dict[str, Erasure] = field(default_factory=dict)
    special_category: bool = False
    export_fields: tuple[str, ...] = ()
    export: Callable[[Any], list[dict]] | None = None
    erase: Callable[[Any], int] | None = None
    expire: Callable[[datetime], int] | None = None

    @property
    def model_class(self) -> type[models.Model]:
        return apps.get_model(self.model)

    @property
    def label(self):
        """What the data is called on pages: `name`, or the model's plural name (packages' names are English)."""
        return self.name or self.model_class._meta.verbose_name_plural


@dataclass(frozen=True)
class NotPersonal:
    """Fields that look personal to the register's check but are not, with the reason."""

    model: str
    fields: tuple[str, ...]
    reason: str


_PROCESSINGS: dict[str, Processing] = {}
_NOT_PERSONAL: dict[str, list[NotPersonal]] = {}


def declare(processing: Processing) -> Processing:
    if processing.model in _PROCESSINGS:
        raise ValueError(f"Personal data of {processing.model} is declared twice.")
    _PROCESSINGS[processing.model] = processing
    return processing


def not_personal(model: str, fields: tuple[str, ...], reason: str) -> None:
    _NOT_PERSONAL.setdefault(model, []).append(NotPersonal(model, fields, reason))


def processings() -> list[Processing]:
    """Every declaration, the account itself last (erasure handles everything that refers to it first)."""
    from django.conf import settings

    return sorted(_PROCESSINGS.values(), key=lambda p: (p.model == settings.AUTH_USER_MODEL, p.model))


def processing_of(model: type[models.Model]) -> Processing | None:
    return _PROCESSINGS.get(model._meta.label)


def not_personal_fields(model: type[models.Model]) -> set[str]:
    return {name for item in _NOT_PERSONAL.get(model._meta.label, []) for name in item.fields}
