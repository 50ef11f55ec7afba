"""Sent after an import changed indicator values (inside its transaction), so that profiles can recompute."""

from django.dispatch import Signal

values_changed = Signal()
