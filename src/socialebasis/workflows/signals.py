"""Sent when `transition()` moved an object to another state, inside its transaction (the row is written with
`.update()`, so Django's `post_save` is not sent). Arguments: `sender` (the model), `instance`, `source`, `target`.
Receivers that react outside the database queue their work with `transaction.on_commit` (ADR 0027)."""

from django.dispatch import Signal

transitioned = Signal()
