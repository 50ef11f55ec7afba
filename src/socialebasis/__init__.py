"""Sociale Basis: map, strengthen and learn from the sociale basis of a municipality, wijk by wijk."""

# The Celery app is made with the package, so that every Django process sends tasks with the project's settings.
from .background import app as celery_app

__all__ = ["celery_app"]
