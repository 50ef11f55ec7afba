"""Sent inside an import's transaction after it changed indicator values, so that other apps can react.

`municipalities` lists the CBS codes of the municipalities whose figures changed, or is None when figures of the
whole country changed (every municipality compares with them). Receivers queue their work with
`transaction.on_commit`, so nothing happens for an import that is rolled back (ADR 0027).
"""

from django.dispatch import Signal

values_changed = Signal()
