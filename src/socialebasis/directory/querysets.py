from django.db import models

from .vocabulary import PUBLIC_STATUSES


class EntryQuerySet(models.QuerySet):
    def public(self):
        return self.filter(status__in=PUBLIC_STATUSES)
