"""Sent inside the transaction that stored a new framework version, so that other apps can react after commit.

`municipality` is the CBS code of the municipality whose framework changed. Receivers queue their work with
`transaction.on_commit` (ADR 0027): the directory reassesses that municipality's activities on the worker.
"""

from django.dispatch import Signal

version_created = Signal()
